using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest;

/// <summary>What the chaos run found: files of the same year, or the same bytes, ingested at the same moment.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentIngestionTests(AzuriteFixture azurite)
{
    private static byte[] Version(double shift) =>
        Encoding.UTF8.GetBytes(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", edit: (u, s) => $"{u.NameVi},{(s - shift).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    [Fact]
    public async Task Corrected_versions_of_one_year_dropped_together_leave_exactly_one_current_version()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingestion = services.GetRequiredService<IngestionService>();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            Task.Run(() => ingestion.IngestAsync($"PAR/2023/v{i}.csv", new MemoryStream(Version(i * 0.01)), CancellationToken.None))));

        var current = await services.GetRequiredService<ScoreStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        var ledger = await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None);
        // Each is ingested, or kept as superseded when a newer one went through first: the newest upload is current.
        Assert.All(outcomes, o => Assert.Contains(o.Status, new[] { IngestStatus.Ingested, IngestStatus.Superseded }));
        Assert.Contains(outcomes, o => o.Status == IngestStatus.Ingested);
        var ingested = Assert.Single(ledger, e => e.Status == LedgerStatus.Ingested);
        Assert.Equal(current!.Version, ingested.Sha256);
        Assert.Equal(5, ledger.Count(e => e.Status == LedgerStatus.Superseded));
    }

    [Fact]
    public async Task The_same_bytes_dropped_under_two_names_at_once_are_one_file_with_both_names()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingestion = services.GetRequiredService<IngestionService>();
        var bytes = Version(0);

        await Task.WhenAll(Task.Run(() => ingestion.IngestAsync("PAR/2023/a.csv", new MemoryStream(bytes), CancellationToken.None)),
            Task.Run(() => ingestion.IngestAsync("PAR/2023/b.csv", new MemoryStream(bytes), CancellationToken.None)));

        var entry = Assert.Single(await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None));
        Assert.Equal(LedgerStatus.Ingested, entry.Status);
        Assert.Equal(["PAR/2023/a.csv", "PAR/2023/b.csv"], entry.BlobNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_rejected_file_dropped_under_two_names_at_once_keeps_both_names()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingestion = services.GetRequiredService<IngestionService>();
        var bytes = Encoding.UTF8.GetBytes("Tỉnh,Chỉ số CCHC\nAtlantis,80\n");

        await Task.WhenAll(Task.Run(() => ingestion.IngestAsync("PAR/2023/x.csv", new MemoryStream(bytes), CancellationToken.None)),
            Task.Run(() => ingestion.IngestAsync("PAR/2023/y.csv", new MemoryStream(bytes), CancellationToken.None)));

        var entry = Assert.Single(await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None));
        Assert.Equal(LedgerStatus.Rejected, entry.Status);
        Assert.Equal(["PAR/2023/x.csv", "PAR/2023/y.csv"], entry.BlobNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_sweeper_ingests_drops_left_behind_and_leaves_fresh_in_flight_and_oversized_ones()
    {
        await using var services = await azurite.NewPipelineAsync(new Dictionary<string, string?>
        {
            ["Ingestion:SweepAfter"] = "00:00:00",
            ["Ingestion:MaxFileBytes"] = "100000",
        });
        var drops = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        await drops.GetBlobClient("PAR/2023/forgotten.csv").UploadAsync(BinaryData.FromBytes(Version(0)));
        await drops.GetBlobClient("PAR/2023/huge.csv").UploadAsync(BinaryData.FromBytes(new byte[200_000]));

        var swept = await services.GetRequiredService<DropSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, swept);
        var names = new List<string>();
        await foreach (var blob in drops.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }
        Assert.Equal(["PAR/2023/huge.csv"], names);
        var entry = Assert.Single(await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None));
        Assert.Equal((LedgerStatus.Ingested, "PAR/2023/forgotten.csv"), (entry.Status, entry.BlobName));

        // A fresh drop is its trigger's to take.
        await using var patient = await azurite.NewPipelineAsync();
        await patient.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer)
            .GetBlobClient("PAR/2023/fresh.csv").UploadAsync(BinaryData.FromBytes(Version(0)));
        Assert.Equal(0, await patient.GetRequiredService<DropSweeper>().SweepAsync(CancellationToken.None));
    }
}
