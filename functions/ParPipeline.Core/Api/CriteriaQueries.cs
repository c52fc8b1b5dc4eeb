using System.Globalization;
using ParPipeline.Criteria;
using ParPipeline.Indices;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Api;

/// <summary>
/// The criteria annexes served: <c>GET /api/criteria/{index}/{year}</c> (every criterion with its leader),
/// <c>GET /api/criteria/{index}/{year}/{criterion}</c> (one criterion, every unit ranked) and
/// <c>GET /api/units/{unit}/criteria/{index}/{year}</c> (a unit's criteria with rank, leader, gap, change since the
/// year before, and where points were lost), each as JSON or, with <c>format=csv</c> or <c>Accept: text/csv</c>, CSV.
/// All three read the current version through its pointer (<see cref="CriteriaSnapshots"/>).
/// </summary>
public sealed class CriteriaQueries(CriteriaSnapshots snapshots, RankingQueries rankings, UnitQueries units, Gazetteer gazetteer)
{
    public static readonly IReadOnlyList<string> Parameters = ["format"];

    public async Task<ApiResponse> ListAsync(string index, string year, ApiRequest request, CancellationToken ct)
    {
        var (found, problem) = await FindAsync(index, year, request, ct);
        if (found is not { } f)
        {
            return problem!;
        }
        var (definition, table, _, csv) = f;
        var summaries = table.Criteria.Select(c =>
        {
            var ranked = table.Ranked(c)!;
            var defined = definition.Criterion(c);
            return new CriterionSummary(c, defined?.Component, defined is null ? null : definition.Field(defined.Component)?.NameEn, defined?.Maximum, ranked.Count,
                ranked[0].UnitCode, ranked[0].Place.Score, Math.Round(ranked.Average(r => r.Place.Score), definition.Decimals + 2));
        }).ToList();
        if (csv)
        {
            return Csv($"{table.IndexYear.Index}-{table.IndexYear.Year}-criteria.csv",
                ["criterion", "component", "maximum", "units", "leader_code", "leader_score", "mean"],
                [.. summaries.Select(s => new object?[] { s.Criterion, s.Component, s.Maximum, s.Units, s.LeaderCode, s.LeaderScore, s.Mean })]);
        }
        return ApiResponse.Ok(new CriteriaListResponse(table.IndexYear.Index, table.IndexYear.Year, table.Version, table.Rows, table.Units.Count, summaries));
    }

    public async Task<ApiResponse> CriterionAsync(string index, string year, string criterion, ApiRequest request, CancellationToken ct)
    {
        var (found, problem) = await FindAsync(index, year, request, ct);
        if (found is not { } f)
        {
            return problem!;
        }
        var (definition, table, before, csv) = f;
        var id = definition.FindCriterion(criterion)?.Id ?? criterion.Trim();
        if (table.Ranked(id) is not { } ranked)
        {
            var near = table.Criteria.OrderBy(c => Distance(c, id)).ThenBy(c => c, CriteriaTable.Order).Take(5).ToList();
            return ApiResponse.Problem(404, "UNKNOWN_CRITERION", "Unknown criterion",
                $"The {definition.Code} {table.IndexYear.Year} annex has no criterion '{ApiParameters.Clip(criterion)}'; it has {table.Criteria.Count}, such as {string.Join(", ", near)}.",
                [.. near.Select(c => new ApiSuggestion(c, $"{definition.Code} {table.IndexYear.Year} {c}"))]);
        }
        var defined = definition.Criterion(id);
        var previous = before?.Ranked(id)?.ToDictionary(r => r.UnitCode, r => r.Place.Score, StringComparer.Ordinal);
        var sign = definition.HigherIsBetter ? 1 : -1;
        var rows = ranked.Select(r =>
        {
            double? last = previous is not null && Comparable(definition, table.IndexYear.Year, r.UnitCode) && previous.TryGetValue(r.UnitCode, out var p) ? p : null;
            return new CriterionUnit(r.Place.Rank, r.Place.Of, r.UnitCode, NameOf(definition, table.IndexYear.Year, r.UnitCode), r.Place.Score, r.Place.GapToLeader,
                last, last is { } l ? Math.Round(sign * (r.Place.Score - l), definition.Decimals) : null);
        }).ToList();
        if (csv)
        {
            return Csv($"{table.IndexYear.Index}-{table.IndexYear.Year}-criterion-{FileSafe(id)}.csv",
                ["rank", "of", "unit_code", "unit_name", "score", "gap_to_leader", "previous_score", "change"],
                [.. rows.Select(r => new object?[] { r.Rank, r.Of, r.UnitCode, r.UnitName, r.Score, r.GapToLeader, r.PreviousScore, r.Change })]);
        }
        return ApiResponse.Ok(new CriterionRankingResponse(table.IndexYear.Index, table.IndexYear.Year, id, defined?.Component, defined?.Maximum, table.Version,
            before?.IndexYear.Year, rows));
    }

