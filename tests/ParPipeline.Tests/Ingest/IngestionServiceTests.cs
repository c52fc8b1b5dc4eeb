using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest;

[Collection(AzuriteCollection.Name)]
public sealed class IngestionServiceTests(AzuriteFixture azurite)
{


    [Fact]
    public async Task An_ingested_file_is_stored_archived_recorded_queued_and_removed_from_drops()
    {
        await using var services = await azurite.NewPipelineAsync();
        var bytes = Samples.Bytes(Samples.Par2023);
        await Blobs.DropAsync(services, Samples.Par2023, bytes);

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(Samples.Par2023, new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.Equal(new IndexYear("PAR", 2023), outcome.IndexYear);
        Assert.Equal(63, outcome.Units);

        var stored = await services.GetRequiredService<ScoreStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(63, stored.Scores.Count);
        Assert.Equal(outcome.Sha256, stored.Version);
        Assert.Equal(88.68, stored.Scores.Single(s => s.UnitCode == "48").Total);

        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(outcome.Sha256, CancellationToken.None);
        Assert.Equal(LedgerStatus.Ingested, entry!.Status);
        Assert.Equal($"ministry-archive/{outcome.Sha256}.xlsx", entry.StoredAs);
        Assert.Equal(Samples.Par2023, entry.BlobName);
        Assert.True(await Blobs.ExistsAsync(services, PipelineStorageNames.ArchiveContainer, $"{outcome.Sha256}.xlsx"));
        Assert.False(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, Samples.Par2023));

        var message = await services.GetRequiredService<QueueServiceClient>().GetQueueClient(PipelineStorageNames.RecomputeQueue).ReceiveMessageAsync();
        Assert.Equal("{\"index\":\"PAR\",\"year\":2023}", message.Value.Body.ToString());
    }

    [Fact]
    public async Task A_rejected_file_is_quarantined_with_located_errors_and_writes_no_scores()
    {
        await using var services = await azurite.NewPipelineAsync();
        const string name = "PAR/2023/bad.csv";
        var bytes = Encoding.UTF8.GetBytes("Tỉnh,Chỉ số CCHC\nĐà Nẵng,88.68\nAtlantis,80\n");
        await Blobs.DropAsync(services, name, bytes);

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(name, new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Null(await services.GetRequiredService<ScoreStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None));
        Assert.True(await Blobs.ExistsAsync(services, PipelineStorageNames.QuarantineContainer, $"{outcome.Sha256}.csv"));
        Assert.False(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, name));

        var report = await services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.QuarantineContainer)
            .GetBlobClient($"{outcome.Sha256}.errors.json").DownloadContentAsync();
        using var json = JsonDocument.Parse(report.Value.Content.ToString());
        Assert.Equal(name, json.RootElement.GetProperty("file").GetString());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Equal("A", problem.GetProperty("column").GetString());
        Assert.Equal("UNKNOWN_UNIT", problem.GetProperty("code").GetString());
        Assert.Equal("'Atlantis' is not a known province or city of 2023.", problem.GetProperty("message").GetString());

        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(outcome.Sha256, CancellationToken.None);
        Assert.Equal(LedgerStatus.Rejected, entry!.Status);
        Assert.Equal(1, entry.Problems);
    }

    [Fact]
    public async Task The_same_bytes_dropped_again_change_nothing()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingestion = services.GetRequiredService<IngestionService>();
        var bytes = Samples.Bytes(Samples.Par2023);
        var first = await ingestion.IngestAsync(Samples.Par2023, new MemoryStream(bytes), CancellationToken.None);
        await Blobs.DropAsync(services, "PAR/2023/again.xlsx", bytes);

        var second = await ingestion.IngestAsync("PAR/2023/again.xlsx", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(IngestStatus.Duplicate, second.Status);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Single(await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None));
        Assert.False(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, "PAR/2023/again.xlsx"));
        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient(PipelineStorageNames.RecomputeQueue);
        Assert.Single((await queue.ReceiveMessagesAsync(maxMessages: 10)).Value);
    }

    [Theory]
    [InlineData("HDI/2023/x.xlsx", "UNKNOWN_INDEX")]
    [InlineData("PAR/20x3/x.xlsx", "BAD_DROP_PATH")]
    public async Task A_drop_outside_the_index_year_layout_is_rejected(string name, string code)
    {
        await using var services = await azurite.NewPipelineAsync();
        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(name, Samples.Open(Samples.Par2023), CancellationToken.None);
        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Equal(code, Assert.Single(outcome.Problems).Code);
    }
}
