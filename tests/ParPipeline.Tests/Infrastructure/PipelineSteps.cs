using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>The pipeline's steps called in order on one storage account, as the triggers would call them.</summary>
public static class PipelineSteps
{
    /// <summary>Ingests PAR 2022 and 2023, ranks both (the 2022 message ranks 2023 too) and publishes 2023.</summary>
    public static async Task PublishPar2023WithMovementAsync(IServiceProvider services)
    {
        var ingestion = services.GetRequiredService<IngestionService>();
        await ingestion.IngestAsync(Samples.Par2022, Samples.Open(Samples.Par2022), CancellationToken.None);
        await ingestion.IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);
        await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2022), CancellationToken.None);
        await services.GetRequiredService<ReportPublisher>().PublishAsync(new IndexYear("PAR", 2023), CancellationToken.None);
    }

    /// <summary>A drop the seed rejects, so the routes about a file's fate have a rejection to show: Hà Giang misspelt
    /// (A3) and Cao Bằng's score written 88,6,8 (B4).</summary>
    public const string RejectedExample = "PAR/2023/rejected-example.csv";

    public const string Par2022Annex = "PAR/2022/criteria-2022.csv";

    public const string Par2023Annex = "PAR/2023/criteria-2023.csv";

    public static byte[] RejectedExampleBytes() => System.Text.Encoding.UTF8.GetBytes(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", 2023, (unit, score) =>
        unit.NameVi == "Hà Giang" ? $"Ha Giangg,{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : unit.NameVi == "Cao Bằng" ? "Cao Bằng,\"88,6,8\""
        : $"{unit.NameVi},{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    /// <summary>Ingests every bundled sample and two made-up PAR annexes, and ranks every index-year they hold.</summary>
    public static async Task RankAllSamplesAsync(IServiceProvider services)
    {
        var ingestion = services.GetRequiredService<IngestionService>();
        await ingestion.IngestAsync(RejectedExample, new MemoryStream(RejectedExampleBytes()), CancellationToken.None);
        foreach (var sample in new[] { Samples.Par2021Xls, Samples.Par2022, Samples.Par2023, Samples.Sipas2022, Samples.Sipas2023, Samples.Ministries2023 })
        {
            await ingestion.IngestAsync(sample, Samples.Open(sample), CancellationToken.None);
        }
        // Criteria annexes of PAR 2022 and 2023 (made up: no annex is bundled), so the criteria routes have data.
        await ingestion.IngestAsync(Par2022Annex, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CriteriaAnnex.Par(2022, 5))), CancellationToken.None);
        await ingestion.IngestAsync(Par2023Annex, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(CriteriaAnnex.Par(2023, 3))), CancellationToken.None);
        var ranking = services.GetRequiredService<RankingService>();
        foreach (var (index, year) in new[] { ("PAR", 2021), ("PAR", 2022), ("PAR", 2023), ("SIPAS", 2022), ("SIPAS", 2023), ("PAR-MINISTRIES", 2023) })
        {
            await ranking.RecomputeAsync(new RecomputeRequest(index, year), CancellationToken.None);
        }
    }
}
