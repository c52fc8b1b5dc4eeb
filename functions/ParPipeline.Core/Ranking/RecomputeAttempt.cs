using Microsoft.Extensions.Logging;
using ParPipeline.Storage;

namespace ParPipeline.Ranking;

/// <summary>
/// One try of a message on <c>rankings-recompute</c>, as both hosts' queue triggers make it: a failure is recorded
/// (tries, first and last failure, last error) and thrown again, so the host retries by host.json's schedule and
/// then moves it to the poison queue, where <see cref="PoisonLedger.RecordPoisonAsync"/> finds what the tries said.
/// </summary>
public sealed class RecomputeAttempt(RankingService rankings, PoisonLedger poison, TimeProvider clock, ILogger<RecomputeAttempt> log)
{
    public async Task<IReadOnlyList<RankingVersion>> RunAsync(string messageId, string message, long dequeueCount, CancellationToken ct)
    {
        IReadOnlyList<RankingVersion> versions;
        try
        {
            versions = await rankings.RecomputeAsync(RecomputeRequest.Parse(message), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await poison.RecordFailureAsync(PipelineStorageNames.RecomputeQueue, messageId, message, dequeueCount, clock.GetUtcNow(), e.Message, ct);
            log.LogWarning("Recompute request {MessageId} failed on try {Try}: {Error}", messageId, dequeueCount, e.Message);
            throw;
        }
        if (dequeueCount > 1)
        {
            await poison.ForgetFailuresAsync(message, ct);
        }
        return versions;
    }
}
