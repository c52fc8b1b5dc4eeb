using ParPipeline.Criteria;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;

namespace ParPipeline.Tests.Criteria;

/// <summary>
/// The plain parts of the criteria drill-down, without storage: the ranked table, where points were lost, the
/// narrative's sentence and the check that criteria add up to their component. Fast, so mutation testing runs them.
/// </summary>
public sealed class CriteriaPartsTests
{
    private static readonly IndexDefinition Dti = IndexDefinitionReader.Read("dti.json", System.Text.Encoding.UTF8.GetBytes(Definitions.IndexDefinitionFileTests.Dti().ToJsonString()));
    private static readonly IndexDefinition Par = IndexCatalog.LoadEmbedded().Find("PAR")!;
    private static readonly IndexYear Year = new("DTI", 2023);

    private static CriterionScore Row(string unit, string criterion, double score) => new(Year, unit, criterion, score, 0);

    [Fact]
    public void The_table_ranks_each_criterion_by_competition_at_the_index_precision_in_natural_order()
    {
        var table = CriteriaTable.Build(Dti, Year, "v1", [
            Row("02", "G1", 150.004), Row("01", "G1", 150), Row("03", "G1", 120),
            Row("01", "S2", 90), Row("02", "S2", 100), Row("03", "G10", 5), Row("03", "G2", 7)]);

        Assert.Equal(["G1", "G2", "G10", "S2"], table.Criteria);
        Assert.Equal((7L, "v1", 3), (table.Rows, table.Version, table.Units.Count));
        // 150.004 and 150 are both 150.00 at two decimals: joint first, then third.
        Assert.Equal([("01", 1), ("02", 1), ("03", 3)], table.Ranked("G1")!.Select(r => (r.UnitCode, r.Place.Rank)));
        Assert.Null(table.Ranked("G3"));
        var three = table.Of("03");
        Assert.Equal(["G1", "G2", "G10"], three.Select(c => c.Criterion));
        Assert.Equal(new CriterionPlace("G1", "government", 120, 200, 3, 3, 150), three[0]);
        Assert.Equal((30.0, 80.0), (three[0].GapToLeader, three[0].BelowMaximum!.Value));
        // G10 is not a criterion of the definition: no component, no maximum.
        Assert.Equal(new CriterionPlace("G10", null, 5, null, 1, 1, 5), three[2]);
        Assert.Null(three[2].BelowMaximum);
        Assert.Empty(table.Of("04"));
    }

    [Fact]
    public void Lower_is_better_ranks_the_lowest_first_and_counts_its_gap_as_a_positive_number()
    {
        var lowerIsBetter = Dti with { HigherIsBetter = false };
        var table = CriteriaTable.Build(lowerIsBetter, Year, "v", [Row("01", "G1", 3), Row("02", "G1", 1), Row("03", "G1", 2)]);
        Assert.Equal([("02", 1), ("03", 2), ("01", 3)], table.Ranked("G1")!.Select(r => (r.UnitCode, r.Place.Rank)));
        Assert.Equal(2.0, table.Of("01")[0].GapToLeader);
        var before = CriteriaTable.Build(lowerIsBetter, Year, "v", [Row("01", "G1", 1)]).Of("01");
        // From 1 to 3 where lower is better: 2 points lost.
        Assert.Equal([new CriterionPoints("G1", "government", 2)], PointsLost.Of(table.Of("01"), before, higherIsBetter: false).SinceLastYear);
        Assert.Equal([new CriterionPoints("G1", "government", -2)], PointsLost.Changes(table.Of("01"), before, higherIsBetter: false));
    }