    public async Task<ApiResponse> UnitAsync(string unit, string index, string year, ApiRequest request, CancellationToken ct)
    {
        var (found, problem) = await FindAsync(index, year, request, ct);
        if (found is not { } f)
        {
            return problem!;
        }
        var (definition, table, before, csv) = f;
        var y = table.IndexYear.Year;
        var (lineage, unknown) = units.Resolve(unit, y);
        if (lineage is null)
        {
            return unknown!;
        }
        var era = lineage.FirstOrDefault(u => u.Kind == definition.UnitKind && u.ExistsIn(y));
        var places = era is null ? [] : table.Of(era.Code);
        if (era is null || places.Count == 0)
        {
            var name = era?.NameVi ?? lineage[^1].NameVi;
            return ApiResponse.Problem(404, "UNIT_NOT_IN_ANNEX", "Unit not in the annex",
                era is null
                    ? $"{name} is not a {(definition.UnitKind == UnitKind.Ministry ? "ministry" : "province or city")} of {y}, which the {definition.Code} annex scores."
                    : $"The {definition.Code} {y} criteria annex does not list {name} ({era.Code}).");
        }
        var comparable = CriteriaComparison.WithYearBefore(definition, y, era);
        var previous = comparable ? before?.Of(era.Code) : null;
        if (previous is { Count: 0 })
        {
            previous = null;
        }
        var last = previous?.ToDictionary(c => c.Criterion, c => c.Score, StringComparer.Ordinal);
        var sign = definition.HigherIsBetter ? 1 : -1;
        var criteria = places.Select(c =>
        {
            double? p = last is not null && last.TryGetValue(c.Criterion, out var v) ? v : null;
            return new UnitCriterion(c.Criterion, c.Component, c.Score, c.Maximum, c.Rank, c.Of, c.LeaderScore, c.GapToLeader, p,
                p is { } b ? Math.Round(sign * (c.Score - b), definition.Decimals) : null);
        }).ToList();
        if (csv)
        {
            return Csv($"{table.IndexYear.Index}-{y}-{era.Code}-criteria.csv",
                ["criterion", "component", "score", "maximum", "rank", "of", "leader_score", "gap_to_leader", "previous_score", "change"],
                [.. criteria.Select(c => new object?[] { c.Criterion, c.Component, c.Score, c.Maximum, c.Rank, c.Of, c.LeaderScore, c.GapToLeader, c.PreviousScore, c.Change })]);
        }
        return ApiResponse.Ok(new UnitCriteriaResponse(table.IndexYear.Index, y, era.Code, era.NameVi, era.NameEn, table.Version, previous is null ? null : y - 1,
            criteria, PointsLost.Of(places, previous, definition.HigherIsBetter)));
    }

    private sealed record Found(IndexDefinition Index, CriteriaTable Table, CriteriaTable? Before, bool Csv);

