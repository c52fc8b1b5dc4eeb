using System.Globalization;
using ParPipeline.Indices;
using ParPipeline.Reports;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary><c>POST /api/manage/reports/{index}/{year}</c>: publish one index-year's reports now.</summary>
public sealed class ReportCommands(IndexCatalog indices, ReportPublisher publisher)
{
    public async Task<ApiResponse> PublishAsync(string index, string year, CancellationToken ct)
    {
        if (indices.Find(index.ToUpperInvariant()) is not { } definition)
        {
            return ApiResponse.Problem(404, "UNKNOWN_INDEX", "Unknown index",
                $"Index '{index}' is not known; try one of {string.Join(", ", indices.All.Select(d => d.Code).Order(StringComparer.Ordinal))}.");
        }
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return ApiResponse.Problem(400, "BAD_YEAR", "Bad year", $"'{year}' is not a year.");
        }
        var published = await publisher.PublishAsync(new IndexYear(definition.Code, y), ct);
        return published is null
            ? ApiResponse.Problem(404, "NO_RANKING", "No ranking", $"There is no {definition.Code} ranking for {y} to publish.")
            : ApiResponse.Ok(new PublishResponse(definition.Code, y, published.RankingHash, published.Files), cacheable: false);
    }
}

/// <summary>Body of a successful publication.</summary>
public sealed record PublishResponse(string Index, int Year, string RankingHash, IReadOnlyList<string> Files);

/// <summary>Body of <c>POST /api/manage/redrive</c>: the requests put back on <c>rankings-recompute</c>.</summary>
public sealed record RedriveResponse(int Requeued, IReadOnlyList<string> Messages, IReadOnlyList<Ranking.RedriveSkip> Skipped);
