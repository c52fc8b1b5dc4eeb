using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class ReportPublisherTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_run_publishes_changed_rankings_and_a_run_with_nothing_new_writes_nothing()
    {
        await using var services = await azurite.NewPipelineAsync();
        await services.GetRequiredService<IngestionService>().IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);
        await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2023), CancellationToken.None);
        var publisher = services.GetRequiredService<ReportPublisher>();

        var first = await publisher.PublishChangedAsync(CancellationToken.None);
        var second = await publisher.PublishChangedAsync(CancellationToken.None);

        var report = Assert.Single(first);
        Assert.Equal(["reports/PAR/2023/summary.md", "reports/PAR/2023/summary.json"], report.Files);
        Assert.Empty(second);

        var reports = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer);
        var markdown = (await reports.GetBlobClient("PAR/2023/summary.md").DownloadContentAsync()).Value.Content.ToString();
        Assert.StartsWith("# Public Administration Reform Index (provinces) 2023\n\n63 units ranked.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 12 | 48 | Đà Nẵng | 88.68 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- Da Nang ranked 12th of 63 in the PAR INDEX 2023 with 88.68 points, its first year in the index. ", markdown, StringComparison.Ordinal);
        Assert.Contains("  Đà Nẵng xếp thứ 12/63 về Chỉ số CCHC năm 2023 với 88,68 điểm, năm đầu tiên được đánh giá. ", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse((await reports.GetBlobClient("PAR/2023/summary.json").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(63, json.RootElement.GetProperty("units").GetArrayLength());
        Assert.Equal(report.RankingHash, json.RootElement.GetProperty("rankingHash").GetString());
        var narrative = json.RootElement.GetProperty("narratives").EnumerateArray().Single(n => n.GetProperty("unitCode").GetString() == "48");
        Assert.StartsWith("Da Nang ranked 12th of 63", narrative.GetProperty("en").GetString(), StringComparison.Ordinal);
    }
}
