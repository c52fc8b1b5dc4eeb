using ParPipeline.Indices;
using ParPipeline.Ranking;
using ParPipeline.Tests.Infrastructure;
using ParPipeline.Units;

namespace ParPipeline.Tests.Ranking;

public sealed class RankingEngineTests
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly Gazetteer Gazetteer = ProvinceTable.Gazetteer;
    private static IndexDefinition Par => Indices.Find("PAR")!;

    private static UnitScore S(string code, double total, params (string Key, double Value)[] fields) =>
        new(code, Gazetteer.FindByCode(code)?.NameVi ?? code, total,
            fields.Append(("total", total)).ToDictionary(f => f.Item1, f => f.Item2));

    private static string Ranks<T>(IReadOnlyList<(T Item, double Score, int Rank)> ranked, Func<T, string> code) =>
        string.Join(" ", ranked.Select(r => $"{code(r.Item)}:{r.Rank}"));

    [Fact]
    public void A_unit_missing_from_a_year_before_that_exists_has_no_movement_is_in_its_first_year_and_still_like_for_like()
    {
        var table = RankingEngine.Compute(Par, 2023, [S("01", 90), S("22", 85)], [S("01", 88)], Gazetteer);
        var quangNinh = table.Single(u => u.UnitCode == "22");
        Assert.Equal((null, true, true), (quangNinh.Movement, quangNinh.FirstYear, quangNinh.LikeForLike));
        var hanoi = table.Single(u => u.UnitCode == "01");
        Assert.Equal((2.0, false, true), (hanoi.Movement!.PointsChange, hanoi.FirstYear, hanoi.LikeForLike));
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_is_skipped()
    {
        var ranked = CompetitionRanking.Rank([S("01", 90), S("02", 88.5), S("04", 88.5), S("06", 70)], s => s.Total, s => s.UnitCode, 2, true);
        Assert.Equal("01:1 02:2 04:2 06:4", Ranks(ranked, s => s.UnitCode));
    }

    [Fact]
    public void Scores_are_compared_at_the_published_precision()
    {
        // 88.675 is published as 88.68 (two decimals), so it ties with 88.68.
        var ranked = CompetitionRanking.Rank([S("48", 88.68), S("46", 88.675), S("37", 88.72)], s => s.Total, s => s.UnitCode, 2, true);
        Assert.Equal("37:1 46:2 48:2", Ranks(ranked, s => s.UnitCode));
        Assert.Equal(88.68, ranked[1].Score);
    }

    [Fact]
    public void The_index_direction_decides_which_end_is_first()
    {
        var ranked = CompetitionRanking.Rank([S("01", 3), S("02", 1), S("04", 2)], s => s.Total, s => s.UnitCode, 0, false);
        Assert.Equal("02:1 04:2 01:3", Ranks(ranked, s => s.UnitCode));
    }

    [Fact]
    public void Shuffled_input_gives_the_same_ranks()
    {
        var scores = ProvinceTable.Scores().Select((s, i) => S(s.Unit.Code, Math.Round(70 + (i * 37 % 29) * 0.7, 2))).ToList();
        var expected = Ranks(CompetitionRanking.Rank(scores, s => s.Total, s => s.UnitCode, 2, true), s => s.UnitCode);
        var random = new Random(20231);
        for (var run = 0; run < 20; run++)
        {
            var shuffled = scores.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Ranks(CompetitionRanking.Rank(shuffled, s => s.Total, s => s.UnitCode, 2, true), s => s.UnitCode));
        }
    }

    [Fact]
    public void A_unit_added_below_a_rank_does_not_move_the_units_above_it()
    {
        var random = new Random(7);
        for (var run = 0; run < 50; run++)
        {
            var scores = ProvinceTable.Scores().Take(30).Select(s => S(s.Unit.Code, Math.Round(70 + random.NextDouble() * 25, 2))).ToList();
            var before = CompetitionRanking.Rank(scores, s => s.Total, s => s.UnitCode, 2, true).ToDictionary(r => r.Item.UnitCode, r => r.Rank);
            var added = S("96", Math.Round(70 + random.NextDouble() * 25, 2));
            var after = CompetitionRanking.Rank([.. scores, added], s => s.Total, s => s.UnitCode, 2, true).ToDictionary(r => r.Item.UnitCode, r => r.Rank);
            foreach (var unit in scores.Where(s => Math.Round(s.Total, 2) > Math.Round(added.Total, 2)))
            {
                Assert.Equal(before[unit.UnitCode], after[unit.UnitCode]);
            }
        }
    }

    [Fact]
    public void Every_field_of_a_small_case_worked_out_by_hand()
    {
        // 2023: Quảng Ninh 22, Hải Phòng 31 (city), Hà Nội 01 (city) in the Red River Delta; Đà Nẵng 48 (city) and
        // Quảng Nam 49 in the north-central and central coastal region.
        var current = new[]
        {
            S("22", 92.18, ("appraisal", 60.00), ("survey", 32.18)),
            S("31", 91.87, ("appraisal", 59.50), ("survey", 32.37)),
            S("01", 91.43, ("appraisal", 60.30), ("survey", 31.13)),
            S("48", 88.68, ("appraisal", 60.00), ("survey", 28.68)),
            S("49", 85.00, ("appraisal", 55.00), ("survey", 30.00)),
        };
        var previous = new[] { S("22", 90.10), S("31", 88.00), S("01", 89.00), S("48", 87.54) };

        var rankings = RankingEngine.Compute(Par, 2023, current, previous, Gazetteer).ToDictionary(r => r.UnitCode);

        var daNang = rankings["48"];
        Assert.Equal((88.68, 4, 5), (daNang.Score, daNang.Rank, daNang.Of));
        Assert.Equal(("22", "Quảng Ninh", 92.18, 3.5), (daNang.National.LeaderCode, daNang.National.LeaderName, daNang.National.LeaderScore, daNang.National.GapToLeader));
        Assert.Equal(("Bắc Trung Bộ và duyên hải miền Trung", 1, 2, "48", 0.0), (daNang.Region!.Group, daNang.Region.Rank, daNang.Region.Of, daNang.Region.LeaderCode, daNang.Region.GapToLeader));
        Assert.Equal((RankingEngine.CityGroupName, 3, 3, "31", 3.19), (daNang.CityGroup!.Group, daNang.CityGroup.Rank, daNang.CityGroup.Of, daNang.CityGroup.LeaderCode, daNang.CityGroup.GapToLeader));
        // Appraisal: Hà Nội 60.30 first; Quảng Ninh and Đà Nẵng share 2nd with 60.00, 0.3 behind.
        Assert.Equal(("appraisal", 2, 5, "01", 0.3), (daNang.Fields["appraisal"].Group, daNang.Fields["appraisal"].Rank, daNang.Fields["appraisal"].Of, daNang.Fields["appraisal"].LeaderCode, daNang.Fields["appraisal"].GapToLeader));
        Assert.Equal((5, "31"), (daNang.Fields["survey"].Rank, daNang.Fields["survey"].LeaderCode));
        Assert.Equal(new Movement(2022, 87.54, 4, 4, 1.14, 0), daNang.Movement);
        Assert.Equal((false, true), (daNang.FirstYear, daNang.LikeForLike));

        Assert.Equal(new Movement(2022, 88.00, 3, 4, 3.87, 1), rankings["31"].Movement);
        Assert.Equal(new Movement(2022, 89.00, 2, 4, 2.43, -1), rankings["01"].Movement);
        Assert.Null(rankings["49"].CityGroup);
        Assert.Equal((true, null), (rankings["49"].FirstYear, rankings["49"].Movement));
        Assert.Equal((2, 2), (rankings["49"].Region!.Rank, rankings["49"].Region!.Of));
        Assert.Equal(3.68, rankings["49"].Region!.GapToLeader);
    }

    [Fact]
    public void Rankings_come_out_by_rank_then_by_code_whatever_order_the_scores_came_in()
    {
        var rankings = RankingEngine.Compute(Par, 2023, [S("48", 88.68), S("22", 92.18), S("01", 88.68)], null, Gazetteer);
        Assert.Equal([("22", 1), ("01", 2), ("48", 2)], rankings.Select(r => (r.UnitCode, r.Rank)));
    }

    [Fact]
    public void Where_lower_is_better_points_gained_are_a_fall_in_the_score()
    {
        var lowerIsBetter = Par with { HigherIsBetter = false };
        var unit = Assert.Single(RankingEngine.Compute(lowerIsBetter, 2023, [S("48", 10.5)], [S("48", 12.0)], Gazetteer));
        Assert.Equal(new Movement(2022, 12.0, 1, 1, 1.5, 0), unit.Movement);
    }

    [Fact]
    public void A_merged_province_compares_like_for_like_in_its_second_year_after_the_reorganisation()
    {
        // Tuyên Quang (08) took in Hà Giang on 2025-07-01: 2025 against 2024 is across the reorganisation,
        // 2026 against 2025 is the same unit both years.
        var unit = Assert.Single(RankingEngine.Compute(Par, 2026, [S("08", 85.0)], [S("08", 84.0)], Gazetteer));
        Assert.Equal((true, false, new Movement(2025, 84.0, 1, 1, 1.0, 0)), (unit.LikeForLike, unit.FirstYear, unit.Movement));
        Assert.Empty(unit.Predecessors);
    }

    [Fact]
    public void Without_a_previous_year_every_unit_is_in_its_first_year()
    {
        var rankings = RankingEngine.Compute(Par, 2023, [S("22", 92.18), S("48", 88.68)], null, Gazetteer);
        Assert.Equal(["22", "48"], rankings.Select(r => r.UnitCode));
        Assert.All(rankings, r => Assert.Equal((true, null, true), (r.FirstYear, r.Movement, r.LikeForLike)));
    }

    [Fact]
    public void The_press_example_comes_out_of_the_sample_files()
    {
        var par = RankingEngine.Compute(Par, 2023, Samples.Scores(Samples.Par2023), Samples.Scores(Samples.Par2022), Gazetteer).Single(r => r.UnitCode == "48");
        // "Da Nang ranked 12th of 63 with 88.68 points, up 1.14 points but down 7 places; 3rd of the 5 centrally
        // governed cities; 1st of 14 in the north-central and central coastal region."
        Assert.Equal((12, 63, 88.68), (par.Rank, par.Of, par.Score));
        Assert.Equal((1.14, -7, 5), (par.Movement!.PointsChange, par.Movement.PlacesChange, par.Movement.PreviousRank));
        Assert.Equal((3, 5, "31"), (par.CityGroup!.Rank, par.CityGroup.Of, par.CityGroup.LeaderCode));
        Assert.Equal((1, 14), (par.Region!.Rank, par.Region.Of));

        var sipas = RankingEngine.Compute(Indices.Find("SIPAS")!, 2023, Samples.Scores(Samples.Sipas2023), Samples.Scores(Samples.Sipas2022), Gazetteer).Single(r => r.UnitCode == "48");
        // "SIPAS 22nd, up 12 places."
        Assert.Equal((22, 12), (sipas.Rank, sipas.Movement!.PlacesChange));
    }

    [Theory]
    [InlineData(Samples.Par2021Xls)]
    [InlineData(Samples.Par2022)]
    [InlineData(Samples.Par2023)]
    [InlineData(Samples.Sipas2022)]
    [InlineData(Samples.Ministries2023)]
    public void Where_a_sample_carries_the_published_ranks_the_recomputed_ranks_equal_them_for_every_unit(string sample)
    {
        var scores = Samples.Scores(sample);
        var index = Indices.Find(sample.Split('/')[0])!;
        var year = int.Parse(sample.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);
        var rankings = RankingEngine.Compute(index, year, scores, null, Gazetteer).ToDictionary(r => r.UnitCode, r => r.Rank);
        Assert.All(scores, s => Assert.Equal(s.PublishedRank, rankings[s.UnitCode]));
        Assert.Equal(index.UnitKind == UnitKind.Ministry ? 17 : 63, scores.Count);
    }

    [Fact]
    public void Across_the_2025_reorganisation_a_merged_unit_is_not_like_for_like_and_shows_its_predecessors()
    {
        var before = ProvinceTable.Scores(2024).Select(s => S(s.Unit.Code, s.Score)).ToList();
        var after = Gazetteer.UnitsFor(UnitKind.Province, 2025).Select((u, i) => new UnitScore(u.Code, u.NameVi, Math.Round(95 - i * 0.5, 2))).ToList();

        var rankings = RankingEngine.Compute(Par, 2025, after, before, Gazetteer).ToDictionary(r => r.UnitCode);

        var daNang = rankings["48"];
        Assert.Equal((false, false, null), (daNang.LikeForLike, daNang.FirstYear, daNang.Movement));
        Assert.Equal(["48 Đà Nẵng 2024 86.90 32/63", "49 Quảng Nam 2024 86.80 33/63"],
            daNang.Predecessors.Select(p => $"{p.UnitCode} {p.UnitName} {p.Year} {p.Score:F2} {p.Rank}/{p.Of}"));

        // Cao Bằng (04) was not merged: its movement is an ordinary one, against its own 2024 result.
        var caoBang = rankings["04"];
        Assert.True(caoBang.LikeForLike);
        Assert.Empty(caoBang.Predecessors);
        var before04 = before.Single(s => s.UnitCode == "04");
        Assert.Equal(Math.Round(caoBang.Score - before04.Total, 2), caoBang.Movement!.PointsChange);
        Assert.Equal(3 - caoBang.Rank, caoBang.Movement.PlacesChange);

        Assert.Equal(34, daNang.Of);
        Assert.Equal(6, rankings.Values.Count(r => r.CityGroup is not null));
        Assert.Equal(6, rankings["46"].CityGroup!.Of);
    }
}
