using ParPipeline.Indices;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Tests.Infrastructure;
using ParPipeline.Units;

namespace ParPipeline.Tests.Reports;

public sealed class UnitNarrativeTests
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly Gazetteer Gazetteer = ProvinceTable.Gazetteer;

    private static UnitScore S(string code, double total, params (string Key, double Value)[] fields) =>
        new(code, Gazetteer.FindByCode(code)?.NameVi ?? code, total, fields.Append(("total", total)).ToDictionary(f => f.Item1, f => f.Item2));

    private static NarrativeInput Input(string index, int year, IReadOnlyList<UnitScore> current, IReadOnlyList<UnitScore>? previous, string code, UnitRanking? sipas = null)
    {
        var table = RankingEngine.Compute(Indices.Find(index)!, year, current, previous, Gazetteer);
        return new NarrativeInput(Indices.Find(index)!, year, table.Single(u => u.UnitCode == code), table,
            c => Gazetteer.Units.First(u => u.Code == c && u.Kind == UnitKind.Province).NameEn,
            r => Gazetteer.Regions.Single(g => g.NameVi == r).NameEn, sipas, sipas is null ? null : year);
    }

    // The small case of RankingEngineTests, worked out by hand: Đà Nẵng 4th of 5 with 88.68 (87.54 and 4th of
    // 4 the year before); 3rd of 3 cities after Hải Phòng and Hà Nội; 1st of 2 in its region; appraisal 60.00,
    // 2nd jointly with Quảng Ninh, 0.30 behind Hà Nội.
    private static readonly UnitScore[] Small2023 =
    [
        S("22", 92.18, ("appraisal", 60.00), ("survey", 32.18)),
        S("31", 91.87, ("appraisal", 59.50), ("survey", 32.37)),
        S("01", 91.43, ("appraisal", 60.30), ("survey", 31.13)),
        S("48", 88.68, ("appraisal", 60.00), ("survey", 28.68)),
        S("49", 85.00, ("appraisal", 55.00), ("survey", 30.00)),
    ];

    private static readonly UnitScore[] Small2022 = [S("22", 90.10), S("31", 88.00), S("01", 89.00), S("48", 87.54)];

    [Fact]
    public void Every_clause_the_data_supports_in_English()
    {
        Assert.Equal(
            "Da Nang ranked 4th of 5 in the PAR INDEX 2023 with 88.68 points, an increase of 1.14 points but the same place compared to 2022. " +
            "It was 3rd after Hai Phong and Hanoi among the 3 centrally governed cities and first among 2 provinces and cities in the North Central and Central Coastal region. " +
            "Its appraisal score ranked 2nd, only 0.30 points lower than the leading unit, Hanoi.",
            UnitNarrative.English(Input("PAR", 2023, Small2023, Small2022, "48")));
    }

    [Fact]
    public void Every_clause_the_data_supports_in_Vietnamese()
    {
        Assert.Equal(
            "Đà Nẵng xếp thứ 4/5 về Chỉ số CCHC năm 2023 với 88,68 điểm, tăng 1,14 điểm nhưng giữ nguyên thứ hạng so với năm 2022. " +
            "Đứng thứ 3 trong 3 thành phố trực thuộc Trung ương, sau Hải Phòng và Hà Nội; đứng đầu 2 tỉnh, thành phố khu vực Bắc Trung Bộ và duyên hải miền Trung. " +
            "Điểm thẩm định xếp thứ 2, chỉ thấp hơn 0,30 điểm so với đơn vị dẫn đầu là Hà Nội.",
            UnitNarrative.Vietnamese(Input("PAR", 2023, Small2023, Small2022, "48")));
    }

    [Fact]
    public void Points_and_places_moving_the_same_way_take_and_and_a_first_unit_leads_its_groups()
    {
        Assert.Equal(
            "Hai Phong ranked 2nd of 6 in the PAR INDEX 2023 with 91.87 points, an increase of 3.87 points and up 1 place compared to 2022. " +
            "It was first among the 3 centrally governed cities and 2nd among 4 provinces and cities in the Red River Delta. " +
            "Its sociological survey score ranked 1st, the best of all units.",
            UnitNarrative.English(Input("PAR", 2023, [.. Small2023, S("35", 91.00)], Small2022, "31")));
    }

    [Fact]
    public void A_fall_in_both_reads_as_a_decrease_and_down()
    {
        var text = UnitNarrative.English(Input("PAR", 2023, [S("01", 80.00), S("22", 90.00)], [S("01", 91.00), S("22", 85.00)], "01"));
        Assert.Equal("Hanoi ranked 2nd of 2 in the PAR INDEX 2023 with 80.00 points, a decrease of 11.00 points and down 1 place compared to 2022. " +
                     "It was first among the 1 centrally governed cities and 2nd among 2 provinces and cities in the Red River Delta.", text);
    }

    [Fact]
    public void Tied_units_are_joint_and_without_a_previous_score_the_text_says_the_data_has_none_not_a_first_year()
    {
        Assert.Equal("Quang Ninh ranked joint 1st (with Thai Binh) of 2 in the PAR INDEX 2023 with 90.00 points, with no 2022 result in the data to compare. " +
                     "It was first among 2 provinces and cities in the Red River Delta.",
            UnitNarrative.English(Input("PAR", 2023, [S("22", 90.00), S("34", 90.00)], [], "22")));
        Assert.StartsWith("Quảng Ninh xếp thứ 1/2 (đồng hạng) về Chỉ số CCHC năm 2023 với 90,00 điểm, chưa có kết quả năm 2022", UnitNarrative.Vietnamese(Input("PAR", 2023, [S("22", 90.00), S("34", 90.00)], [], "22")), StringComparison.Ordinal);
        Assert.Contains(", chưa có kết quả năm 2022 trong dữ liệu để so sánh.", UnitNarrative.Vietnamese(Input("PAR", 2023, [S("22", 90.00), S("34", 90.00)], [], "22")), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_index_s_own_first_year_is_called_a_first_year()
    {
        // PAR INDEX began with 2012 (Indices/Definitions/par.json, firstYear), SIPAS with 2017.
        Assert.Equal("Quang Ninh ranked 1st of 1 in the PAR INDEX 2012 with 90.00 points, the index's first year. " +
                     "It was first among 1 provinces and cities in the Red River Delta.",
            UnitNarrative.English(Input("PAR", 2012, [S("22", 90.00)], [], "22")));
        Assert.Contains(" với 90,00 điểm, năm đầu tiên của chỉ số.", UnitNarrative.Vietnamese(Input("SIPAS", 2017, [S("22", 90.00)], [], "22")), StringComparison.Ordinal);
        Assert.Contains(", chưa có kết quả năm 2017 trong dữ liệu để so sánh.", UnitNarrative.Vietnamese(Input("SIPAS", 2018, [S("22", 90.00)], [], "22")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_merged_unit_says_it_has_no_like_for_like_result_and_gives_its_predecessors()
    {
        var before = new[] { S("48", 88.00), S("49", 85.50), S("04", 80.00) };
        var after = Gazetteer.UnitsFor(UnitKind.Province, 2025).Where(u => u.Code is "48" or "04").Select(u => new UnitScore(u.Code, u.NameVi, u.Code == "48" ? 90 : 85)).ToList();
        var text = UnitNarrative.English(Input("PAR", 2025, after, before, "48"));
        Assert.StartsWith("Da Nang ranked 1st of 2 in the PAR INDEX 2025 with 90.00 points; formed on 1 July 2025 from Da Nang and Quang Nam, " +
                          "it has no like-for-like result for 2024 (Da Nang 1st of 3 with 88.00; Quang Nam 2nd of 3 with 85.50).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_press_paragraph_on_Da_Nang_2023_comes_out_of_the_sample_files()
    {
        var sipas = RankingEngine.Compute(Indices.Find("SIPAS")!, 2023, Samples.Scores(Samples.Sipas2023), Samples.Scores(Samples.Sipas2022), Gazetteer).Single(u => u.UnitCode == "48");
        var text = UnitNarrative.English(Input("PAR", 2023, Samples.Scores(Samples.Par2023), Samples.Scores(Samples.Par2022), "48", sipas));

        Assert.StartsWith("Da Nang ranked 12th of 63 in the PAR INDEX 2023 with 88.68 points, an increase of 1.14 points but down 7 places compared to 2022. " +
                          "It was 3rd after Hai Phong and Hanoi among the 5 centrally governed cities and first among 14 provinces and cities in the North Central and Central Coastal region.",
                          text, StringComparison.Ordinal);
        Assert.EndsWith(" In SIPAS 2023 it ranked 22nd, up 12 places.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_SIPAS_narrative_names_the_index_as_it_is_written()
    {
        Assert.Equal("Quang Ninh ranked 1st of 2 in SIPAS 2023 with 90.61 points, an increase of 3.02 points but the same place compared to 2022. " +
                     "It was first among 2 provinces and cities in the Red River Delta.",
            UnitNarrative.English(Input("SIPAS", 2023, [S("22", 90.61), S("30", 90.23)], [S("22", 87.59), S("30", 80.00)], "22")));
    }

    [Fact]
    public void The_summary_opens_with_the_leader_the_runners_up_the_average_and_who_rose()
    {
        var table = RankingEngine.Compute(Indices.Find("PAR")!, 2023, Small2023, Small2022, Gazetteer);
        string NameEn(string code) => Gazetteer.FindByCode(code)!.NameEn;
        Assert.Equal("Quang Ninh led the PAR INDEX 2023 with 92.18 points, ahead of Hai Phong (91.87) and Hanoi (91.43). " +
                     "The average of the 5 units was 89.83. 4 units scored higher than the year before and 0 lower.",
            SummaryNarrative.English(Indices.Find("PAR")!, 2023, table, NameEn));
        Assert.Equal("Quảng Ninh dẫn đầu Chỉ số CCHC năm 2023 với 92,18 điểm, tiếp theo là Hải Phòng (91,87) và Hà Nội (91,43). " +
                     "Điểm trung bình của 5 đơn vị là 89,83. Có 4 đơn vị tăng điểm và 0 đơn vị giảm điểm.",
            SummaryNarrative.Vietnamese(Indices.Find("PAR")!, 2023, table));

        var both = RankingEngine.Compute(Indices.Find("PAR")!, 2023, [S("22", 90.00), S("01", 80.00)], [S("22", 85.00), S("01", 91.00)], Gazetteer);
        Assert.Equal("Quang Ninh led the PAR INDEX 2023 with 90.00 points, ahead of Hanoi (80.00). " +
                     "The average of the 2 units was 85.00, down 3.00 from the year before. 1 unit scored higher than the year before and 1 lower.",
            SummaryNarrative.English(Indices.Find("PAR")!, 2023, both, NameEn));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    public void English_ordinals(int n, string expected) => Assert.Equal(expected, EnglishText.Ordinal(n));

    [Fact]
    public void Singular_and_plural()
    {
        Assert.Equal(("1 place", "7 places", "1.00 point", "1.14 points"), (EnglishText.Places(-1), EnglishText.Places(7), EnglishText.Points(1), EnglishText.Points(-1.14)));
    }
}
