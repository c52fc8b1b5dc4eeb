using ParPipeline.Indices;
using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

/// <summary>
/// Where the header search puts a table, layout by layout, on rows written here: one header row, two and three
/// merged rows (with and without the merge data LibreOffice's CSV export loses), group headers over components'
/// names, and the long format of criterion annexes. Each layout is compared whole: rows, unit column, every field
/// and rank column.
/// </summary>
public sealed class HeaderLocatorTests
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly IndexDefinition Par = Indices.Find("PAR")!;
    private static readonly IndexDefinition Sipas = Indices.Find("SIPAS")!;

    private static object?[][] Rows(params object?[][] rows) => rows;

    private static string Text(SheetLayout? layout) => layout is null ? "none" :
        $"header {layout.HeaderRow}, data {layout.FirstDataRow}, unit {layout.UnitColumn}; fields {Columns(layout.FieldColumns)}; ranks {Columns(layout.RankColumns)}";

    private static string Columns(IReadOnlyDictionary<string, int> columns) =>
        string.Join(" ", columns.OrderBy(c => c.Value).Select(c => $"{c.Key}:{c.Value}"));

    private static string Find(IndexDefinition index, object?[][] rows, params MergedRange[] merges) => Text(HeaderLocator.Find(index, rows, merges));

    [Fact]
    public void A_one_row_header_under_title_rows_gives_each_field_and_the_rank()
    {
        var rows = Rows(
            ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023", null, null],
            [],
            ["STT", "Tỉnh, thành phố", "Điểm thẩm định", "Điểm điều tra XHH", "Chỉ số CCHC", "Xếp hạng"],
            [1, "Quảng Ninh", 60, 32.18, 92.18, 1]);
        Assert.Equal("header 3, data 4, unit 1; fields appraisal:2 survey:3 total:4; ranks total:5", Find(Par, rows));
    }

    [Fact]
    public void In_one_row_the_first_column_of_a_field_wins_and_empty_and_unknown_cells_are_passed_over()
    {
        var rows = Rows(["Tỉnh", "", "Ghi chú", "Chỉ số CCHC", "Chỉ số CCHC", "Xếp hạng", "Hạng"]);
        Assert.Equal("header 1, data 2, unit 0; fields total:3; ranks total:5", Find(Par, rows));
    }

    [Fact]
    public void A_unit_column_that_also_names_a_field_is_the_unit_column_only()
    {
        // "Địa phương" names the unit; a later "Tỉnh" column is not read as a second unit or a field.
        var rows = Rows(["Địa phương", "Chỉ số CCHC"]);
        Assert.Equal("header 1, data 2, unit 0; fields total:1; ranks ", Find(Par, rows));
    }

    [Fact]
    public void Rows_without_a_unit_column_or_without_the_required_total_are_passed_over()
    {
        var rows = Rows(
            ["Chỉ số CCHC", "Xếp hạng"],
            ["Tỉnh", "Điểm thẩm định"],
            [],
            [],
            ["Tỉnh, thành phố", "Chỉ số CCHC"]);
        Assert.Equal("header 5, data 6, unit 0; fields total:1; ranks ", Find(Par, rows));
        // Straight above the header, the same row is read as the upper row of a two-row header, over the total's name.
        Assert.Equal("header 1, data 3, unit 0; fields total:1; ranks ", Find(Par, Rows(["Tỉnh", "Điểm thẩm định"], ["Tỉnh, thành phố", "Chỉ số CCHC"])));
        Assert.Equal("none", Find(Par, Rows(["Tỉnh", "Điểm thẩm định"], ["x", "y"])));
        Assert.Equal("none", Find(Par, Rows()));
    }

    [Fact]
    public void Of_several_unit_columns_the_best_named_is_taken_and_the_first_of_equals()
    {
        // "Tỉnh, thành phố" is an exact match of a longer synonym than "Tỉnh".
        Assert.Equal("header 1, data 2, unit 1; fields total:2; ranks ", Find(Par, Rows(["Tỉnh", "Tỉnh, thành phố", "Chỉ số CCHC"])));
        Assert.Equal("header 1, data 2, unit 0; fields total:2; ranks ", Find(Par, Rows(["Tỉnh", "Tỉnh", "Chỉ số CCHC"])));
    }

    private static readonly object?[] MergedUpper = ["Tỉnh, thành phố", "Chỉ số CCHC", null, "Điểm thẩm định", null, "Điểm điều tra XHH", null];
    private static readonly object?[] ScoreAndRank = [null, "Điểm", "Xếp hạng", "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"];

    [Fact]
    public void A_two_row_header_reads_score_and_rank_under_each_merged_field()
    {
        var rows = Rows(["Bảng 1"], MergedUpper, ScoreAndRank, ["Quảng Ninh", 92.18, 1, 60, 1, 32.18, 1]);
        var merges = new[] { new MergedRange(1, 0, 2, 0), new MergedRange(1, 1, 1, 2), new MergedRange(1, 3, 1, 4), new MergedRange(1, 5, 1, 6) };
        const string expected = "header 2, data 4, unit 0; fields total:1 appraisal:3 survey:5; ranks total:2 appraisal:4 survey:6";
        Assert.Equal(expected, Find(Par, rows, merges));
        // A CSV keeps no merge data: the empty cell right of a field's name, with a sub-header under it, is read as merged.
        Assert.Equal(expected, Find(Par, rows));
    }

    [Fact]
    public void A_merge_over_part_of_the_width_spreads_only_over_its_own_columns()
    {
        // Only the total is merged (1-2); the appraisal's name is over its score alone and a bare rank after it is the total's.
        var rows = Rows(["Tỉnh", "Chỉ số CCHC", null, "Điểm thẩm định", "Xếp hạng"], [null, "Điểm", "Xếp hạng", "Điểm", null]);
        var merges = new[] { new MergedRange(0, 1, 0, 2), new MergedRange(0, 4, 1, 4), new MergedRange(0, 0, 1, 0) };
        Assert.Equal("header 1, data 3, unit 0; fields total:1 appraisal:3; ranks total:2", Find(Par, rows, merges));
    }

    [Fact]
    public void An_empty_cell_inside_a_vertical_merge_is_not_carried_from_its_left()
    {
        // Column 2 is merged down from the header row (empty), so the total's name does not spread over it.
        var rows = Rows(["Tỉnh", "Chỉ số CCHC", null], [null, "Điểm", "Xếp hạng"]);
        Assert.Equal("header 1, data 3, unit 0; fields total:1; ranks total:2", Find(Par, rows, new MergedRange(0, 2, 1, 2)));
        Assert.Equal("header 1, data 3, unit 0; fields total:1; ranks total:2", Find(Par, rows));
    }

    [Fact]
    public void A_middle_row_cell_inside_a_merge_from_the_row_above_takes_the_merges_name_not_its_left_neighbours()
    {
        // "Chỉ số CCHC" is merged over rows 1-2 and columns 3-4; under it, row 3 says score and rank. The middle row's
        // empty cells there are inside that merge: carried from their left they would read survey's score and rank.
        var rows = Rows(
            ["Tỉnh, thành phố", "Chỉ số thành phần", null, "Chỉ số CCHC", null],
            [null, "Điểm thẩm định", "Điểm điều tra XHH", null, null],
            [null, "Điểm", "Điểm", "Điểm", "Xếp hạng"]);
        var merges = new[] { new MergedRange(0, 0, 2, 0), new MergedRange(0, 1, 0, 2), new MergedRange(0, 3, 1, 4) };
        Assert.Equal("header 1, data 4, unit 0; fields appraisal:1 survey:2 total:3; ranks total:4", Find(Par, rows, merges));
        // The merge kept to the top row (or another starting below the middle row): the middle row's cells are carried
        // from survey's, the three-row reading has no total, and the two-row one is taken, without the rank.
        Assert.Equal("header 1, data 3, unit 0; fields appraisal:1 survey:2 total:3; ranks ", Find(Par, rows, merges[0], merges[1], new MergedRange(0, 3, 0, 4)));
        Assert.Equal("header 1, data 3, unit 0; fields appraisal:1 survey:2 total:3; ranks ", Find(Par, rows, merges[0], merges[1], new MergedRange(0, 3, 0, 4), new MergedRange(2, 3, 3, 4)));
    }

    [Fact]
    public void Rows_of_different_lengths_as_a_csv_gives_them_are_read_to_the_longest()
    {
        // A csv row is as long as its own cells: the rank column is on the score row only, or on the header row only.
        Assert.Equal("header 1, data 4, unit 0; fields total:1; ranks total:2", Find(Par, Rows(["Tỉnh", "Chỉ số CCHC"], ["", ""], [null, "Điểm", "Xếp hạng"])));
        Assert.Equal("header 1, data 3, unit 0; fields total:1; ranks total:2", Find(Par, Rows(["Tỉnh", "Chỉ số CCHC", "Xếp hạng"], [null, "Điểm"])));
        Assert.Equal("header 1, data 3, unit 0; fields total:1 appraisal:2; ranks ", Find(Par, Rows(["Tỉnh", "Chỉ số CCHC"], [null, "Điểm", "Điểm thẩm định"])));
    }

    [Fact]
    public void A_header_must_name_every_required_field_and_a_column_over_nothing_is_no_rank()
    {
        // An index of one's own may require more than the total: a header without one of them is no table.
        var twoRequired = Par with { Fields = [.. Par.Fields.Select(f => f.Key == "appraisal" ? f with { Required = true } : f)] };
        Assert.Equal("none", Find(twoRequired, Rows(["Tỉnh", "Chỉ số CCHC", "Xếp hạng"])));
        Assert.Equal("header 1, data 2, unit 0; fields total:1 appraisal:2; ranks ", Find(twoRequired, Rows(["Tỉnh", "Chỉ số CCHC", "Điểm thẩm định"])));
        // A note over an empty cell beside a two-row header is neither a score nor a rank.
        Assert.Equal("header 1, data 3, unit 0; fields total:1; ranks ", Find(Par, Rows(["Tỉnh", "Chỉ số CCHC", "Ghi chú"], [null, "Điểm", ""])));
    }

    [Fact]
    public void A_merge_starting_in_another_row_is_not_spread_along_this_one()
    {
        var rows = Rows(["Tỉnh", "Chỉ số CCHC", null, null], [null, "Điểm", null, "Điểm thẩm định"]);
        // The merge (1, 1)-(1, 3) is in the second row: it does not carry "Chỉ số CCHC" to column 3.
        Assert.Equal("header 1, data 3, unit 0; fields total:1 appraisal:3; ranks ", Find(Par, rows, new MergedRange(1, 1, 1, 3)));
    }

    [Fact]
    public void A_merge_wider_than_the_rows_is_cut_at_their_width()
    {
        var rows = Rows(["Tỉnh", "Chỉ số CCHC"], [null, "Điểm", "Xếp hạng"]);
        Assert.Equal("header 1, data 3, unit 0; fields total:1; ranks total:2", Find(Par, rows, new MergedRange(0, 1, 0, 40), new MergedRange(0, 50, 0, 60)));
    }

    [Fact]
    public void A_three_row_header_reads_fields_under_a_group_row()
    {
        var rows = Rows(
            ["Tỉnh, thành phố", "Chỉ số CCHC", null, "Chỉ số thành phần", null, null, null],
            [null, null, null, "Điểm thẩm định", null, "Điểm điều tra XHH", null],
            [null, "Điểm", "Xếp hạng", "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"],
            ["Quảng Ninh", 92.18, 1, 60, 1, 32.18, 1]);
        var merges = new[]
        {
            new MergedRange(0, 0, 2, 0), new MergedRange(0, 1, 1, 2), new MergedRange(0, 3, 0, 6),
            new MergedRange(1, 3, 1, 4), new MergedRange(1, 5, 1, 6),
        };
        Assert.Equal("header 1, data 4, unit 0; fields total:1 appraisal:3 survey:5; ranks total:2 appraisal:4 survey:6", Find(Par, rows, merges));
    }

    [Fact]
    public void A_group_header_over_the_components_own_names_gives_each_component()
    {
        // "Các lĩnh vực" names no field: the names under it do.
        var rows = Rows(
            ["Tỉnh", "Chỉ số CCHC", "Các lĩnh vực", null, null],
            [null, null, "Chỉ đạo, điều hành", "Cải cách thể chế", "Cải cách TTHC"]);
        var merges = new[] { new MergedRange(0, 2, 0, 4), new MergedRange(0, 1, 1, 1), new MergedRange(0, 0, 1, 0) };
        Assert.Equal("header 1, data 3, unit 0; fields total:1 direction:2 institutions:3 procedures:4; ranks ", Find(Par, rows, merges));
    }

    [Fact]
    public void A_component_named_exactly_under_a_field_is_the_component_but_a_partial_name_is_the_field_above()
    {
        // SIPAS: "Chỉ số hài lòng về ... chính sách" is exact under the total's merged header: the policy sub-index.
        // "TTHC trực tuyến" only starts like a field's name: under the total it stays the total's column.
        var rows = Rows(
            ["Tỉnh", "Chỉ số SIPAS", null, null],
            [null, "Chỉ số hài lòng về việc xây dựng, tổ chức thực hiện chính sách", "Tỷ lệ", "Thủ tục hành chính trực tuyến"]);
        var merges = new[] { new MergedRange(0, 1, 0, 3), new MergedRange(0, 0, 1, 0) };
        Assert.Equal("header 1, data 3, unit 0; fields policy:1 total:2; ranks ", Find(Sipas, rows, merges));
    }

    [Fact]
    public void A_bare_rank_column_merged_down_beside_a_two_row_header_is_the_totals_rank()
    {
        var rows = Rows(["Tỉnh", "Điểm thẩm định", null, "Chỉ số CCHC", "Xếp hạng"], [null, "Điểm", "Xếp hạng", "Điểm", null]);
        var merges = new[] { new MergedRange(0, 1, 0, 2), new MergedRange(0, 4, 1, 4), new MergedRange(0, 0, 1, 0) };
        Assert.Equal("header 1, data 3, unit 0; fields appraisal:1 total:3; ranks appraisal:2 total:4", Find(Par, rows, merges));
    }

    [Fact]
    public void A_second_row_with_no_score_rank_or_field_word_is_data_under_a_one_row_header()
    {
        var rows = Rows(["Tỉnh", "Chỉ số CCHC", "Xếp hạng"], ["Quảng Ninh", 92.18, 1]);
        Assert.Equal("header 1, data 2, unit 0; fields total:1; ranks total:2", Find(Par, rows));
    }

    [Fact]
    public void A_header_on_the_last_row_is_found_with_nothing_below_it()
    {
        Assert.Equal("header 2, data 3, unit 0; fields total:1; ranks ", Find(Par, Rows(["title"], ["Tỉnh", "Chỉ số CCHC"])));
    }

    [Fact]
    public void The_rows_cells_are_folded_once_numbers_and_dates_included()
    {
        var keys = HeaderLocator.KeysOf(Rows(["Chỉ số CCHC", null, 2023, 88.5]));
        Assert.Equal(["chisocchc", "", "2023", "885"], keys[0]);
    }

    private static string Long(IndexDefinition index, object?[][] rows, params MergedRange[] merges) =>
        HeaderLocator.FindLong(index, rows, merges) is { } l ? $"header {l.HeaderRow}, data {l.FirstDataRow}, unit {l.UnitColumn}, year {l.YearColumn?.ToString() ?? "none"}, criterion {l.CriterionColumn}, score {l.ScoreColumn}" : "none";

    [Fact]
    public void A_long_table_has_unit_criterion_and_score_columns_and_a_year_column_if_any()
    {
        Assert.Equal("header 2, data 3, unit 1, year 0, criterion 2, score 3", Long(Par, Rows(["Phụ lục"], ["Năm", "Tỉnh", "Tiêu chí", "Điểm"])));
        Assert.Equal("header 1, data 2, unit 0, year none, criterion 1, score 2", Long(Par, Rows(["Tỉnh", "Mã tiêu chí", "Điểm đạt được"])));
        // The index's own total header names the score too.
        Assert.Equal("header 1, data 2, unit 2, year none, criterion 0, score 1", Long(Par, Rows(["Criterion", "Chỉ số CCHC", "Tỉnh"])));
        // Any column may be first, the score's included.
        Assert.Equal("header 1, data 2, unit 1, year none, criterion 2, score 0", Long(Par, Rows(["Điểm", "Tỉnh", "Tiêu chí"])));
    }

    [Fact]
    public void A_row_missing_a_long_tables_column_or_using_one_column_twice_is_passed_over()
    {
        Assert.Equal("none", Long(Par, Rows(["Tỉnh", "Điểm"])));
        Assert.Equal("none", Long(Par, Rows(["Tiêu chí", "Điểm"])));
        Assert.Equal("none", Long(Par, Rows(["Tỉnh", "Tiêu chí"])));
        Assert.Equal("header 2, data 3, unit 0, year none, criterion 1, score 2", Long(Par, Rows(["Tiêu chí", "Điểm"], ["Tỉnh", "Tiêu chí", "Điểm"])));
        Assert.Equal("none", Long(Par, Rows()));
    }

    [Fact]
    public void A_merged_criterion_cell_is_a_wide_tables_group_header_not_a_long_table()
    {
        var rows = Rows(["Tỉnh", "Chỉ số thành phần", null, "Điểm"]);
        Assert.Equal("none", Long(Par, rows, new MergedRange(0, 1, 0, 2)));
        // A merge elsewhere, or over the criterion cell in another row, does not count.
        Assert.Equal("header 1, data 2, unit 0, year none, criterion 1, score 3", Long(Par, rows, new MergedRange(0, 2, 0, 3)));
        Assert.Equal("header 1, data 2, unit 0, year none, criterion 1, score 3", Long(Par, rows, new MergedRange(1, 1, 2, 2)));
        Assert.Equal("header 1, data 2, unit 0, year none, criterion 1, score 3", Long(Par, rows));
        // A merge from the row above that reaches down over it does.
        Assert.Equal("none", Long(Par, Rows(["x", "Chỉ số thành phần"], ["Tỉnh", "Chỉ số thành phần", "Điểm"]), new MergedRange(0, 1, 1, 1)));
    }
}
