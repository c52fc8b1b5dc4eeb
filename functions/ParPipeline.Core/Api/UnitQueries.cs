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
    public static readonly IReadOnlyList<string> ProfileParameters = ["year"];
    public static readonly IReadOnlyList<string> HistoryParameters = ["index", "year"];
    public static readonly IReadOnlyList<string> CompareParameters = ["units", "index", "from", "to", "year"];
    public static readonly IReadOnlyList<string> KindValues = ["province", "ministry"];

    public ApiResponse List(ApiRequest request)
    {
        var (kind, badKind) = ApiParameters.OneOf(request, "kind", KindValues);
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

    public async Task<ApiResponse> ProfileAsync(string unit, ApiRequest request, CancellationToken ct)
    {
        var (lineage, problem) = Resolve(unit, request);
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
        var (lineage, problem) = Resolve(unit, request);
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
            var (lineage, problem) = Resolve(name, request);
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
    /// Every era of the unit a code or name names, oldest first ("48": Đà Nẵng to 2024 and the Đà Nẵng of 2025),
    /// by code or by any name ingestion accepts, ministries included ("Bộ Tư pháp", "Tư pháp", "BTP"). A name two
    /// units carry in different eras ("Lào Cai": code 10 to 2024, code 15 from 2025) is resolved by <c>?year=</c>;
    /// without it the answer is 300 with both, never one of them silently. Unknown: a 404 with the nearest names.
    /// </summary>
    private (IReadOnlyList<Unit>? Lineage, ApiResponse? Problem) Resolve(string text, ApiRequest request)
    {
        var (year, badYear) = ApiParameters.Int(request, "year", 1900, 2999);
        return badYear is not null ? (null, badYear) : Resolve(text, year);
    }

    /// <summary>As above, with the year that chooses between units of one name given by the caller (a route's own).</summary>
    internal (IReadOnlyList<Unit>? Lineage, ApiResponse? Problem) Resolve(string text, int? year)
    {
        var trimmed = text.Trim();
        var code = trimmed.Length is 1 or 2 && trimmed.All(char.IsAsciiDigit) ? trimmed.PadLeft(2, '0') : trimmed;
        var byCode = gazetteer.Units.Where(u => u.Code.Equals(code, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byCode.Count > 0)
        {
            return ([.. byCode.OrderBy(u => u.FromYear)], null);
        }
        var resolutions = Eras(year).Select(e => gazetteer.Resolve(trimmed, e.Kind, e.Year)).ToList();
        var named = resolutions.Where(r => r.Resolved).Select(r => r.Unit!).DistinctBy(u => (u.Kind, u.Code)).ToList();
        if (named.Count == 1)
        {
            return ([.. gazetteer.Units.Where(u => u.Code == named[0].Code && u.Kind == named[0].Kind).OrderBy(u => u.FromYear)], null);
        }
        if (named.Count > 1)
        {
            return (null, ApiResponse.Problem(300, "AMBIGUOUS_UNIT", "Ambiguous unit",
                $"'{ApiParameters.Clip(trimmed)}' names {string.Join(" and ", named.Select(Era))}; add ?year= to say which, or use the code.",
                [.. named.Select(u => new ApiSuggestion(u.Code, Era(u)))]));
        }
        var closest = resolutions.SelectMany(r => r.Closest).DistinctBy(u => (u.Code, u.NameVi)).Take(5).ToList();
        return (null, ApiResponse.Problem(404, "UNKNOWN_UNIT", "Unknown unit",
            $"'{ApiParameters.Clip(trimmed)}' is not a known province, city or ministry{(year is null ? "" : $" of {year}")}" +
            (closest.Count > 0 ? $"; did you mean {string.Join(" or ", closest.Select(u => $"{u.NameVi} ({u.Code})"))}?" : "."),
            [.. closest.Select(u => new ApiSuggestion(u.Code, u.NameVi))]));
    }

    private static string Era(Unit unit) =>
        $"{unit.NameVi} ({unit.Code}, {(unit.ToYear is { } to ? $"to {to}" : $"from {unit.FromYear}")})";

    /// <summary>
    /// The eras a name is looked up in: the year asked for, else both sides of the 2025 reorganisation, which was of
    /// provinces only; ministries have one era, so one year finds them.
    /// </summary>
    private static IEnumerable<(UnitKind Kind, int Year)> Eras(int? year) =>
    [
        .. year is { } y ? [(UnitKind.Province, y)]
            : new[] { (UnitKind.Province, Gazetteer.ReorganisationYear - 1), (UnitKind.Province, Gazetteer.ReorganisationYear) },
        (UnitKind.Ministry, year ?? Gazetteer.ReorganisationYear),
    ];
}
