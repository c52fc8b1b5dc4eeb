using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Local.Triggers;

public sealed class RecomputeRankings(RankingService rankings, ILogger<RecomputeRankings> log)
{
    [FunctionName(nameof(RecomputeRankings))]
    public async Task Run(
        [QueueTrigger(PipelineStorageNames.RecomputeQueue, Connection = PipelineStorageNames.Connection)] string message,
        CancellationToken ct)
    {
        var versions = await rankings.RecomputeAsync(RecomputeRequest.Parse(message), ct);
        log.LogInformation("Recomputed {IndexYears}", versions.Select(v => v.IndexYear.PartitionKey));
    }
}