    [Fact]
    public void Points_lost_are_listed_largest_first_each_with_its_component_and_ties_in_natural_order()
    {
        var now = new List<CriterionPlace>
        {
            new("G1", "government", 150, 200, 2, 3, 180), new("G2", "government", 190, 200, 1, 3, 190),
            new("S1", "society", 100, 150, 3, 3, 130), new("S10", null, 4, null, 2, 3, 6),
        };
        var before = new List<CriterionPlace>
        {
            new("G1", "government", 170, 200, 1, 3, 170), new("G2", "government", 180, 200, 2, 3, 185), new("S1", "society", 100, 150, 1, 3, 100),
        };

        var lost = PointsLost.Of(now, before, higherIsBetter: true);

        // 50 below the maximum on G1 and on S1 (G1 first in natural order), 10 on G2; S10 has no maximum.
        Assert.Equal([new CriterionPoints("G1", "government", 50), new CriterionPoints("S1", "society", 50), new CriterionPoints("G2", "government", 10)], lost.BelowMaximum);
        Assert.Equal(["G1", "S1", "G2"], lost.BelowMaximum.Select(p => p.Criterion));
        Assert.Equal([new CriterionPoints("G1", "government", 30), new CriterionPoints("S1", "society", 30), new CriterionPoints("S10", null, 2)], lost.BelowLeader);
        Assert.Equal([new CriterionPoints("G1", "government", 20)], lost.SinceLastYear);
        Assert.Equal([new CriterionPoints("G2", "government", 10)], lost.GainedSinceLastYear);
        Assert.Empty(PointsLost.Of(now, null, higherIsBetter: true).SinceLastYear);
        Assert.Empty(PointsLost.Changes(now, null, higherIsBetter: true));
    }

