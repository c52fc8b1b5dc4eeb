using System.Globalization;
using ParPipeline.Indices;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary><c>GET /api/rankings/{index}/{year}</c>: an index-year's ranked table.</summary>
public sealed class RankingQueries(IndexCatalog indices, RankingStore rankings)
{
    public async Task<ApiResponse> GetAsync(string index, string year, CancellationToken ct)
    {
        var definition = indices.Find(index);
        if (definition is null)
        {
            return ApiResponse.Problem(404, "UNKNOWN_INDEX", "Unknown index",
                $"Index '{index}' is not known; try one of {string.Join(", ", indices.All.Select(d => d.Code).Order(StringComparer.Ordinal))}.");
        }
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return ApiResponse.Problem(400, "BAD_YEAR", "Bad year", $"'{year}' is not a year.");
        }
        var table = await rankings.GetAsync(new IndexYear(definition.Code, y), ct);
        return table is null
            ? ApiResponse.Problem(404, "NO_RANKING", "No ranking", $"There is no {definition.Code} ranking for {y} yet.")
            : ApiResponse.Ok(new RankingResponse(definition.Code, y, table.ScoreVersion, table.Units));
    }
}
