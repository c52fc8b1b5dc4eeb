using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ParPipeline.Indices;
using ParPipeline.Storage;

namespace ParPipeline.Ranking;

/// <summary>
/// Recomputes the rankings of an index-year from its stored scores, and of the following year (whose
/// movement depends on it). Idempotent: the same scores give the same rows and the same hash.
/// </summary>
public sealed class RankingService(
    IndexCatalog indices, ScoreStore scores, RankingStore rankings, PublicationCatalog catalog, TimeProvider clock, ILogger<RankingService> log)
{
    public async Task<IReadOnlyList<RankingVersion>> RecomputeAsync(RecomputeRequest request, CancellationToken ct)
    {
        var index = indices.Find(request.Index)
            ?? throw new ArgumentException($"Index '{request.Index}' is not defined.", nameof(request));
        var first = new IndexYear(index.Code, request.Year);
        var done = new List<RankingVersion>();
        foreach (var indexYear in new[] { first, first.NextYear() })
        {
            if (await scores.GetAsync(indexYear, ct) is not { } set)
            {
                continue;
            }
            var table = new RankingTable(indexYear, set.Version, RankingEngine.Rank(set.Scores, index.Decimals, index.HigherIsBetter));
            var hash = Hash(table);
            if (await catalog.GetAsync(indexYear, ct) is { } current && current.RankingHash == hash)
            {
                log.LogInformation("{IndexYear} rankings unchanged ({Hash})", indexYear, hash[..12]);
                done.Add(current);
                continue;
            }
            await rankings.ReplaceAsync(table, ct);
            var version = new RankingVersion(indexYear, set.Version, hash, table.Units.Count, clock.GetUtcNow());
            await catalog.RecordAsync(version, ct);
            log.LogInformation("{IndexYear} ranked {Units} units from version {ScoreVersion}", indexYear, table.Units.Count, set.Version[..Math.Min(12, set.Version.Length)]);
            done.Add(version);
        }
        return done;
    }

    /// <summary>A content hash of what readers see; reports and API snapshots compare it.</summary>
    internal static string Hash(RankingTable table) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(table, PipelineJson.Options)));
}
