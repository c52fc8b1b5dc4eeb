using ParPipeline.Ingest;
using ParPipeline.Ranking;

namespace ParPipeline.Reports.Site;

/// <summary>A unit's score on one criterion of an annex, its rank among the units, and the leader's score.</summary>
public sealed record CriterionPlace(string Criterion, double Score, int Rank, int Of, double LeaderScore);

/// <summary>An annex's rows ranked criterion by criterion (competition ranking at the index's precision), by unit.</summary>
public static class CriterionPlaces
{
    /// <summary>Annexes above this many rows are not drawn into pages (the site is rebuilt on every publication).</summary>
    public const int MaxRows = 100_000;

    public static IReadOnlyDictionary<string, IReadOnlyList<CriterionPlace>> ByUnit(IReadOnlyList<CriterionScore> rows, int decimals, bool higherIsBetter)
    {
        var byUnit = new Dictionary<string, List<CriterionPlace>>(StringComparer.Ordinal);
        foreach (var criterion in rows.GroupBy(r => r.Criterion, StringComparer.Ordinal))
        {
            var ranked = CompetitionRanking.Rank(criterion, r => r.Score, r => r.UnitCode, decimals, higherIsBetter);
            var leader = ranked[0].Score;
            foreach (var (row, score, rank) in ranked)
            {
                if (!byUnit.TryGetValue(row.UnitCode, out var list))
                {
                    byUnit[row.UnitCode] = list = [];
                }
                list.Add(new CriterionPlace(criterion.Key, score, rank, ranked.Count, leader));
            }
        }
        // Criteria in their natural order: 1.2 before 1.10.
        var order = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.NumericOrdering);
        return byUnit.ToDictionary(u => u.Key, u => (IReadOnlyList<CriterionPlace>)[.. u.Value.OrderBy(c => c.Criterion, order)], StringComparer.Ordinal);
    }
}
