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
    public static IReadOnlyList<IngestProblem> Check(IndexDefinition index, IReadOnlyList<ComponentSum> sums, IReadOnlyList<UnitScore> table, string sheet, string column)
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
