using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ParPipeline.Storage;

namespace ParPipeline.Functions;

/// <summary>
/// A recompute request that failed every try: recorded in the ledger under its original id, with its tries, first
/// and last failure and last error, so that it is visible, not lost, and redrive knows whether it can succeed.
/// </summary>
public sealed class RecordPoisonedRecompute(PoisonLedger poison, TimeProvider clock, ILogger<RecordPoisonedRecompute> log)
{
    [Function(nameof(RecordPoisonedRecompute))]
    public async Task Run(
        [QueueTrigger(PipelineStorageNames.RecomputePoisonQueue, Connection = PipelineStorageNames.Connection)] QueueMessage message,
        CancellationToken ct)
    {
        var recorded = await poison.RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, message.MessageId, message.Body.ToString(), clock.GetUtcNow(), ct);
        log.LogError("Recompute request {MessageId} failed on every try ({Tries}) and is recorded in the ledger: {Error}", recorded.MessageId, recorded.DequeueCount, recorded.LastError);
    }
}
