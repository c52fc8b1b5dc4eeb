using ParPipeline.Indices;
using ParPipeline.Units;

namespace ParPipeline.Api;

/// <summary><c>GET /api/indices</c>: the indices, the years ranked so far, unit counts and when each arrived.</summary>
public sealed class IndexQueries(IndexCatalog indices, ApiSnapshots snapshots)
{
    public async Task<ApiResponse> ListAsync(CancellationToken ct)
    {
        var all = await snapshots.AllAsync(ct);
        var body = indices.All.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d =>
        {
            var years = all.Where(s => s.IndexYear.Index == d.Code).OrderBy(s => s.IndexYear.Year)
                .Select(s => new IndexYearSummary(s.IndexYear.Year, s.Table.Units.Count, s.Table.ScoreVersion, s.IngestedAt, s.Version.RankedAt)).ToList();
            return new IndexSummary(d.Code, d.NameEn, d.NameVi, d.UnitKind, years, years.Max(y => y.IngestedAt));
        }).ToList();
        return ApiResponse.Ok(body);
    }
}

/// <param name="LastIngestedAt">When the newest of its current files arrived; null before the first.</param>
public sealed record IndexSummary(string Code, string NameEn, string NameVi, UnitKind UnitKind, IReadOnlyList<IndexYearSummary> Years, DateTimeOffset? LastIngestedAt);

/// <param name="ScoreVersion">SHA-256 of the file whose scores are current.</param>
public sealed record IndexYearSummary(int Year, int Units, string ScoreVersion, DateTimeOffset? IngestedAt, DateTimeOffset RankedAt);
