using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Criteria;

/// <summary>
/// One version of an index-year's criteria annex, ranked criterion by criterion (competition ranking at the index's
/// precision and direction, as the index itself is ranked), by unit and by criterion. Built once per version and
/// read many times: the API, the unit pages and the narratives all draw from it.
/// </summary>
public sealed class CriteriaTable
{
    private static readonly StringComparer NaturalOrder = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.NumericOrdering);

    private readonly Dictionary<string, IReadOnlyList<CriterionPlace>> _byUnit;
    private readonly Dictionary<string, IReadOnlyList<(string UnitCode, CriterionPlace Place)>> _byCriterion;

    private CriteriaTable(IndexYear indexYear, string version, long rows, IReadOnlyList<string> criteria,
        Dictionary<string, IReadOnlyList<CriterionPlace>> byUnit, Dictionary<string, IReadOnlyList<(string, CriterionPlace)>> byCriterion)
    {
        (IndexYear, Version, Rows, Criteria, _byUnit, _byCriterion) = (indexYear, version, rows, criteria, byUnit, byCriterion);
    }

    public IndexYear IndexYear { get; }

    /// <summary>The file version (SHA-256) the rows came from.</summary>
    public string Version { get; }

    public long Rows { get; }

    /// <summary>Every criterion of the annex in natural order: 1.2 before 1.10.</summary>
    public IReadOnlyList<string> Criteria { get; }

    public IReadOnlyCollection<string> Units => _byUnit.Keys;

    /// <summary>The unit's criteria in natural order; empty when the annex does not list the unit.</summary>
    public IReadOnlyList<CriterionPlace> Of(string unitCode) => _byUnit.GetValueOrDefault(unitCode) ?? [];

    /// <summary>Every unit's place on one criterion, best first (then by code); null when the annex lacks it.</summary>
    public IReadOnlyList<(string UnitCode, CriterionPlace Place)>? Ranked(string criterion) => _byCriterion.GetValueOrDefault(criterion);

    public static CriteriaTable Build(IndexDefinition index, IndexYear indexYear, string version, IEnumerable<CriterionScore> rows)
    {
        // Per criterion only the unit and score are kept: a large annex reads a fresh string for every cell, and one
        // string per criterion and per unit is enough.
        var byCriterion = new Dictionary<string, List<(string UnitCode, double Score)>>(StringComparer.Ordinal);
        var unitCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        long count = 0;
        foreach (var row in rows)
        {
            if (!byCriterion.TryGetValue(row.Criterion, out var list))
            {
                byCriterion[row.Criterion] = list = [];
            }
            if (!unitCodes.TryGetValue(row.UnitCode, out var code))
            {
                unitCodes[row.UnitCode] = code = row.UnitCode;
            }
            list.Add((code, row.Score));
            count++;
        }
        var byUnit = new Dictionary<string, List<CriterionPlace>>(StringComparer.Ordinal);
        var ranked = new Dictionary<string, IReadOnlyList<(string, CriterionPlace)>>(StringComparer.Ordinal);
        foreach (var (criterion, scores) in byCriterion)
        {
            var defined = index.Criterion(criterion);
            var places = CompetitionRanking.Rank(scores, r => r.Score, r => r.UnitCode, index.Decimals, index.HigherIsBetter);
            var leader = places[0].Score;
            var list = new List<(string, CriterionPlace)>(places.Count);
            foreach (var (row, score, rank) in places)
            {
                var place = new CriterionPlace(criterion, defined?.Component, score, defined?.Maximum, rank, places.Count, leader);
                list.Add((row.UnitCode, place));
                if (!byUnit.TryGetValue(row.UnitCode, out var unit))
                {
                    byUnit[row.UnitCode] = unit = [];
                }
                unit.Add(place);
            }
            ranked[criterion] = list;
        }
        return new CriteriaTable(indexYear, version, count, [.. byCriterion.Keys.Order(NaturalOrder)],
            byUnit.ToDictionary(u => u.Key, u => (IReadOnlyList<CriterionPlace>)[.. u.Value.OrderBy(c => c.Criterion, NaturalOrder)], StringComparer.Ordinal), ranked);
    }

    /// <summary>Natural order of criterion ids, for callers that sort their own lists.</summary>
    public static IComparer<string> Order => NaturalOrder;
}
