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

    // Each clause of a unit's narrative in both languages, case by case (they were found by mutation testing): movement
    // (no change, the same place, points and places that disagree), a merged unit, a city group with many ahead, a
    // standout field a point behind or tied with the leader, and the SIPAS sentence up, down and unchanged.
    private static (string En, string Vi) Both(NarrativeInput input) => (UnitNarrative.English(input), UnitNarrative.Vietnamese(input));

    [Fact]
    public void Points_that_did_not_move_and_points_and_places_that_disagree()
    {
        // Hà Nội 90 both years, overtaken by Quảng Ninh (80 to 91).
        Assert.Equal(("Hanoi ranked 2nd of 2 in the PAR INDEX 2023 with 90.00 points, no change in points but down 1 place compared to 2022. " +
                      "It was first among the 1 centrally governed cities and 2nd among 2 provinces and cities in the Red River Delta.",
                      "Hà Nội xếp thứ 2/2 về Chỉ số CCHC năm 2023 với 90,00 điểm, giữ nguyên số điểm nhưng giảm 1 bậc so với năm 2022. " +
                      "Đứng đầu 1 thành phố trực thuộc Trung ương; đứng thứ 2 trong 2 tỉnh, thành phố khu vực Đồng bằng sông Hồng."),
            Both(Input("PAR", 2023, [S("01", 90), S("22", 91)], [S("01", 90), S("22", 80)], "01")));
        // Hà Nội 90 to 85 but 2nd to 1st, as Quảng Ninh fell from 95 to 80.
        Assert.Equal(("Hanoi ranked 1st of 2 in the PAR INDEX 2023 with 85.00 points, a decrease of 5.00 points but up 1 place compared to 2022. " +
                      "It was first among the 1 centrally governed cities and first among 2 provinces and cities in the Red River Delta.",
                      "Hà Nội xếp thứ 1/2 về Chỉ số CCHC năm 2023 với 85,00 điểm, giảm 5,00 điểm nhưng tăng 1 bậc so với năm 2022. " +
                      "Đứng đầu 1 thành phố trực thuộc Trung ương; đứng đầu 2 tỉnh, thành phố khu vực Đồng bằng sông Hồng."),
            Both(Input("PAR", 2023, [S("01", 85), S("22", 80)], [S("01", 90), S("22", 95)], "01")));
        // Nothing moved: "and", both unchanged.
        Assert.Equal(("Hanoi ranked 1st of 2 in the PAR INDEX 2023 with 85.00 points, no change in points and the same place compared to 2022. " +
                      "It was first among the 1 centrally governed cities and first among 2 provinces and cities in the Red River Delta.",
                      "Hà Nội xếp thứ 1/2 về Chỉ số CCHC năm 2023 với 85,00 điểm, giữ nguyên số điểm và giữ nguyên thứ hạng so với năm 2022. " +
                      "Đứng đầu 1 thành phố trực thuộc Trung ương; đứng đầu 2 tỉnh, thành phố khu vực Đồng bằng sông Hồng."),
            Both(Input("PAR", 2023, [S("01", 85), S("22", 80)], [S("01", 85), S("22", 80)], "01")));
    }

    [Fact]
    public void A_merged_unit_names_its_predecessors_with_their_results_in_both_languages()
    {
        var before = new[] { S("48", 88.00), S("49", 85.50), S("04", 80.00) };
        var after = Gazetteer.UnitsFor(UnitKind.Province, 2025).Where(u => u.Code is "48" or "04").Select(u => new UnitScore(u.Code, u.NameVi, u.Code == "48" ? 90 : 85)).ToList();
        Assert.Equal(("Da Nang ranked 1st of 2 in the PAR INDEX 2025 with 90.00 points; formed on 1 July 2025 from Da Nang and Quang Nam, it has no like-for-like result for 2024 " +
                      "(Da Nang 1st of 3 with 88.00; Quang Nam 2nd of 3 with 85.50). It was first among the 1 centrally governed cities and first among 1 provinces and cities in the North Central and Central Coastal region.",
                      "Đà Nẵng xếp thứ 1/2 về Chỉ số CCHC năm 2025 với 90,00 điểm; được hình thành ngày 01/7/2025 từ Đà Nẵng và Quảng Nam, nên không so sánh tương đương với năm 2024 " +
                      "(Đà Nẵng xếp thứ 1/3 với 88,00 điểm; Quảng Nam xếp thứ 2/3 với 85,50 điểm). Đứng đầu 1 thành phố trực thuộc Trung ương; đứng đầu 1 tỉnh, thành phố khu vực Bắc Trung Bộ và duyên hải miền Trung."),
            Both(Input("PAR", 2025, after, before, "48")));
    }

    [Fact]
    public void More_than_three_cities_ahead_are_not_listed_and_three_are_listed_with_a_last_and()
    {
        // Hồ Chí Minh (79) 5th of the 5 cities: four ahead, too many to name.
        Assert.Equal(("Ho Chi Minh City ranked 5th of 5 in the PAR INDEX 2023 with 91.00 points, with no 2022 result in the data to compare. " +
                      "It was 5th among the 5 centrally governed cities and first among 1 provinces and cities in the Southeast.",
                      "Hồ Chí Minh xếp thứ 5/5 về Chỉ số CCHC năm 2023 với 91,00 điểm, chưa có kết quả năm 2022 trong dữ liệu để so sánh. " +
                      "Đứng thứ 5 trong 5 thành phố trực thuộc Trung ương; đứng đầu 1 tỉnh, thành phố khu vực Đông Nam Bộ."),
            Both(Input("PAR", 2023, [S("01", 95), S("31", 94), S("48", 93), S("92", 92), S("79", 91)], null, "79")));
        // Cần Thơ (92) 4th: three ahead, named.
        var (en, vi) = Both(Input("PAR", 2023, [S("01", 95), S("31", 94), S("48", 93), S("92", 92), S("79", 91)], null, "92"));
        Assert.Contains("It was 4th after Hanoi, Hai Phong and Da Nang among the 5 centrally governed cities", en, StringComparison.Ordinal);
        Assert.Contains("Đứng thứ 4 trong 5 thành phố trực thuộc Trung ương, sau Hà Nội, Hải Phòng và Đà Nẵng;", vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_standout_field_one_point_behind_or_level_with_the_leader()
    {
        Assert.Equal((" Its appraisal score ranked 2nd, only 1.00 point lower than the leading unit, Hanoi.", " Điểm thẩm định xếp thứ 2, chỉ thấp hơn 1,00 điểm so với đơn vị dẫn đầu là Hà Nội."),
            Tail(Both(Input("PAR", 2023, [S("01", 95, ("appraisal", 60)), S("22", 90, ("appraisal", 59))], null, "22"))));
        // Tied first, Hà Nội comes first by code and is the leader: Quảng Ninh is level with it, not 0.00 points lower.
        Assert.Equal((" Its appraisal score ranked 1st, level with Hanoi.", " Điểm thẩm định xếp thứ 1, ngang với Hà Nội."),
            Tail(Both(Input("PAR", 2023, [S("01", 95, ("appraisal", 60)), S("22", 90, ("appraisal", 60))], null, "22"))));
        Assert.Equal((" Its appraisal score ranked 1st, the best of all units.", " Điểm thẩm định xếp thứ 1, cao nhất trong các đơn vị."),
            Tail(Both(Input("PAR", 2023, [S("01", 95, ("appraisal", 60)), S("22", 90, ("appraisal", 60))], null, "01"))));
    }

    [Fact]
    public void The_SIPAS_sentence_goes_up_down_stays_or_has_no_year_before()
    {
        var moved = RankingEngine.Compute(Indices.Find("SIPAS")!, 2023, [S("01", 80), S("22", 85)], [S("01", 90), S("22", 70)], Gazetteer);
        var same = RankingEngine.Compute(Indices.Find("SIPAS")!, 2023, [S("01", 80), S("22", 85)], [S("01", 70), S("22", 75)], Gazetteer);
        var first = RankingEngine.Compute(Indices.Find("SIPAS")!, 2023, [S("01", 80), S("22", 85)], null, Gazetteer);
        (string, string) Sipas(string code, IReadOnlyList<UnitRanking> sipas) =>
            Tail(Both(Input("PAR", 2023, [S("01", 95), S("22", 90)], null, code, sipas.Single(u => u.UnitCode == code))));
        Assert.Equal((" In SIPAS 2023 it ranked 1st, up 1 place.", " Chỉ số SIPAS năm 2023 xếp thứ 1, tăng 1 bậc."), Sipas("22", moved));
        Assert.Equal((" In SIPAS 2023 it ranked 2nd, down 1 place.", " Chỉ số SIPAS năm 2023 xếp thứ 2, giảm 1 bậc."), Sipas("01", moved));
        Assert.Equal((" In SIPAS 2023 it ranked 1st, the same place as the year before.", " Chỉ số SIPAS năm 2023 xếp thứ 1, giữ nguyên thứ hạng."), Sipas("22", same));
        Assert.Equal((" In SIPAS 2023 it ranked 1st.", " Chỉ số SIPAS năm 2023 xếp thứ 1."), Sipas("22", first));
    }

    [Fact]
    public void A_merged_unit_with_one_or_none_of_its_predecessors_in_the_year_before()
    {
        var after = Gazetteer.UnitsFor(UnitKind.Province, 2025).Where(u => u.Code is "48" or "04").Select(u => new UnitScore(u.Code, u.NameVi, u.Code == "48" ? 90 : 85)).ToList();
        // Only Đà Nẵng of its two predecessors was ranked in 2024: it alone is named, with no "and".
        var (en, vi) = Both(Input("PAR", 2025, after, [S("48", 88.00), S("04", 80.00)], "48"));
        Assert.StartsWith("Da Nang ranked 1st of 2 in the PAR INDEX 2025 with 90.00 points; formed on 1 July 2025 from Da Nang, it has no like-for-like result for 2024 (Da Nang 1st of 2 with 88.00).", en, StringComparison.Ordinal);
        Assert.StartsWith("Đà Nẵng xếp thứ 1/2 về Chỉ số CCHC năm 2025 với 90,00 điểm; được hình thành ngày 01/7/2025 từ Đà Nẵng, nên không so sánh tương đương với năm 2024 (Đà Nẵng xếp thứ 1/2 với 88,00 điểm).", vi, StringComparison.Ordinal);
        // Neither was: nothing to name, and no empty list or brackets.
        (en, vi) = Both(Input("PAR", 2025, after, [S("04", 80.00)], "48"));
        Assert.StartsWith("Da Nang ranked 1st of 2 in the PAR INDEX 2025 with 90.00 points; formed on 1 July 2025, it has no like-for-like result for 2024. ", en, StringComparison.Ordinal);
        Assert.StartsWith("Đà Nẵng xếp thứ 1/2 về Chỉ số CCHC năm 2025 với 90,00 điểm; được hình thành ngày 01/7/2025, nên không so sánh tương đương với năm 2024. ", vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ministry_has_no_region_or_city_group_sentence_and_a_fifth_place_field_stands_out()
    {
        var ministries = Indices.Find("PAR-MINISTRIES")!;
        var units = Gazetteer.UnitsFor(UnitKind.Ministry, 2023).Take(6).Select((u, i) => new UnitScore(u.Code, u.NameVi, 90 - i,
            new Dictionary<string, double> { ["total"] = 90 - i, ["appraisal"] = 60 - i })).ToList();
        var table = RankingEngine.Compute(ministries, 2023, units, null, Gazetteer);
        NarrativeInput Of(int i) => new(ministries, 2023, table.Single(u => u.UnitCode == units[i].UnitCode), table,
            c => Gazetteer.Units.First(u => u.Code == c).NameEn, r => r);
        var fifth = UnitNarrative.English(Of(4));
        Assert.DoesNotContain(" It was ", fifth, StringComparison.Ordinal);
        Assert.Contains("ranked 5th, only 4.00 points lower than the leading unit", fifth, StringComparison.Ordinal);
        Assert.DoesNotContain("Đứng", UnitNarrative.Vietnamese(Of(4)), StringComparison.Ordinal);
        // Sixth is not a standout.
        Assert.DoesNotContain("ranked 6th,", UnitNarrative.English(Of(5)), StringComparison.Ordinal);
        Assert.Equal("88.68", SummaryCsv.Cell(88.675));
    }

    /// <summary>The last sentence of each text, with the space before it.</summary>
    private static (string, string) Tail((string En, string Vi) texts)
    {
        static string Last(string text) => text[text.LastIndexOf(". ", text.Length - 2, StringComparison.Ordinal)..][1..];
        return (Last(texts.En), Last(texts.Vi));
    }
}
