using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using ParPipeline.Storage;

namespace ParPipeline.Local.Triggers;

/// <summary>The local twin of the Azure app's RecordPoisonedRecompute.</summary>
public sealed class RecordPoisonedRecompute(IngestionLedger ledger, TimeProvider clock, ILogger<RecordPoisonedRecompute> log)
{
    [FunctionName(nameof(RecordPoisonedRecompute))]
    public async Task Run(
        [QueueTrigger(PipelineStorageNames.RecomputePoisonQueue, Connection = PipelineStorageNames.Connection)] QueueMessage message,
        CancellationToken ct)
    {
        await ledger.RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, message.MessageId, message.Body.ToString(), message.DequeueCount, clock.GetUtcNow(), ct);
        log.LogError("Recompute request {MessageId} failed on every try and is recorded in the ledger: {Message}", message.MessageId, message.Body.ToString());
    }
}
