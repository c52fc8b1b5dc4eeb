using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Functions;

/// <summary>A message on <c>rankings-recompute</c>: recompute that index-year's rankings.</summary>
public sealed class RecomputeRankings(RankingService rankings, ILogger<RecomputeRankings> log)
{
    [Function(nameof(RecomputeRankings))]
    public async Task Run(
        [QueueTrigger(PipelineStorageNames.RecomputeQueue, Connection = PipelineStorageNames.Connection)] string message,
        CancellationToken ct)
    {
        var versions = await rankings.RecomputeAsync(RecomputeRequest.Parse(message), ct);
        log.LogInformation("Recomputed {IndexYears}", versions.Select(v => v.IndexYear.PartitionKey));
    }
}