    [Theory]
    // Up 1.14: 1.1's +2.00 alone is more than half.
    [InlineData(1.14, "1.1:2;1.2:-1;1.10:1", "Of the 1.14 points gained, most came from 1.1 (+2.00), while 1.2 (−1.00) lost the most.",
        "Trong 1,14 điểm tăng thêm, phần lớn đến từ 1.1 (+2,00), trong khi 1.2 (−1,00) giảm nhiều nhất.")]
    // Up 3.50: 1.1 (1.00) and 1.2 (0.60) are not more than half, 1.3 (0.40) makes 2.00: three named.
    [InlineData(3.5, "1.1:1;1.2:0.6;1.3:0.4;1.4:0.3", "Of the 3.50 points gained, most came from 1.1 (+1.00), 1.2 (+0.60) and 1.3 (+0.40).",
        "Trong 3,50 điểm tăng thêm, phần lớn đến từ 1.1 (+1,00), 1.2 (+0,60) và 1.3 (+0,40).")]
    // Up 5.00 and three criteria make only 1.50 of it: not "most".
    [InlineData(5, "1.1:0.5;1.2:0.5;1.3:0.5;1.4:0.5", "Of the 5.00 points gained, the largest gains were in 1.1 (+0.50), 1.2 (+0.50) and 1.3 (+0.50).",
        "Trong 5,00 điểm tăng thêm, tăng nhiều nhất ở 1.1 (+0,50), 1.2 (+0,50) và 1.3 (+0,50).")]
    // Down 0.80.
    [InlineData(-0.8, "2.1:-0.5;2.2:0.2;2.3:-0.1", "Of the 0.80 points lost, most went in 2.1 (−0.50), while 2.2 (+0.20) gained the most.",
        "Trong 0,80 điểm bị giảm, phần lớn ở 2.1 (−0,50), trong khi 2.2 (+0,20) tăng nhiều nhất.")]
    // Exactly half is not "most": 1.1 alone is 1.00 of 2.00, so 1.2 is named too.
    [InlineData(2, "1.1:1;1.2:1", "Of the 2.00 points gained, most came from 1.1 (+1.00) and 1.2 (+1.00).",
        "Trong 2,00 điểm tăng thêm, phần lớn đến từ 1.1 (+1,00) và 1.2 (+1,00).")]
    // Three criteria make exactly half of 6.00: not "most".
    [InlineData(6, "1.1:1;1.2:1;1.3:1;1.4:1", "Of the 6.00 points gained, the largest gains were in 1.1 (+1.00), 1.2 (+1.00) and 1.3 (+1.00).",
        "Trong 6,00 điểm tăng thêm, tăng nhiều nhất ở 1.1 (+1,00), 1.2 (+1,00) và 1.3 (+1,00).")]
    // Down 5.00, three criteria make 1.50 of it.
    [InlineData(-5, "2.1:-0.5;2.2:-0.5;2.3:-0.5;2.4:-0.5", "Of the 5.00 points lost, the largest losses were in 2.1 (−0.50), 2.2 (−0.50) and 2.3 (−0.50).",
        "Trong 5,00 điểm bị giảm, giảm nhiều nhất ở 2.1 (−0,50), 2.2 (−0,50) và 2.3 (−0,50).")]
    // A criterion that did not move is on neither side.
    [InlineData(1, "1.1:2;1.2:0", "Of the 1.00 points gained, most came from 1.1 (+2.00).", "Trong 1,00 điểm tăng thêm, phần lớn đến từ 1.1 (+2,00).")]
    [InlineData(5, "1.1:1;1.2:0", "Of the 5.00 points gained, the largest gains were in 1.1 (+1.00).", "Trong 5,00 điểm tăng thêm, tăng nhiều nhất ở 1.1 (+1,00).")]
    [InlineData(-3, "2.1:-1;2.2:0", "Of the 3.00 points lost, the largest losses were in 2.1 (−1.00).", "Trong 3,00 điểm bị giảm, giảm nhiều nhất ở 2.1 (−1,00).")]
    // What went the other way: the largest, and of equal ones the first in natural order (1.2 before 1.10).
    [InlineData(1, "1.1:2;1.3:-0.5;1.10:-1;1.2:-1", "Of the 1.00 points gained, most came from 1.1 (+2.00), while 1.2 (−1.00) lost the most.",
        "Trong 1,00 điểm tăng thêm, phần lớn đến từ 1.1 (+2,00), trong khi 1.2 (−1,00) giảm nhiều nhất.")]
    public void The_narrative_says_where_the_points_came_from(double change, string criteria, string english, string vietnamese)
    {
        var changes = criteria.Split(';').Select(c => c.Split(':')).Select(c => new CriterionPoints(c[0], null, double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(english, CriteriaSentence.English(Par, change, changes));
        Assert.Equal(vietnamese, CriteriaSentence.Vietnamese(Par, change, changes));
    }

    [Fact]
    public void The_sentence_names_a_criterions_component_and_is_left_out_when_there_is_nothing_to_say()
    {
        List<CriterionPoints> changes = [new("G1", "government", 12), new("S2", "society", -3)];
        Assert.Equal("Of the 10.00 points gained, most came from G1 (+12.00, digital government), while S2 (−3.00, digital society) lost the most.",
            CriteriaSentence.English(Dti, 10, changes));
        Assert.Equal("Trong 10,00 điểm tăng thêm, phần lớn đến từ G1 (+12,00, chính quyền số), trong khi S2 (−3,00, xã hội số) giảm nhiều nhất.",
            CriteriaSentence.Vietnamese(Dti, 10, changes));
        Assert.Null(CriteriaSentence.English(Dti, 0, changes));
        Assert.Null(CriteriaSentence.English(Dti, 1, null));
        Assert.Null(CriteriaSentence.English(Dti, 1, []));
        // Up, but no criterion rose: nothing to attribute the gain to.
        Assert.Null(CriteriaSentence.English(Dti, 1, [new("G1", "government", -1)]));
    }

    [Fact]
    public void Criteria_are_held_to_their_component_within_the_rounding_of_each_criterion_and_of_the_component()
    {
        // Two criteria in government: half a hundredth each and for the component, 0.015 in all.
        List<UnitScore> table =
        [
            new("01", "Hà Nội", 900, new Dictionary<string, double> { ["government"] = 300 }),
            new("02", "Hà Giang", 900, new Dictionary<string, double> { ["government"] = 300 }),
            new("04", "Cao Bằng", 900, new Dictionary<string, double> { ["government"] = 300 }),
            new("06", "Bắc Kạn", 900, new Dictionary<string, double> { ["economy"] = 250 }),
        ];
        List<ComponentSum> sums =
        [
            new(Year, "01", "government", 300.01, 2, 2),
            new(Year, "02", "government", 300.02, 2, 4),
            new(Year, "04", "government", 301, 1, 6),
            new(Year, "06", "government", 280, 2, 8),
            new(Year, "99", "government", 1, 2, 10),
        ];

        var warnings = CriteriaSums.Check(Dti, sums, table, "Sheet1", "D");

        // 01 is within rounding; 04 lists one of two criteria (cannot be held); 06 has no government score; 99 no row.
        var warning = Assert.Single(warnings);
        Assert.Equal(("Sheet1", 4, "D", ProblemCodes.CriteriaDoNotSum, "300.02"), (warning.Sheet, warning.Row, warning.Column, warning.Code, warning.Found));
        // Off by the rounding allowed exactly (0.015) is no warning; warnings come in the annex's row order.
        List<UnitScore> more = [.. table, new("08", "Tuyên Quang", 900, new Dictionary<string, double> { ["government"] = 300 }),
            new("10", "Lào Cai", 900, new Dictionary<string, double> { ["government"] = 300 })];
        var rows = CriteriaSums.Check(Dti, [.. sums, new(Year, "10", "government", 300.015, 2, 1), new(Year, "08", "government", 290, 2, 3)], more, "Sheet1", "D");
        Assert.Equal([(3, "Tuyên Quang"), (4, "Hà Giang")], rows.Select(w => (w.Row!.Value, more.Single(u => w.Message.Contains($" of {u.UnitName} ", StringComparison.Ordinal)).UnitName)));
        Assert.Equal("The 2 criteria of Hà Giang in 'Digital government' add up to 300.02, but the DTI 2023 table gives 300.00 (off by 0.02, more than the rounding allows, 0.015).", warning.Message);
        Assert.Equal("2 tiêu chí của Hà Giang thuộc lĩnh vực 'Chính quyền số' cộng lại được 300.02, nhưng bảng Chỉ số DTI năm 2023 ghi 300.00 (lệch 0.02, quá sai số làm tròn 0.015).", warning.MessageVi);
        Assert.Empty(CriteriaSums.Check(Par, sums, table, "Sheet1", "D"));
        Assert.Empty(CriteriaSums.Check(Dti, [], table, "Sheet1", "D"));
    }

    [Fact]
    public void A_criterion_is_found_by_id_in_any_case_and_spacing_or_by_either_name_but_never_by_a_bare_fold()
    {
        Assert.Equal("G1", Dti.FindCriterion(" g1 ")!.Id);
        Assert.Equal("G1", Dti.FindCriterion("online public SERVICES")!.Id);
        Assert.Equal("S2", Dti.FindCriterion("Ky nang so")!.Id);
        Assert.Null(Dti.FindCriterion("G3"));
        Assert.Null(Par.FindCriterion("1.1"));
        var numbered = Dti with { Criteria = [new("1.1", "government", 10), new("11", "economy", 10)] };
        Assert.Equal(("1.1", "11"), (numbered.FindCriterion("1.1")!.Id, numbered.FindCriterion("11")!.Id));
        Assert.Null(numbered.FindCriterion("1.11"));
        // Its own maximum, else its component's, else the total's.
        Assert.Equal((200.0, 400.0, 1000.0), (Dti.MaximumOfCriterion(Dti.Criterion("G1")), Dti.MaximumOfCriterion(new CriterionDefinition("X", "government", null)),
            Dti.MaximumOfCriterion(null)));
    }

    [Fact]
    public void Only_a_province_merged_in_2025_breaks_the_comparison_with_the_year_before()
    {
        var gazetteer = ParPipeline.Units.Gazetteer.LoadEmbedded();
        Assert.False(CriteriaComparison.WithYearBefore(Par, 2025, gazetteer.Find(ParPipeline.Units.UnitKind.Province, 2025, "48")));
        Assert.True(CriteriaComparison.WithYearBefore(Par, 2025, gazetteer.Find(ParPipeline.Units.UnitKind.Province, 2025, "01")));
        Assert.True(CriteriaComparison.WithYearBefore(Par, 2026, gazetteer.Find(ParPipeline.Units.UnitKind.Province, 2025, "48")));
        Assert.True(CriteriaComparison.WithYearBefore(Par, 2024, gazetteer.Find(ParPipeline.Units.UnitKind.Province, 2024, "48")));
        // A ministry index compares year on year whatever the unit (the reorganisation merged provinces only).
        var ministries = IndexCatalog.LoadEmbedded().Find("PAR-MINISTRIES")!;
        Assert.True(CriteriaComparison.WithYearBefore(ministries, 2025, gazetteer.Find(ParPipeline.Units.UnitKind.Province, 2025, "48")));
    }
}
