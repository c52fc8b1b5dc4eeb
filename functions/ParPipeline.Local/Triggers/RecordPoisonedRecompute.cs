using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using ParPipeline.Storage;

namespace ParPipeline.Local.Triggers;

/// <summary>The local twin of the Azure app's RecordPoisonedRecompute.</summary>
public sealed class RecordPoisonedRecompute(PoisonLedger poison, TimeProvider clock, ILogger<RecordPoisonedRecompute> log)
{
    [FunctionName(nameof(RecordPoisonedRecompute))]
    public async Task Run(
        [QueueTrigger(PipelineStorageNames.RecomputePoisonQueue, Connection = PipelineStorageNames.Connection)] QueueMessage message,
        CancellationToken ct)
    {
        var recorded = await poison.RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, message.MessageId, message.Body.ToString(), clock.GetUtcNow(), ct);
        log.LogError("Recompute request {MessageId} failed on every try ({Tries}) and is recorded in the ledger: {Error}", recorded.MessageId, recorded.DequeueCount, recorded.LastError);
    }
}
