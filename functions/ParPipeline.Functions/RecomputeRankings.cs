using System.Diagnostics;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Functions;

/// <summary>
/// A message on <c>rankings-recompute</c>: recompute that index-year's rankings. Bound to the QueueMessage so a
/// failed try is recorded with the message's own id and dequeue count (the poison queue's copy has neither).
/// </summary>
public sealed class RecomputeRankings(RecomputeAttempt attempt, ILogger<RecomputeRankings> log)
{
    [Function(nameof(RecomputeRankings))]
    public async Task Run(
        [QueueTrigger(PipelineStorageNames.RecomputeQueue, Connection = PipelineStorageNames.Connection)] QueueMessage message,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var versions = await attempt.RunAsync(message.MessageId, message.Body.ToString(), message.DequeueCount, ct);
        log.LogInformation("Recomputed {IndexYears} ({DurationMs:0} ms)", versions.Select(v => v.IndexYear.PartitionKey), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
