using ParPipeline.Ranking;

namespace ParPipeline.Api;

/// <summary>
/// <c>GET /api/movers/{index}/{year}?top=10&amp;by=places|points</c>: the biggest risers and fallers against the
/// year before. Only like-for-like units move: a unit merged in 2025 has no comparable previous place.
/// </summary>
public sealed class MoverQueries(RankingQueries rankings)
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;
    public static readonly IReadOnlyList<string> Parameters = ["top", "by"];
    public static readonly IReadOnlyList<string> Measures = ["places", "points"];

    public async Task<ApiResponse> GetAsync(string index, string year, ApiRequest request, CancellationToken ct)
    {
        var (top, badTop) = ApiParameters.Int(request, "top", 1, MaxTop);
        var (by, badBy) = ApiParameters.OneOf(request, "by", Measures);
        if ((badTop ?? badBy) is { } bad)
        {
            return bad;
        }
        var (snapshot, problem) = await rankings.FindAsync(index, year, ct);
        if (snapshot is null)
        {
            return problem!;
        }
        var n = top ?? DefaultTop;
        var measure = by ?? "places";
        return snapshot.Rendered($"movers|{n}|{measure}", s => Render(s, n, measure));
    }

    private static ApiResponse Render(IndexYearSnapshot snapshot, int top, string by)
    {
        var moved = snapshot.Table.Units.Where(u => u.Movement is not null && u.LikeForLike).ToList();
        double Measure(UnitRanking u) => by == "points" ? u.Movement!.PointsChange : u.Movement!.PlacesChange;
        double Other(UnitRanking u) => by == "points" ? u.Movement!.PlacesChange : u.Movement!.PointsChange;
        var risers = moved.Where(u => Measure(u) > 0)
            .OrderByDescending(Measure).ThenByDescending(Other).ThenBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal)
            .Take(top).Select(Mover.Of).ToList();
        var fallers = moved.Where(u => Measure(u) < 0)
            .OrderBy(Measure).ThenBy(Other).ThenBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal)
            .Take(top).Select(Mover.Of).ToList();
        return ApiResponse.Ok(new MoversResponse(snapshot.IndexYear.Index, snapshot.IndexYear.Year, by, top,
            moved.Count == 0 ? null : moved[0].Movement!.PreviousYear, risers, fallers));
    }
}

/// <summary>Body of <c>GET /api/movers/{index}/{year}</c>; <paramref name="ComparedWith"/> is null when nothing moved (a first year).</summary>
public sealed record MoversResponse(string Index, int Year, string By, int Top, int? ComparedWith, IReadOnlyList<Mover> Risers, IReadOnlyList<Mover> Fallers);

/// <summary>A unit's move: positive changes are improvements (up places, more points).</summary>
public sealed record Mover(string UnitCode, string UnitName, double Score, int Rank, int PreviousRank, double PointsChange, int PlacesChange)
{
    public static Mover Of(UnitRanking u) =>
        new(u.UnitCode, u.UnitName, u.Score, u.Rank, u.Movement!.PreviousRank, u.Movement.PointsChange, u.Movement.PlacesChange);
}
