using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParPipeline.Indices;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Ranking;

/// <summary>
/// Recomputes the rankings of an index-year from its stored scores and the previous year's, then those of the
/// following year (whose movement depends on it). Idempotent: the same scores give the same rows and the same
/// hash, and an unchanged ranking is not written again.
/// </summary>
public sealed class RankingService(
    IndexCatalog indices, Gazetteer gazetteer, ScoreStore scores, RankingStore rankings, PublicationCatalog catalog, TimeProvider clock, ILogger<RankingService> log)
{
    public async Task<IReadOnlyList<RankingVersion>> RecomputeAsync(RecomputeRequest request, CancellationToken ct)
    {
        var index = indices.Find(request.Index)
            ?? throw new ArgumentException($"Index '{request.Index}' is not defined.", nameof(request));
        var first = new IndexYear(index.Code, request.Year);
        var done = new List<RankingVersion>();
        var previous = await scores.GetAsync(first.PreviousYear(), ct);
        foreach (var indexYear in new[] { first, first.NextYear() })
        {
            var set = await scores.GetAsync(indexYear, ct);
            if (set is not null)
            {
                done.Add(await RankAsync(index, set, previous, ct));
            }
            previous = set;
        }
        return done;
    }

    /// <summary>
    /// Ranks one index-year. Recomputes race with new files for the same years (messages are not processed in
    /// order), so after writing it checks that the scores it ranked are still the current ones and, if not, ranks
    /// the current ones: whichever worker writes last has checked after its write, so a slow worker cannot leave
    /// a ranking of scores that were replaced while it ran.
    /// </summary>
    internal async Task<RankingVersion> RankAsync(IndexDefinition index, ScoreSet set, ScoreSet? previous, CancellationToken ct)
    {
        var indexYear = set.IndexYear;
        for (var attempt = 1; ; attempt++)
        {
            var version = await WriteAsync(index, set, previous, ct);
            var (latest, latestBefore) = (await scores.GetVersionAsync(indexYear, ct), await scores.GetVersionAsync(indexYear.PreviousYear(), ct));
            if ((latest == set.Version && latestBefore == previous?.Version) || attempt == MaxAttempts)
            {
                // After MaxAttempts the scores are changing faster than they can be ranked: the recompute that
                // their newest file queued comes after this one and ranks them.
                return version;
            }
            log.LogInformation("{IndexYear}: scores changed while ranking ({Ranked} → {Latest}; previous year {RankedBefore} → {LatestBefore}); ranking the current ones",
                indexYear, Short(set.Version), Short(latest), Short(previous?.Version), Short(latestBefore));
            set = await scores.GetAsync(indexYear, ct) ?? set;
            previous = await scores.GetAsync(indexYear.PreviousYear(), ct);
        }
    }

    private const int MaxAttempts = 5;

    private async Task<RankingVersion> WriteAsync(IndexDefinition index, ScoreSet set, ScoreSet? previous, CancellationToken ct)
    {
        var indexYear = set.IndexYear;
        var table = new RankingTable(indexYear, set.Version, previous?.Version,
            RankingEngine.Compute(index, indexYear.Year, set.Scores, previous?.Scores, gazetteer));
        var hash = Hash(table);
        if (await catalog.GetAsync(indexYear, ct) is { } current && current.RankingHash == hash)
        {
            log.LogInformation("{IndexYear} rankings unchanged ({Hash})", indexYear, hash[..12]);
            return current;
        }
        await rankings.ReplaceAsync(table, ct);
        var version = new RankingVersion(indexYear, set.Version, hash, table.Units.Count, clock.GetUtcNow());
        await catalog.RecordAsync(version, ct);
        log.LogInformation("{IndexYear} ranked {Units} units from version {ScoreVersion} (previous year {PreviousVersion})",
            indexYear, table.Units.Count, Short(set.Version), Short(previous?.Version));
        return version;
    }

    /// <summary>A version as an operator reads it: its first 12 characters, or "none".</summary>
    private static string Short(string? version) => version is null ? "none" : version[..Math.Min(12, version.Length)];

    /// <summary>A content hash of what readers see; reports and API snapshots compare it.</summary>
    internal static string Hash(RankingTable table) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(table, PipelineJson.Options)));
}