    /// <summary>The index-year's annex (and the year before's, if any), or the problem that says why there is none.</summary>
    private async Task<(Found?, ApiResponse?)> FindAsync(string index, string year, ApiRequest request, CancellationToken ct)
    {
        var (format, badFormat) = ApiParameters.OneOf(request, "format", RankingQueries.Formats);
        if (badFormat is not null)
        {
            return (null, badFormat);
        }
        var (definition, y, bad) = rankings.Parse(index, year);
        if (definition is null)
        {
            return (null, bad);
        }
        var indexYear = new IndexYear(definition.Code, y);
        if (await snapshots.GetAsync(indexYear, ct) is not { } table)
        {
            var years = (await snapshots.ListAsync(ct)).Where(v => v.IndexYear.Index == definition.Code).Select(v => v.IndexYear.Year).Order().ToList();
            return (null, ApiResponse.Problem(404, "NO_CRITERIA", "No criteria annex",
                years.Count == 0
                    ? $"No {definition.Code} criteria annex has been ingested."
                    : $"No {definition.Code} criteria annex for {y} has been ingested; annexes: {string.Join(", ", years)}.",
                [.. years.OrderBy(v => Math.Abs(v - y)).Select(v => new ApiSuggestion(v.ToString(CultureInfo.InvariantCulture), $"{definition.Code} {v}"))]));
        }
        var before = await snapshots.GetAsync(indexYear.PreviousYear(), ct);
        var csv = (format ?? (MediaTypes.PrefersCsv(request.Accept) ? "csv" : "json")) == "csv";
        return (new Found(definition, table, before, csv), null);
    }

    private bool Comparable(IndexDefinition index, int year, string code) =>
        CriteriaComparison.WithYearBefore(index, year, gazetteer.Find(index.UnitKind, year, code));

    private string NameOf(IndexDefinition index, int year, string code) => gazetteer.Find(index.UnitKind, year, code)?.NameVi ?? code;

    private static ApiResponse Csv(string fileName, IReadOnlyList<string> header, IReadOnlyList<object?[]> rows) =>
        ApiResponse.Bytes(ApiResponse.Csv, SummaryCsv.Render(header, rows)).WithHeader("Content-Disposition", $"attachment; filename=\"{fileName}\"");

    // A criterion id in a file name: letters, digits, '.', '-' and '_' kept, the rest '_'.
    private static string FileSafe(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));

    // How far apart two ids are, for suggestions: a shared beginning counts most ("2.3" is near "2.3.1" and "2.4").
    private static int Distance(string a, string b)
    {
        var common = 0;
        while (common < a.Length && common < b.Length && char.ToLowerInvariant(a[common]) == char.ToLowerInvariant(b[common]))
        {
            common++;
        }
        return a.Length + b.Length - 2 * common;
    }
}

/// <summary>Body of <c>GET /api/criteria/{index}/{year}</c>.</summary>
/// <param name="CriteriaVersion">The SHA-256 of the annex file the rows come from.</param>
public sealed record CriteriaListResponse(string Index, int Year, string CriteriaVersion, long Rows, int Units, IReadOnlyList<CriterionSummary> Criteria);

/// <summary>One criterion of an annex: its component and maximum where the definition says, how many units it
/// scores, the leader and the mean.</summary>
public sealed record CriterionSummary(string Criterion, string? Component, string? ComponentName, double? Maximum, int Units, string LeaderCode, double LeaderScore, double Mean);

/// <summary>Body of <c>GET /api/criteria/{index}/{year}/{criterion}</c>; <paramref name="ComparedWith"/> is the year of
/// the previous annex, null when there is none.</summary>
public sealed record CriterionRankingResponse(string Index, int Year, string Criterion, string? Component, double? Maximum, string CriteriaVersion, int? ComparedWith, IReadOnlyList<CriterionUnit> Units);

/// <summary>A unit's place on one criterion; <paramref name="Change"/> is positive when it did better than the year
/// before, null when the unit has no like-for-like score on the criterion the year before.</summary>
public sealed record CriterionUnit(int Rank, int Of, string UnitCode, string UnitName, double Score, double GapToLeader, double? PreviousScore, double? Change);

/// <summary>Body of <c>GET /api/units/{unit}/criteria/{index}/{year}</c>; <paramref name="ComparedWith"/> is null when the
/// year before has no annex or no like-for-like unit (a province merged in 2025).</summary>
public sealed record UnitCriteriaResponse(string Index, int Year, string UnitCode, string UnitName, string UnitNameEn, string CriteriaVersion, int? ComparedWith,
    IReadOnlyList<UnitCriterion> Criteria, PointsLost PointsLost);

/// <summary>A unit's score on one criterion with its maximum (when defined), rank among the units, the leader's score
/// and the gap, and the change since the year before (positive is better).</summary>
public sealed record UnitCriterion(string Criterion, string? Component, double Score, double? Maximum, int Rank, int Of, double LeaderScore, double GapToLeader,
    double? PreviousScore, double? Change);
