using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Local.Triggers;

/// <summary>The local twin of the Azure app's RecomputeRankings.</summary>
public sealed class RecomputeRankings(RecomputeAttempt attempt, ILogger<RecomputeRankings> log)
{
    [FunctionName(nameof(RecomputeRankings))]
    public async Task Run(
        [QueueTrigger(PipelineStorageNames.RecomputeQueue, Connection = PipelineStorageNames.Connection)] QueueMessage message,
        CancellationToken ct)
    {
        var versions = await attempt.RunAsync(message.MessageId, message.Body.ToString(), message.DequeueCount, ct);
        log.LogInformation("Recomputed {IndexYears}", versions.Select(v => v.IndexYear.PartitionKey));
    }
}
