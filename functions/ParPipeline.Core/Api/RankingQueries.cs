using System.Globalization;
using ParPipeline.Indices;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Api;

/// <summary>
/// <c>GET /api/rankings/{index}/{year}</c>: an index-year's ranked table with every rank, score, component and
/// movement; <c>region</c> (name in Vietnamese or English), <c>group=cities</c>, <c>sort</c> and <c>format=csv</c>.
/// </summary>
public sealed class RankingQueries(IndexCatalog indices, ApiSnapshots snapshots, Gazetteer gazetteer)
{
    public static readonly IReadOnlyList<string> Parameters = ["region", "group", "sort", "format"];
    public static readonly IReadOnlyList<string> Sorts = ["rank", "-rank", "score", "-score", "name", "-name", "code", "-code", "points", "-points", "places", "-places"];
    public static readonly IReadOnlyList<string> Formats = ["json", "csv"];
    public static readonly IReadOnlyList<string> Groups = ["cities"];

    public async Task<ApiResponse> GetAsync(string index, string year, ApiRequest request, CancellationToken ct)
    {
        var (sort, badSort) = ApiParameters.OneOf(request, "sort", Sorts);
        var (format, badFormat) = ApiParameters.OneOf(request, "format", Formats);
        var (group, badGroup) = ApiParameters.OneOf(request, "group", Groups);
        if ((badSort ?? badFormat ?? badGroup) is { } bad)
        {
            return bad;
        }
        var region = request.Get("region");
        var found = region is null ? null : FindRegion(region);
        if (region is not null && found is null)
        {
            return ApiResponse.Problem(400, "UNKNOWN_REGION", "Unknown region",
                $"'{ApiParameters.Clip(region)}' is not a region; regions are {string.Join(", ", gazetteer.Regions.Select(r => r.NameEn))}.",
                [.. gazetteer.Regions.Select(r => new ApiSuggestion(r.NameEn, r.NameVi))]);
        }
        var (snapshot, problem) = await FindAsync(index, year, ct);
        if (snapshot is null)
        {
            return problem!;
        }
        // ?format= wins; otherwise Accept: text/csv gets the CSV, as a spreadsheet or a data tool asks for it.
        format ??= MediaTypes.PrefersCsv(request.Accept) ? "csv" : "json";
        var key = $"rankings|{found?.NameVi}|{group}|{sort ?? "rank"}|{format}";
        return snapshot.Rendered(key, s => Render(s, found, group, sort ?? "rank", format));
    }

    /// <summary>The snapshot of a ranked index-year, or the 400/404 that says why there is none.</summary>
    public async Task<(IndexYearSnapshot? Snapshot, ApiResponse? Problem)> FindAsync(string index, string year, CancellationToken ct)
    {
        var (definition, y, bad) = Parse(index, year);
        if (definition is null)
        {
            return (null, bad);
        }
        var all = await snapshots.AllAsync(ct);
        if (all.FirstOrDefault(s => s.IndexYear == new IndexYear(definition.Code, y)) is { } snapshot)
        {
            return (snapshot, null);
        }
        var years = all.Where(s => s.IndexYear.Index == definition.Code).Select(s => s.IndexYear.Year).ToList();
        return (null, ApiResponse.Problem(404, "NO_RANKING", "No ranking",
            years.Count == 0
                ? $"There is no {definition.Code} ranking yet."
                : $"There is no {definition.Code} ranking for {y}; years ranked: {string.Join(", ", years)}.",
            [.. years.OrderBy(v => Math.Abs(v - y)).Select(v => new ApiSuggestion(v.ToString(CultureInfo.InvariantCulture), $"{definition.Code} {v}"))]));
    }

    /// <summary>A route's {index} and {year}: the index's definition and the year, or the 404/400 that says why not.</summary>
    public (IndexDefinition? Index, int Year, ApiResponse? Problem) Parse(string index, string year)
    {
        if (indices.Find(index.ToUpperInvariant()) is not { } definition)
        {
            return (null, 0, UnknownIndex(index));
        }
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2999)
        {
            return (null, 0, ApiResponse.Problem(400, "BAD_YEAR", "Bad year", $"'{ApiParameters.Clip(year)}' is not a year."));
        }
        return (definition, y, null);
    }

    public ApiResponse UnknownIndex(string index) =>
        ApiResponse.Problem(404, "UNKNOWN_INDEX", "Unknown index",
            $"Index '{ApiParameters.Clip(index)}' is not known; try one of {string.Join(", ", indices.All.Select(d => d.Code).Order(StringComparer.Ordinal))}.",
            [.. indices.All.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new ApiSuggestion(d.Code, d.NameEn))]);

    private Region? FindRegion(string text) =>
        gazetteer.Regions.FirstOrDefault(r => Gazetteer.NameKey(r.NameVi) == Gazetteer.NameKey(text) || Gazetteer.NameKey(r.NameEn) == Gazetteer.NameKey(text));

    private ApiResponse Render(IndexYearSnapshot snapshot, Region? region, string? group, string sort, string format)
    {
        IEnumerable<UnitRanking> units = snapshot.Table.Units;
        if (region is not null)
        {
            units = units.Where(u => u.Region?.Group == region.NameVi);
        }
        if (group is not null)
        {
            units = units.Where(u => u.CityGroup is not null);
        }
        var sorted = Sort(units, sort);
        if (format == "csv")
        {
            var (header, rows) = SummaryTable.Build(sorted, indices.Find(snapshot.IndexYear.Index));
            return ApiResponse.Bytes(ApiResponse.Csv, SummaryCsv.Render(header, rows))
                .WithHeader("Content-Disposition", $"attachment; filename=\"{snapshot.IndexYear.Index}-{snapshot.IndexYear.Year}.csv\"");
        }
        return ApiResponse.Ok(new RankingResponse(snapshot.IndexYear.Index, snapshot.IndexYear.Year, snapshot.Table.ScoreVersion,
            snapshot.Version.RankedAt, region?.NameVi, group, sort, sorted));
    }

    /// <summary>Sorted by <paramref name="sort"/> ('-' = descending); units without a movement come last when
    /// sorting by movement; ties keep the national order, then the code, so a request always answers the same bytes.</summary>
    private static List<UnitRanking> Sort(IEnumerable<UnitRanking> units, string sort)
    {
        var sign = sort.StartsWith('-') ? -1 : 1;
        var key = sort.TrimStart('-');
        Comparison<UnitRanking> primary = key switch
        {
            "score" => (a, b) => a.Score.CompareTo(b.Score),
            "name" => (a, b) => string.CompareOrdinal(Gazetteer.NameKey(a.UnitName), Gazetteer.NameKey(b.UnitName)),
            "code" => (a, b) => string.CompareOrdinal(a.UnitCode, b.UnitCode),
            "points" => (a, b) => a.Movement!.PointsChange.CompareTo(b.Movement!.PointsChange),
            "places" => (a, b) => a.Movement!.PlacesChange.CompareTo(b.Movement!.PlacesChange),
            _ => (a, b) => a.Rank.CompareTo(b.Rank),
        };
        var byMovement = key is "points" or "places";
        var list = units.ToList();
        list.Sort((a, b) =>
        {
            if (byMovement && (a.Movement is null || b.Movement is null))
            {
                return (a.Movement is null).CompareTo(b.Movement is null) is var missing && missing != 0 ? missing : a.Rank.CompareTo(b.Rank);
            }
            var order = sign * primary(a, b);
            return order != 0 ? order : a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.UnitCode, b.UnitCode);
        });
        return list;
    }
}
