namespace ParPipeline.Ranking;

/// <summary>
/// Standard competition ranking ("1224") on the published precision: 88.675 and 88.68, both published as
/// 88.68, share a place; the next place is skipped. Direction from the index definition.
/// </summary>
public static class CompetitionRanking
{
    public static IReadOnlyList<(T Item, double Score, int Rank)> Rank<T>(IEnumerable<T> items, Func<T, double> score, Func<T, string> key, int decimals, bool higherIsBetter)
    {
        var rounded = items.Select(i => (Item: i, Score: Math.Round(score(i), decimals, MidpointRounding.AwayFromZero))).ToList();
        var ordered = (higherIsBetter ? rounded.OrderByDescending(x => x.Score) : rounded.OrderBy(x => x.Score))
            .ThenBy(x => key(x.Item), StringComparer.Ordinal)
            .ToList();
        var result = new List<(T, double, int)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? result[i - 1].Item3 : i + 1;
            result.Add((ordered[i].Item, ordered[i].Score, rank));
        }
        return result;
    }
}
