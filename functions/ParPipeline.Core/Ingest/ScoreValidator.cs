using System.Globalization;
using ParPipeline.Ranking;
using ParPipeline.Units;

namespace ParPipeline.Ingest;

/// <summary>
/// Checks a table as a whole: every unit of its year exactly once, parts that add up to their total within
/// the published rounding, and (a warning only) a published rank column consistent with the scores.
/// </summary>
public static class ScoreValidator
{
    public static (IReadOnlyList<IngestProblem> Problems, IReadOnlyList<IngestProblem> Warnings) Validate(ScoreTable table, Gazetteer gazetteer)
    {
        var problems = new List<IngestProblem>();
        var warnings = new List<IngestProblem>();
        var index = table.Index;
        var unitColumn = ScoreColumns.Letter(table.Layout.UnitColumn);

        var present = table.Units.Select(u => u.Unit.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in gazetteer.UnitsFor(index.UnitKind, table.IndexYear.Year).Where(u => !present.Contains(u.Code)))
        {
            problems.Add(new IngestProblem(table.Sheet, null, unitColumn, ProblemCodes.MissingUnit,
                $"{missing.NameVi} ({missing.Code}) has no row; every {(index.UnitKind == UnitKind.Ministry ? "ministry" : "province and city")} of {table.IndexYear.Year} must appear once.",
                $"{missing.NameVi} ({missing.Code}) không có dòng nào; mọi {(index.UnitKind == UnitKind.Ministry ? "bộ, cơ quan ngang bộ" : "tỉnh, thành phố")} của năm {table.IndexYear.Year} phải có đúng một dòng."));
        }

        // Each part is published rounded to the index's decimals: their (weighted) sum may drift by half a unit per
        // part and weight (SumRule.Tolerance).
        foreach (var rule in index.Sums.Where(s => s.Parts.Append(s.Total).All(table.Layout.FieldColumns.ContainsKey)))
        {
            var totalColumn = ScoreColumns.Letter(table.Layout.FieldColumns[rule.Total]);
            foreach (var unit in table.Units)
            {
                // The out variable first: a mutation of || to && must still compile (CS0165), or Stryker drops the whole method.
                if (!unit.Values.TryGetValue(rule.Total, out var total) || !rule.Parts.All(unit.Values.ContainsKey))
                {
                    continue;
                }
                var sum = rule.Combine([.. rule.Parts.Select(p => unit.Values[p])]);
                if (Math.Abs(sum - total) > rule.Tolerance(index.Decimals))
                {
                    string Weighted(int i) => rule.Weights is null ? "" : $"{F(rule.WeightOf(i))} × ";
                    var parts = string.Join(" + ", rule.Parts.Select((p, i) => $"{Weighted(i)}{index.Field(p)!.NameEn.ToLowerInvariant()} {F(unit.Values[p])}"));
                    var partsVi = string.Join(" + ", rule.Parts.Select((p, i) => $"{Weighted(i)}{index.Field(p)!.NameVi.ToLowerInvariant()} {F(unit.Values[p])}"));
                    problems.Add(new IngestProblem(unit.Sheet ?? table.Sheet, unit.Row, totalColumn, ProblemCodes.ComponentsDoNotSum,
                        $"{unit.Unit.NameVi}: {parts} = {F(sum)}, but the {index.Field(rule.Total)!.NameEn} is {F(total)}.",
                        $"{unit.Unit.NameVi}: {partsVi} = {F(sum)}, nhưng {index.Field(rule.Total)!.NameVi} là {F(total)}.") { Found = F(total) });
                }
            }
        }

        if (table.Units.Any(u => u.PublishedRank is not null))
        {
            var computed = CompetitionRanking.Rank(table.Units, u => u.Total, u => u.Unit.Code, index.Decimals, index.HigherIsBetter)
                .ToDictionary(r => r.Item.Unit.Code, r => r.Rank, StringComparer.Ordinal);
            var differing = table.Units.Where(u => u.PublishedRank is { } p && p != computed[u.Unit.Code]).ToList();
            if (differing.Count > 0)
            {
                warnings.Add(new IngestProblem(table.Sheet, null, ScoreColumns.Letter(table.Layout.RankColumns[Indices.IndexDefinition.TotalKey]), ProblemCodes.RankMismatch,
                    $"The published rank differs from the rank the scores give for {differing.Count} unit(s): " +
                    string.Join("; ", differing.Select(u => $"{u.Unit.NameVi} row {u.Row}: published {u.PublishedRank}, scores give {computed[u.Unit.Code]}")) + ".",
                    $"Thứ hạng công bố khác thứ hạng tính từ điểm ở {differing.Count} đơn vị: " +
                    string.Join("; ", differing.Select(u => $"{u.Unit.NameVi} dòng {u.Row}: công bố {u.PublishedRank}, theo điểm {computed[u.Unit.Code]}")) + "."));
            }
        }
        return (problems, warnings);
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
