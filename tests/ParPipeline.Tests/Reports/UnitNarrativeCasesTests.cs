using ParPipeline.Indices;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Units;

namespace ParPipeline.Tests.Reports;

/// <summary>
/// Each clause of a unit's narrative in both languages, case by case: movement (no change, the same place, points and
/// places that disagree), a merged unit, a city group with many ahead, a standout field a point behind or tied with
/// the leader, and the SIPAS sentence up, down and unchanged. Figures worked out by hand in each comment.
/// </summary>
public sealed class UnitNarrativeCasesTests
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly Gazetteer Gazetteer = ProvinceTable.Gazetteer;

    private static UnitScore S(string code, double total, params (string Key, double Value)[] fields) =>
        new(code, Gazetteer.FindByCode(code)?.NameVi ?? code, total, fields.Append(("total", total)).ToDictionary(f => f.Item1, f => f.Item2));

    private static NarrativeInput Input(string index, int year, IReadOnlyList<UnitScore> current, IReadOnlyList<UnitScore>? previous, string code, UnitRanking? sipas = null)
    {
        var table = RankingEngine.Compute(Indices.Find(index)!, year, current, previous, Gazetteer);
        return new NarrativeInput(Indices.Find(index)!, year, table.Single(u => u.UnitCode == code), table,
            c => (Gazetteer.Find(UnitKind.Province, year, c) ?? Gazetteer.Find(UnitKind.Province, year - 1, c))!.NameEn,
            r => Gazetteer.Regions.Single(g => g.NameVi == r).NameEn, sipas, sipas is null ? null : year);
    }

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
