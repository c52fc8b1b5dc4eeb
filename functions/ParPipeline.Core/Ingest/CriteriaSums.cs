using System.Globalization;
using ParPipeline.Indices;
using ParPipeline.Ranking;

namespace ParPipeline.Ingest;

/// <summary>
/// Criteria that do not add up: where an index's definition says which criteria make a component, a unit's
/// criterion points in that component must equal the component's score in the provincial table, within the
/// published rounding (half a unit of the last place for each criterion and for the component). A mismatch is a
/// warning the ledger keeps, not a rejection: a ministry annex that contradicts its own table is news, and which of
/// the two is wrong is for a person to say.
/// </summary>
public static class CriteriaSums
{
    /// <summary>An annex just read against the current table: each warning placed at the annex's first row of the
    /// unit's criteria in that component, in its score column.</summary>
    public static IReadOnlyList<IngestProblem> Check(IndexDefinition index, IReadOnlyList<ComponentSum> sums, IReadOnlyList<UnitScore> table, string sheet, string column) =>
        Check(index, sums, table, _ => (sheet, column));

    /// <summary>
    /// A table just read against the current annex (the annex came first): each unit's criteria summed per component
    /// from the annex's rows, each warning placed at the unit's row of the table, in the component's column.
    /// </summary>
    public static IReadOnlyList<IngestProblem> Check(IndexDefinition index, IEnumerable<CriterionScore> annex, ScoreTable table)
    {
        if (index.Criteria is null)
        {
            return [];
        }
        var tallies = new Dictionary<(string Unit, string Component), (double Sum, int Count)>();
        foreach (var row in annex)
        {
            if (index.Criterion(row.Criterion) is { } defined)
            {
                var key = (row.UnitCode, defined.Component);
                var (sum, count) = tallies.GetValueOrDefault(key);
                tallies[key] = (sum + row.Score, count + 1);
            }
        }
        var rows = table.Units.ToDictionary(u => u.Unit.Code, StringComparer.Ordinal);
        var sums = tallies.Where(t => rows.ContainsKey(t.Key.Unit))
            .Select(t => new ComponentSum(table.IndexYear, t.Key.Unit, t.Key.Component, t.Value.Sum, t.Value.Count, rows[t.Key.Unit].Row)).ToList();
        var scores = table.Units.Select(u => new UnitScore(u.Unit.Code, u.Unit.NameVi, u.Total, u.Values)).ToList();
        return Check(index, sums, scores, sum =>
            (rows[sum.UnitCode].Sheet ?? table.Sheet, table.Layout.FieldColumns.TryGetValue(sum.Component, out var c) ? ScoreColumns.Letter(c) : null));
    }

    private static IReadOnlyList<IngestProblem> Check(IndexDefinition index, IReadOnlyList<ComponentSum> sums, IReadOnlyList<UnitScore> table, Func<ComponentSum, (string Sheet, string? Column)> place)
    {
        if (index.Criteria is null || sums.Count == 0)
        {
            return [];
        }
        var defined = index.Criteria.GroupBy(c => c.Component, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byUnit = table.ToDictionary(u => u.UnitCode, StringComparer.Ordinal);
        var half = 0.5 * Math.Pow(10, -index.Decimals);
        var warnings = new List<IngestProblem>();
        foreach (var sum in sums.OrderBy(s => s.FirstRow))
        {
            // A component some of whose criteria the annex leaves out cannot be held to its score. (Lookups one at a
            // time: an 'out var' after '||' would make a mutant of '||' fail to compile, and Stryker drop the method.)
            if (sum.Criteria != defined.GetValueOrDefault(sum.Component))
            {
                continue;
            }
            var unit = byUnit.GetValueOrDefault(sum.UnitCode);
            var fields = unit?.Fields;
            double? published = fields is not null && fields.ContainsKey(sum.Component) ? fields[sum.Component] : null;
            if (unit is null || published is null)
            {
                continue;
            }
            var tolerance = half * (sum.Criteria + 1) + 1e-9;
            if (Math.Abs(sum.Sum - published.Value) <= tolerance)
            {
                continue;
            }
            var field = index.Field(sum.Component)!;
            var (got, want, off, allowed) = (F(sum.Sum, index.Decimals), F(published.Value, index.Decimals), F(Math.Abs(sum.Sum - published.Value), index.Decimals), F(tolerance, index.Decimals + 1));
            var (sheet, column) = place(sum);
            warnings.Add(new IngestProblem(sheet, sum.FirstRow, column, ProblemCodes.CriteriaDoNotSum,
                $"The {sum.Criteria} criteria of {unit.UnitName} in '{field.NameEn}' add up to {got}, but the {index.ShortNameEn} {sum.IndexYear.Year} table gives {want} " +
                $"(off by {off}, more than the rounding allows, {allowed}).",
                $"{sum.Criteria} tiêu chí của {unit.UnitName} thuộc lĩnh vực '{field.NameVi}' cộng lại được {got}, nhưng bảng {index.ShortNameVi} năm {sum.IndexYear.Year} ghi {want} " +
                $"(lệch {off}, quá sai số làm tròn {allowed}).") { Found = got });
        }
        return warnings;
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
