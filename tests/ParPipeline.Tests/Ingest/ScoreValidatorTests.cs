using System.Globalization;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Tests.Ingest;

/// <summary>
/// The checks of a table as a whole, word for word: a unit of the year with no row, parts that do not add up to their
/// total (at the rounding tolerance and just past it, weighted or not), and a published rank the scores do not give.
/// The ministries' PAR INDEX is the example: appraisal + survey = total, two decimals, 17 ministries in 2023.
/// </summary>
public sealed class ScoreValidatorTests
{
    private readonly Gazetteer _gazetteer = Gazetteer.LoadEmbedded();
    private readonly IndexDefinition _index = IndexCatalog.LoadEmbedded().Find("PAR-MINISTRIES")!;

    private static readonly SheetLayout Layout = new(1, 2, 1,
        new Dictionary<string, int> { ["total"] = 2, ["appraisal"] = 3, ["survey"] = 4 },
        new Dictionary<string, int> { ["total"] = 5 });

    /// <summary>Every ministry of 2023 with appraisal 60 + survey 25 = 85 and its rank from the scores, but for the
    /// changes given; rows from 2.</summary>
    private List<UnitRecord> Ministries(int year = 2023) =>
        [.. _gazetteer.UnitsFor(UnitKind.Ministry, year).Select((u, i) => new UnitRecord(u, i + 2,
            new Dictionary<string, double> { ["total"] = 85 - i, ["appraisal"] = 60 - i, ["survey"] = 25 }, null))];

    private (IReadOnlyList<IngestProblem> Problems, IReadOnlyList<IngestProblem> Warnings) Validate(IEnumerable<UnitRecord> units, IndexDefinition? index = null) =>
        ScoreValidator.Validate(new ScoreTable(index ?? _index, new IndexYear("PAR-MINISTRIES", 2023), "Bộ", Layout, [.. units], []), _gazetteer);

    private static string[] Lines(IEnumerable<IngestProblem> problems) =>
        [.. problems.Select(p => $"{p.Code} {p.Sheet}!{p.Cell} [{p.Found}] {p.Message} | {p.MessageVi}")];

