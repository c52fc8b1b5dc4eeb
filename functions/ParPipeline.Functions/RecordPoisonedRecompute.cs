using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ParPipeline.Storage;

namespace ParPipeline.Functions;

/// <summary>A recompute request that failed 5 times: recorded in the ledger so that it is visible, not lost.</summary>
public sealed class RecordPoisonedRecompute(IngestionLedger ledger, TimeProvider clock, ILogger<RecordPoisonedRecompute> log)
{
    [Function(nameof(RecordPoisonedRecompute))]
    public async Task Run(
        [QueueTrigger(PipelineStorageNames.RecomputePoisonQueue, Connection = PipelineStorageNames.Connection)] QueueMessage message,
        CancellationToken ct)
    {
        await ledger.RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, message.MessageId, message.Body.ToString(), message.DequeueCount, clock.GetUtcNow(), ct);
        log.LogError("Recompute request {MessageId} failed on every try and is recorded in the ledger: {Message}", message.MessageId, message.Body.ToString());
    }
}
