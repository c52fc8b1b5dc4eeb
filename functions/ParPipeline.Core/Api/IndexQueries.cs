using ParPipeline.Indices;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary><c>GET /api/indices</c>: the indices, and for each the years ranked so far.</summary>
public sealed class IndexQueries(IndexCatalog indices, PublicationCatalog catalog)
{
    public async Task<ApiResponse> ListAsync(CancellationToken ct)
    {
        var versions = await catalog.ListAsync(ct);
        var body = indices.All.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new IndexSummary(
            d.Code, d.NameEn, d.NameVi, d.UnitKind,
            [.. versions.Where(v => v.IndexYear.Index == d.Code).OrderBy(v => v.IndexYear.Year)
                .Select(v => new IndexYearSummary(v.IndexYear.Year, v.Units, v.RankedAt))])).ToList();
        return ApiResponse.Ok(body);
    }
}

public sealed record IndexSummary(string Code, string NameEn, string NameVi, ParPipeline.Units.UnitKind UnitKind, IReadOnlyList<IndexYearSummary> Years);

public sealed record IndexYearSummary(int Year, int Units, DateTimeOffset RankedAt);