    [Fact]
    public void A_whole_table_that_adds_up_has_no_problem_and_no_warning()
    {
        var (problems, warnings) = Validate(Ministries());
        Assert.Equal(17, Ministries().Count);
        Assert.Empty(problems);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Each_unit_of_the_year_without_a_row_is_named_at_the_unit_column()
    {
        var units = Ministries();
        var (justice, finance) = (units.Single(u => u.Unit.Code == "MOJ"), units.Single(u => u.Unit.Code == "MOF"));
        var (problems, _) = Validate(units.Except([justice, finance]));
        Assert.Equal(
            [
                $"MISSING_UNIT Bộ!B [] {finance.Unit.NameVi} (MOF) has no row; every ministry of 2023 must appear once. | {finance.Unit.NameVi} (MOF) không có dòng nào; mọi bộ, cơ quan ngang bộ của năm 2023 phải có đúng một dòng.",
                $"MISSING_UNIT Bộ!B [] Bộ Tư pháp (MOJ) has no row; every ministry of 2023 must appear once. | Bộ Tư pháp (MOJ) không có dòng nào; mọi bộ, cơ quan ngang bộ của năm 2023 phải có đúng một dòng.",
            ],
            Lines(problems).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0.015, false)]
    [InlineData(-0.015, false)]
    [InlineData(0.0151, true)]
    [InlineData(-0.02, true)]
    public void Parts_may_differ_from_their_total_by_half_a_unit_of_the_last_decimal_for_each_value_and_no_more(double drift, bool rejected)
    {
        // Two parts and a total, each rounded to 0.01: 3 x 0.005 = 0.015.
        var units = Ministries();
        var moj = units.FindIndex(u => u.Unit.Code == "MOJ");
        units[moj] = units[moj] with { Values = new Dictionary<string, double> { ["total"] = 85.68 + drift, ["appraisal"] = 60.5, ["survey"] = 25.18 } };
        var (problems, _) = Validate(units);
        var (row, total) = (units[moj].Row, (85.68 + drift).ToString("0.00", CultureInfo.InvariantCulture));
        Assert.Equal(
            rejected
                ? [$"COMPONENTS_DO_NOT_SUM Bộ!C{row} [{total}] Bộ Tư pháp: appraisal score 60.50 + sociological survey score 25.18 = 85.68, but the PAR INDEX is {total}. | Bộ Tư pháp: điểm thẩm định 60.50 + điểm điều tra xã hội học 25.18 = 85.68, nhưng Chỉ số CCHC là {total}."]
                : [],
            Lines(problems));
    }

    [Fact]
    public void A_weighted_sum_names_each_weight_and_its_tolerance_grows_with_the_weights()
    {
        // 2 x appraisal + 0.5 x survey: tolerance 0.005 x (2 + 0.5 + 1) = 0.0175.
        var index = _index with { Sums = [new SumRule("total", ["appraisal", "survey"], [2, 0.5])] };
        var units = Ministries().Select(u => u with { Values = new Dictionary<string, double> { ["total"] = 70, ["appraisal"] = 30, ["survey"] = 20 } }).ToList();
        units[0] = units[0] with { Values = new Dictionary<string, double> { ["total"] = 70.0175, ["appraisal"] = 30, ["survey"] = 20 } };
        units[1] = units[1] with { Values = new Dictionary<string, double> { ["total"] = 70.02, ["appraisal"] = 30, ["survey"] = 20 } };
        var (problems, _) = Validate(units, index);
        Assert.Equal(
            [$"COMPONENTS_DO_NOT_SUM Bộ!C3 [70.02] {units[1].Unit.NameVi}: 2.00 × appraisal score 30.00 + 0.50 × sociological survey score 20.00 = 70.00, but the PAR INDEX is 70.02. | {units[1].Unit.NameVi}: 2.00 × điểm thẩm định 30.00 + 0.50 × điểm điều tra xã hội học 20.00 = 70.00, nhưng Chỉ số CCHC là 70.02."],
            Lines(problems));
    }

    [Fact]
    public void A_sum_is_checked_only_where_the_file_has_every_column_and_the_row_every_value()
    {
        var units = Ministries();
        units[0] = units[0] with { Values = new Dictionary<string, double> { ["total"] = 99, ["appraisal"] = 60 } };
        units[1] = units[1] with { Values = new Dictionary<string, double> { ["appraisal"] = 60, ["survey"] = 25, ["total"] = 99 } };
        units[2] = units[2] with { Sheet = "Bộ (2)", Values = new Dictionary<string, double> { ["appraisal"] = 60, ["survey"] = 25, ["total"] = 98 } };
        // Row 2 lacks its survey: not checked. Rows 3 and 4 are, each at its own sheet.
        Assert.Equal(["Bộ!C3", "Bộ (2)!C4"], Validate(units).Problems.Select(p => $"{p.Sheet}!{p.Cell}"));
        // A file without the survey column: no sum is checked at all.
        var without = ScoreValidator.Validate(new ScoreTable(_index, new IndexYear("PAR-MINISTRIES", 2023), "Bộ",
            Layout with { FieldColumns = new Dictionary<string, int> { ["total"] = 2, ["appraisal"] = 3 } }, units, []), _gazetteer);
        Assert.Empty(without.Problems);
    }

    [Fact]
    public void A_published_rank_the_scores_do_not_give_is_one_warning_naming_every_such_row()
    {
        var units = Ministries().Select((u, i) => u with { PublishedRank = i + 1 }).ToList();
        Assert.Empty(Validate(units).Warnings);
        units[3] = units[3] with { PublishedRank = 5 };
        units[4] = units[4] with { PublishedRank = 4 };
        units[6] = units[6] with { PublishedRank = null };
        var (problems, warnings) = Validate(units);
        Assert.Empty(problems);
        Assert.Equal(
            [$"RANK_MISMATCH Bộ!F [] The published rank differs from the rank the scores give for 2 unit(s): {units[3].Unit.NameVi} row 5: published 5, scores give 4; {units[4].Unit.NameVi} row 6: published 4, scores give 5. | Thứ hạng công bố khác thứ hạng tính từ điểm ở 2 đơn vị: {units[3].Unit.NameVi} dòng 5: công bố 5, theo điểm 4; {units[4].Unit.NameVi} dòng 6: công bố 4, theo điểm 5."],
            Lines(warnings));
    }

    [Fact]
    public void Scores_equal_at_the_published_decimals_share_a_rank()
    {
        var units = Ministries().Select((u, i) => u with { PublishedRank = i + 1 }).ToList();
        // 84.004 and 84 are both 84.00: the second and third share place 2, so the third's published 3 is a mismatch.
        units[1] = units[1] with { Values = new Dictionary<string, double> { ["total"] = 84.004, ["appraisal"] = 59.004, ["survey"] = 25 } };
        units[2] = units[2] with { Values = new Dictionary<string, double> { ["total"] = 84, ["appraisal"] = 59, ["survey"] = 25 } };
        var warning = Assert.Single(Validate(units).Warnings);
        Assert.Equal($"The published rank differs from the rank the scores give for 1 unit(s): {units[2].Unit.NameVi} row 4: published 3, scores give 2.", warning.Message);
    }
}
