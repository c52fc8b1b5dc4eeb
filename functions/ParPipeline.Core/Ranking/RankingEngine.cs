namespace ParPipeline.Ranking;

/// <summary>
/// Pure ranking: standard competition ranking ("1224") on the published precision, so 88.675 and 88.68
/// published as 88.68 share a place; direction from the index definition.
/// </summary>
public static class RankingEngine
{
    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<UnitScore> scores, int decimals, bool higherIsBetter)
    {
        var rounded = scores
            .Select(s => (Score: s, Key: Math.Round(s.Total, decimals, MidpointRounding.AwayFromZero)))
            .ToList();
        var ordered = (higherIsBetter ? rounded.OrderByDescending(x => x.Key) : rounded.OrderBy(x => x.Key))
            .ThenBy(x => x.Score.UnitCode, StringComparer.Ordinal)
            .ToList();

        var result = new List<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Key == ordered[i - 1].Key ? result[i - 1].Rank : i + 1;
            result.Add(new RankedUnit(ordered[i].Score.UnitCode, ordered[i].Score.UnitName, ordered[i].Key, rank, ordered.Count));
        }
        return result;
    }
}
