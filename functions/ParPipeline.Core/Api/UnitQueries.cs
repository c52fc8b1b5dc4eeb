using ParPipeline.Indices;
using ParPipeline.Units;

namespace ParPipeline.Api;

/// <summary>
/// <c>/api/units</c>, <c>/api/units/{unit}</c>, <c>/api/units/{unit}/history</c> and <c>/api/compare</c>. A unit is
/// named by its code or any spelling the gazetteer accepts, in either era; its results follow its code, which a
/// 2025 unit keeps from the seat it was formed around.
/// </summary>
public sealed class UnitQueries(Gazetteer gazetteer, IndexCatalog indices, ApiSnapshots snapshots, RankingQueries rankings)
{
    public const int MaxCompared = 10;
    public static readonly IReadOnlyList<string> ListParameters = ["kind", "year"];
    public static readonly IReadOnlyList<string> HistoryParameters = ["index"];
    public static readonly IReadOnlyList<string> CompareParameters = ["units", "index", "from", "to"];
    private static readonly IReadOnlyList<string> Kinds = ["province", "ministry"];

    public ApiResponse List(ApiRequest request)
    {
        var (kind, badKind) = ApiParameters.OneOf(request, "kind", Kinds);
        var (year, badYear) = ApiParameters.Int(request, "year", 1900, 2999);
        if ((badKind ?? badYear) is { } bad)
        {
            return bad;
        }
        var units = gazetteer.Units
            .Where(u => kind is null || u.Kind.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase))
            .Where(u => year is null || u.ExistsIn(year.Value))
            .OrderBy(u => u.Kind).ThenBy(u => u.FromYear).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => UnitDescription.Of(u, gazetteer)).ToList();
        return ApiResponse.Ok(units);
    }

    public async Task<ApiResponse> ProfileAsync(string unit, CancellationToken ct)
    {
        var (lineage, problem) = Resolve(unit);
        if (lineage is null)
        {
            return problem!;
        }
        var latest = lineage[^1];
        var results = (await snapshots.AllAsync(ct))
            .Where(s => indices.Find(s.IndexYear.Index)?.UnitKind == latest.Kind)
            .Select(s => s.Find(latest.Code) is { } ranking ? new UnitResult(s.IndexYear.Index, s.IndexYear.Year, ranking) : null)
            .OfType<UnitResult>().ToList();
        return ApiResponse.Ok(new UnitProfile(latest.Code, latest.NameVi, latest.NameEn, latest.Kind,
            [.. lineage.Select(u => UnitDescription.Of(u, gazetteer))], results));
    }

    public async Task<ApiResponse> HistoryAsync(string unit, ApiRequest request, CancellationToken ct)
    {
        var index = request.Get("index");
        if (index is not null && indices.Find(index.ToUpperInvariant()) is null)
        {
            return rankings.UnknownIndex(index);
        }
        var (lineage, problem) = Resolve(unit);
        if (lineage is null)
        {
            return problem!;
        }
        return ApiResponse.Ok(History(lineage[^1], index?.ToUpperInvariant(), null, null, await snapshots.AllAsync(ct)));
    }

    public async Task<ApiResponse> CompareAsync(ApiRequest request, CancellationToken ct)
    {
        var index = request.Get("index");
        if (index is not null && indices.Find(index.ToUpperInvariant()) is null)
        {
            return rankings.UnknownIndex(index);
        }
        var (from, badFrom) = ApiParameters.Int(request, "from", 1900, 2999);
        var (to, badTo) = ApiParameters.Int(request, "to", 1900, 2999);
        if ((badFrom ?? badTo) is { } bad)
        {
            return bad;
        }
        if (from > to)
        {
            return ApiParameters.Bad("BAD_PARAMETER", $"'from' ({from}) is after 'to' ({to}).");
        }
        var names = (request.Get("units") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length is 0 or > MaxCompared)
        {
            return ApiParameters.Bad("BAD_PARAMETER", $"'units' takes 1 to {MaxCompared} unit codes or names separated by commas ('units=48,31').");
        }
        var all = await snapshots.AllAsync(ct);
        var histories = new List<UnitHistory>();
        foreach (var name in names)
        {
            var (lineage, problem) = Resolve(name);
            if (lineage is null)
            {
                return problem!;
            }
            histories.Add(History(lineage[^1], index?.ToUpperInvariant(), from, to, all));
        }
        return ApiResponse.Ok(new Comparison(index?.ToUpperInvariant(), from, to, histories));
    }

    private UnitHistory History(Unit unit, string? index, int? from, int? to, IReadOnlyList<IndexYearSnapshot> all)
    {
        var points = all
            .Where(s => (index is null || s.IndexYear.Index == index) && indices.Find(s.IndexYear.Index)?.UnitKind == unit.Kind)
            .Where(s => (from is null || s.IndexYear.Year >= from) && (to is null || s.IndexYear.Year <= to))
            .Select(s => s.Find(unit.Code) is { } r
                ? new HistoryPoint(s.IndexYear.Index, s.IndexYear.Year, r.Score, r.Rank, r.Of, r.Movement?.PointsChange, r.Movement?.PlacesChange, r.LikeForLike)
                : null)
            .OfType<HistoryPoint>()
            .OrderBy(p => p.Index, StringComparer.Ordinal).ThenBy(p => p.Year).ToList();
        return new UnitHistory(unit.Code, unit.NameVi, unit.NameEn, index, points);
    }

    /// <summary>
    /// Every era of the unit a code or name names, oldest first ("48": Đà Nẵng to 2024 and the Đà Nẵng of 2025;
    /// "Quảng Nam": the province to 2024, which names its successor), or a 404 that suggests the nearest names.
    /// </summary>
    private (IReadOnlyList<Unit>? Lineage, ApiResponse? Problem) Resolve(string text)
    {
        var trimmed = text.Trim();
        var code = trimmed.Length is 1 or 2 && trimmed.All(char.IsAsciiDigit) ? trimmed.PadLeft(2, '0') : trimmed;
        var byCode = gazetteer.Units.Where(u => u.Code.Equals(code, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byCode.Count == 0)
        {
            var resolutions = Eras().Select(e => gazetteer.Resolve(trimmed, e.Kind, e.Year)).ToList();
            if (resolutions.FirstOrDefault(r => r.Resolved) is { Unit: { } unit })
            {
                byCode = [.. gazetteer.Units.Where(u => u.Code == unit.Code && u.Kind == unit.Kind)];
            }
            else
            {
                var closest = resolutions.SelectMany(r => r.Closest).DistinctBy(u => (u.Code, u.NameVi)).Take(5).ToList();
                return (null, ApiResponse.Problem(404, "UNKNOWN_UNIT", "Unknown unit",
                    $"'{ApiParameters.Clip(trimmed)}' is not a known province, city or ministry" +
                    (closest.Count > 0 ? $"; did you mean {string.Join(" or ", closest.Select(u => $"{u.NameVi} ({u.Code})"))}?" : "."),
                    [.. closest.Select(u => new ApiSuggestion(u.Code, u.NameVi))]));
            }
        }
        return ([.. byCode.OrderBy(u => u.FromYear)], null);
    }

    private static IEnumerable<(UnitKind Kind, int Year)> Eras() =>
    [
        (UnitKind.Province, Gazetteer.ReorganisationYear - 1),
        (UnitKind.Province, Gazetteer.ReorganisationYear),
        (UnitKind.Ministry, Gazetteer.ReorganisationYear),
    ];
}
