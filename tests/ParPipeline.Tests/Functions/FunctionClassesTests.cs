using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Functions;

/// <summary>The Azure app's trigger classes, called as the Functions host would call them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionClassesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_Azure_triggers_take_a_drop_through_ingestion_ranking_and_reports()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingest = new ParPipeline.Functions.IngestDrop(services.GetRequiredService<IngestionService>(), NullLogger<ParPipeline.Functions.IngestDrop>.Instance);
        var recompute = new ParPipeline.Functions.RecomputeRankings(services.GetRequiredService<RecomputeAttempt>(), NullLogger<ParPipeline.Functions.RecomputeRankings>.Instance);
        var publish = new ParPipeline.Functions.PublishReports(services.GetRequiredService<ReportPublisher>(), NullLogger<ParPipeline.Functions.PublishReports>.Instance);

        await Blobs.DropAsync(services, Samples.Par2023, Samples.Bytes(Samples.Par2023));
        var drop = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer).GetBlobClient(Samples.Par2023);
        await ingest.Run(drop, Samples.Par2023, CancellationToken.None);
        var message = await services.GetRequiredService<QueueServiceClient>().GetQueueClient(PipelineStorageNames.RecomputeQueue).ReceiveMessageAsync();
        await recompute.Run(message.Value, CancellationToken.None);
        await publish.Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        var table = await services.GetRequiredService<RankingStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        Assert.Equal(12, table!.Units.Single(u => u.UnitCode == "48").Rank);
        var summary = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer).GetBlobClient("PAR/2023/summary.json");
        Assert.True((await summary.ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_malformed_recompute_message_fails_so_the_host_retries_and_then_poisons_it()
    {
        await using var services = await azurite.NewPipelineAsync();
        var recompute = new ParPipeline.Functions.RecomputeRankings(services.GetRequiredService<RecomputeAttempt>(), NullLogger<ParPipeline.Functions.RecomputeRankings>.Instance);
        var message = Azure.Storage.Queues.Models.QueuesModelFactory.QueueMessage("m1", "pop", "{\"year\":2023}", 2);
        var error = await Assert.ThrowsAsync<FormatException>(() => recompute.Run(message, CancellationToken.None));
        Assert.Equal("'{\"year\":2023}' is not a recompute request like {\"index\":\"PAR\",\"year\":2023} (as JSON, or JSON in base64).", error.Message);
        // The try is on record, under the message's own id, for when the host gives up on it.
        var poisoned = await services.GetRequiredService<PoisonLedger>().RecordPoisonAsync("rankings-recompute", "copy", "{\"year\":2023}", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal(("m1", 2L, error.Message), (poisoned.MessageId, poisoned.DequeueCount, poisoned.LastError));
    }
}
