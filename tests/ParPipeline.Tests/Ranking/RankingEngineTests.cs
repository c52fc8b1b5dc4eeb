using ParPipeline.Ranking;

namespace ParPipeline.Tests.Ranking;

public sealed class RankingEngineTests
{
    private static UnitScore S(string code, double total) => new(code, $"Unit {code}", total);

    [Fact]
    public void Ranking_ties_share_a_rank_and_the_next_rank_is_skipped()
    {
        var ranked = RankingEngine.Rank([S("01", 90), S("02", 88.5), S("03", 88.5), S("04", 70)], decimals: 2, higherIsBetter: true);
        Assert.Equal(["01:1", "02:2", "03:2", "04:4"], ranked.Select(r => $"{r.UnitCode}:{r.Rank}"));
        Assert.All(ranked, r => Assert.Equal(4, r.Of));
    }

    [Fact]
    public void Ranking_compares_scores_at_the_published_precision()
    {
        // 88.675 is published as 88.68 (two decimals), so it ties with 88.68.
        var ranked = RankingEngine.Rank([S("48", 88.68), S("46", 88.675), S("37", 88.72)], decimals: 2, higherIsBetter: true);
        Assert.Equal(["37:1:88.72", "46:2:88.68", "48:2:88.68"], ranked.Select(r => $"{r.UnitCode}:{r.Rank}:{r.Score:F2}"));
    }

    [Fact]
    public void Ranking_follows_the_index_direction()
    {
        var ranked = RankingEngine.Rank([S("01", 3), S("02", 1), S("03", 2)], decimals: 0, higherIsBetter: false);
        Assert.Equal(["02:1", "03:2", "01:3"], ranked.Select(r => $"{r.UnitCode}:{r.Rank}"));
    }

    [Fact]
    public void Ranking_does_not_depend_on_input_order()
    {
        var scores = Enumerable.Range(1, 63).Select(i => S($"{i:00}", Math.Round(70 + (i * 37 % 29) * 0.7, 2))).ToList();
        var expected = RankingEngine.Rank(scores, 2, true).Select(r => $"{r.UnitCode}:{r.Rank}").ToList();
        var random = new Random(20231);
        for (var run = 0; run < 20; run++)
        {
            var shuffled = scores.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, RankingEngine.Rank(shuffled, 2, true).Select(r => $"{r.UnitCode}:{r.Rank}"));
        }
    }
}
