using System.Security.Cryptography;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;
using ParPipeline.Units;

namespace ParPipeline.Tests.Ingest.Office;

/// <summary>
/// Cells as Excel writes them (the raw-OOXML half of the office corpus): each case is a whole PAR 2023 table of the
/// 63 provinces (scores 90.00, 89.90, ... by code order, in column B from row 3 under a title and a header) with
/// one thing changed, and the exact outcome: the scores read, or every problem at its cell.
/// </summary>
public sealed class ExcelStyleCellsTests
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly WorkbookParser Parser = new(ProvinceTable.Gazetteer, Indices);
    private static readonly List<(Unit Unit, double Score)> Provinces = ProvinceTable.Scores();

    private static ParsedWorkbook Parse(byte[] bytes, string name = "PAR/2023/par-2023.xlsx")
    {
        var (target, problem) = DropTarget.Parse(name, Indices);
        Assert.Null(problem);
        return Parser.Parse(new DroppedFile(name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), target!, CancellationToken.None);
    }

    /// <summary>Title row 1, header row 2, provinces from row 3 (Hà Nội, code 01, is row 3 with 90.00).</summary>
    private static List<XCell?[]> Table(Func<int, Unit, double, XCell?[]?>? row = null) =>
    [
        ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"],
        ["Tỉnh, thành phố", "Chỉ số CCHC", "Xếp hạng"],
        .. Provinces.Select((p, i) => row?.Invoke(i + 3, p.Unit, p.Score) ?? [p.Unit.NameVi, p.Score, (double)(i + 1)]),
    ];

    private static IReadOnlyDictionary<string, double> Totals(ParsedWorkbook parsed)
    {
        Assert.Equal([], parsed.Problems.Select(p => p.ToString()));
        return Assert.Single(parsed.Tables).Units.ToDictionary(u => u.Unit.Code, u => u.Total);
    }

    private static void AssertAllScoresRead(ParsedWorkbook parsed)
    {
        var totals = Totals(parsed);
        Assert.Equal(63, totals.Count);
        Assert.All(Provinces, p => Assert.Equal(p.Score, totals[p.Unit.Code], 10));
    }

    [Fact]
    public void Line_breaks_stored_as_x000D_escapes_are_decoded_in_scores_names_and_sheet_names_and_counted()
    {
        // Excel writes a pasted line break as _x000D_ (upper-case hex), which ExcelDataReader decodes and the
        // pipeline trims; other writers use lower-case hex (_x000d_), which only the pipeline decodes.
        var bytes = new ExcelStyleWorkbook().Sheet("PAR_x0020_2023", Table((r, u, s) => r switch
        {
            3 => [u.NameVi + "_x000D_\n", "90,00_x000D_", 1.0],
            4 => ["_x000d_" + u.NameVi, "89,90_x000d_", 2.0],
            _ => [u.NameVi, s, (double)(r - 2)],
        })).Build();
        var parsed = Parse(bytes);
        AssertAllScoresRead(parsed);
        var table = parsed.Tables[0];
        Assert.Equal("PAR 2023", table.Sheet);
        Assert.Equal(
        [
            "2 cell(s) held character codes such as _x000d_ (a line break written as code), decoded; the first at 'PAR 2023'!A4. No figure changed.",
            "4 cell(s) had invisible spaces or line breaks at the start or end, removed; the first at 'PAR 2023'!A3. No figure changed.",
        ], table.Warnings.Select(w => w.Message));
        Assert.Equal(
            "2 ô chứa mã ký tự như _x000d_ (dấu xuống dòng ghi dưới dạng mã), đã được giải mã; ô đầu tiên: 'PAR 2023'!A4. Không số liệu nào thay đổi.",
            table.Warnings[0].MessageVi);
    }

    [Fact]
    public void Escapes_in_inline_strings_are_decoded_as_in_shared_strings()
    {
        // XlsxBuilder writes every text as an inline string (t="inlineStr").
        var rows = Provinces.Select((p, i) => new object?[] { i == 0 ? p.Unit.NameVi + "_x000d_" : p.Unit.NameVi, i == 0 ? "90,00_x000d_" : p.Score }).ToList();
        var parsed = Parse(new XlsxBuilder().Sheet("PAR 2023", [["Tỉnh", "Chỉ số CCHC"], .. rows]).Build());
        AssertAllScoresRead(parsed);
        Assert.Equal(
        [
            "2 cell(s) held character codes such as _x000d_ (a line break written as code), decoded; the first at 'PAR 2023'!A2. No figure changed.",
            "2 cell(s) had invisible spaces or line breaks at the start or end, removed; the first at 'PAR 2023'!A2. No figure changed.",
        ], parsed.Tables[0].Warnings.Select(w => w.Message));
    }

    [Fact]
    public void The_escaped_underscore_x005F_keeps_a_literal_escape_which_is_then_not_a_number()
    {
        var bytes = new ExcelStyleWorkbook().Sheet("PAR", Table((r, u, s) => r == 5 ? [u.NameVi, "90_x005F_x000D_", 3.0] : null)).Build();
        var problem = Assert.Single(Parse(bytes).Problems);
        Assert.Equal((ProblemCodes.NotANumber, "PAR", "B5", "90_x000D_"), (problem.Code, problem.Sheet, problem.Cell, problem.Found));
        Assert.Equal($"PAR INDEX of {Provinces[2].Unit.NameVi}: '90_x000D_' is not a number.", problem.Message);
    }

    [Fact]
    public void Names_with_no_break_zero_width_and_decomposed_letters_match_and_each_kind_is_one_warning()
    {
        var bytes = new ExcelStyleWorkbook().Sheet("PAR 2023", Table((r, u, s) => r switch
        {
            3 => ["\u00A0" + u.NameVi + "\u202F", s, 1.0],
            4 => ["\u200B" + u.NameVi + "\uFEFF", s, 2.0],
            5 => [u.NameVi.Normalize(System.Text.NormalizationForm.FormD), s, 3.0],
            6 => [u.NameVi.Normalize(System.Text.NormalizationForm.FormD) + "\t", s, 4.0],
            _ => null,
        })).Build();
        var parsed = Parse(bytes);
        AssertAllScoresRead(parsed);
        Assert.Equal(
        [
            "3 cell(s) had invisible spaces or line breaks at the start or end, removed; the first at 'PAR 2023'!A3. No figure changed.",
            "2 cell(s) had Vietnamese letters in decomposed form (combining marks), composed; the first at 'PAR 2023'!A5. No figure changed.",
        ], parsed.Tables[0].Warnings.Select(w => w.Message));
    }

    [Fact]
    public void A_clean_file_has_no_repair_warning()
    {
        Assert.Empty(Assert.Single(Parse(new ExcelStyleWorkbook().Sheet("PAR 2023", Table()).Build()).Tables).Warnings);
    }

    [Fact]
    public void A_percent_formatted_fraction_is_read_as_the_percent_shown()
    {
        var bytes = new ExcelStyleWorkbook().Sheet("PAR 2023", Table((r, u, s) => [u.NameVi, XCell.Percent(s / 100), (double)(r - 2)])).Build();
        AssertAllScoresRead(Parse(bytes));
    }

    [Fact]
    public void Formula_cells_are_read_from_their_cached_value_and_one_without_a_value_is_said_to_need_recalculating()
    {
        var cached = new ExcelStyleWorkbook().Sheet("PAR 2023", Table((r, u, s) => [u.NameVi, XCell.WithFormula($"ROUND({s}*1,2)", s), (double)(r - 2)])).Build();
        AssertAllScoresRead(Parse(cached));

        var uncalculated = new ExcelStyleWorkbook().Sheet("PAR 2023", Table((r, u, s) => r == 8 ? [u.NameVi, XCell.WithFormula("SUM(D8:E8)", null), 6.0] : null)).Build();
        var problem = Assert.Single(Parse(uncalculated).Problems);
        Assert.Equal((ProblemCodes.FormulaNotCalculated, "PAR 2023", "B8", "=…"), (problem.Code, problem.Sheet, problem.Cell, problem.Found));
        Assert.Equal($"{Provinces[5].Unit.NameVi} has no PAR INDEX: the cell is a formula saved without its result (the file was never recalculated).", problem.Message);
    }

    [Theory]
    [InlineData("#N/A")]
    [InlineData("#DIV/0!")]
    [InlineData("#VALUE!")]
    public void An_Excel_error_value_is_EXCEL_ERROR_at_its_cell(string error)
    {
        var bytes = new ExcelStyleWorkbook().Sheet("PAR 2023", Table((r, u, s) => r == 10 ? [u.NameVi, XCell.ErrorValue(error), 8.0] : null)).Build();
        var problem = Assert.Single(Parse(bytes).Problems);
        Assert.Equal((ProblemCodes.ExcelError, "B10", error), (problem.Code, problem.Cell, problem.Found));
        Assert.Contains(error, problem.Message, StringComparison.Ordinal);
        Assert.Contains(error, problem.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_Excel_turned_into_a_date_is_reported_with_what_it_probably_was()
    {
        // 8 December 2023 (serial 45268): what "8.12" becomes in a date-formatted column; 88.68 shown as a 1900 date.
        var bytes = new ExcelStyleWorkbook().Sheet("PAR 2023", Table((r, u, s) => r switch
        {
            4 => [u.NameVi, XCell.Date(45268), 2.0],
            5 => [u.NameVi, XCell.Date(88.68), 3.0],
            _ => null,
        })).Build();
        var problems = Parse(bytes).Problems;
        Assert.Equal([(ProblemCodes.DateNotScore, "B4", "08/12/2023"), (ProblemCodes.DateNotScore, "B5", "28/03/1900 16:19")],
            problems.Select(p => (p.Code, p.Cell!, p.Found!)));
        Assert.EndsWith("Excel probably turned the score 8.12 into a date.", problems[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("Excel probably turned the score 88.68 into a date.", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rank_written_12_of_63_is_read_as_12()
    {
        var bytes = new ExcelStyleWorkbook().Sheet("PAR 2023", Table((r, u, s) => [u.NameVi, s, $"{r - 2}/63"])).Build();
        var table = Assert.Single(Parse(bytes).Tables);
        Assert.Equal(Enumerable.Range(1, 63).Select(i => (int?)i), table.Units.Select(u => u.PublishedRank));
        Assert.DoesNotContain(table.Warnings, w => w.Code == ProblemCodes.RankMismatch);
    }

    [Fact]
    public void Hidden_rows_and_a_hidden_sheet_are_read_and_said_in_warnings()
    {
        var bytes = new ExcelStyleWorkbook()
            .Sheet("Ghi chú", [["Xem trang sau"]])
            .Sheet("PAR 2023", Table(), hidden: true, hiddenRows: [7, 12])
            .Build();
        var parsed = Parse(bytes);
        AssertAllScoresRead(parsed);
        Assert.Equal(
        [
            (ProblemCodes.HiddenRows, "2 hidden row(s) of sheet 'PAR 2023' were read (7, 12): a hidden row is often a deleted one; if one should not count, delete it and drop the file again."),
            (ProblemCodes.HiddenSheet, "Sheet 'PAR 2023' is hidden in the workbook; its table was read."),
        ], parsed.Tables[0].Warnings.Select(w => (w.Code, w.Message)));
    }

    [Fact]
    public void An_autofilter_changes_nothing()
    {
        AssertAllScoresRead(Parse(new ExcelStyleWorkbook().Sheet("PAR 2023", Table(), autoFilter: "A2:C65").Build()));
    }

    [Fact]
    public void A_unit_name_merged_over_two_rows_names_the_row_that_holds_its_scores()
    {
        // Hà Nội's name is merged over rows 3-4, its scores on row 4; the rest one row each, from row 5.
        List<XCell?[]> rows =
        [
            ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"],
            ["Tỉnh, thành phố", "Chỉ số CCHC", "Xếp hạng"],
            [Provinces[0].Unit.NameVi, null, null],
            [null, Provinces[0].Score, 1.0],
            .. Provinces.Skip(1).Select((p, i) => new XCell?[] { p.Unit.NameVi, p.Score, (double)(i + 2) }),
        ];
        var parsed = Parse(new ExcelStyleWorkbook().Sheet("PAR 2023", rows, merges: ["A3:A4"]).Build());
        AssertAllScoresRead(parsed);
        Assert.Equal(4, parsed.Tables[0].Units.Single(u => u.Unit.Code == Provinces[0].Unit.Code).Row);
    }

    [Fact]
    public void A_merged_name_with_scores_on_both_rows_is_a_repeat_at_the_second_row()
    {
        List<XCell?[]> rows =
        [
            ["Tỉnh, thành phố", "Chỉ số CCHC"],
            [Provinces[0].Unit.NameVi, 90.0],
            [null, 89.0],
            .. Provinces.Skip(1).Select(p => new XCell?[] { p.Unit.NameVi, p.Score }),
        ];
        var problem = Assert.Single(Parse(new ExcelStyleWorkbook().Sheet("PAR 2023", rows, merges: ["A2:A3"]).Build()).Problems);
        Assert.Equal((ProblemCodes.DuplicateUnit, "A3"), (problem.Code, problem.Cell));
        Assert.Equal("Hà Nội (01) appears again (a merged name with scores on two rows); first at row 2.", problem.Message);
        Assert.Equal("Hà Nội (01) xuất hiện lần nữa (ô tên gộp có điểm ở hai dòng); lần đầu ở dòng 2.", problem.MessageVi);
        // Not merged, the same repeat says only that it is one.
        rows[2] = [Provinces[0].Unit.NameVi, 89.0];
        problem = Assert.Single(Parse(new ExcelStyleWorkbook().Sheet("PAR 2023", rows).Build()).Problems);
        Assert.Equal(("A3", "Hà Nội (01) appears again; first at row 2.", "Hà Nội (01) xuất hiện lần nữa; lần đầu ở dòng 2."), (problem.Cell, problem.Message, problem.MessageVi));
    }

    [Fact]
    public void A_header_split_across_three_rows_is_found()
    {
        // Row 1: the unit header merged down three rows, a group header over the components; row 2: each field's
        // name merged over its score and rank; row 3: "Điểm" / "Xếp hạng".
        List<XCell?[]> rows =
        [
            ["Tỉnh, thành phố", "Chỉ số CCHC 2023", null, "Chỉ số thành phần", null, null, null],
            [null, null, null, "Điểm thẩm định", null, "Điểm điều tra xã hội học", null],
            [null, "Điểm", "Xếp hạng", "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"],
            .. Provinces.Select((p, i) => new XCell?[] { p.Unit.NameVi, p.Score, (double)(i + 1), p.Score - 30, (double)(i + 1), 30.0, 1.0 }),
        ];
        var parsed = Parse(new ExcelStyleWorkbook().Sheet("PAR 2023", rows, merges: ["A1:A3", "B1:C2", "D1:G1", "D2:E2", "F2:G2"]).Build());
        AssertAllScoresRead(parsed);
        var table = parsed.Tables[0];
        Assert.Equal((1, 4), (table.Layout.HeaderRow, table.Layout.FirstDataRow));
        Assert.Equal(new Dictionary<string, int> { ["total"] = 1, ["appraisal"] = 3, ["survey"] = 5 }, table.Layout.FieldColumns);
        Assert.Equal(Math.Round(Provinces[4].Score - 30, 2), table.Units[4].Values["appraisal"], 10);
    }

    [Fact]
    public void A_totals_block_above_the_table_and_columns_in_any_order_are_read()
    {
        List<XCell?[]> rows =
        [
            ["CHỈ SỐ CCHC NĂM 2023"],
            ["Trung bình cả nước", 85.5],
            ["Cao nhất", 90.0],
            ["Thấp nhất", 83.8],
            [],
            ["Xếp hạng", "Chỉ số CCHC", "STT", "Tỉnh, thành phố"],
            .. Provinces.Select((p, i) => new XCell?[] { (double)(i + 1), p.Score, (double)(i + 1), p.Unit.NameVi }),
        ];
        var parsed = Parse(new ExcelStyleWorkbook().Sheet("PAR 2023", rows).Build());
        AssertAllScoresRead(parsed);
        Assert.Equal((6, 3), (parsed.Tables[0].Layout.HeaderRow, parsed.Tables[0].Layout.UnitColumn));
    }

    [Fact]
    public void Sheets_that_each_hold_a_region_are_read_as_one_table()
    {
        var byRegion = Provinces.GroupBy(p => p.Unit.Region).ToList();
        var workbook = new ExcelStyleWorkbook();
        foreach (var region in byRegion)
        {
            workbook.Sheet(region.Key!, [["Tỉnh, thành phố", "Chỉ số CCHC"], .. region.Select(p => new XCell?[] { p.Unit.NameVi, p.Score })]);
        }
        var parsed = Parse(workbook.Build());
        AssertAllScoresRead(parsed);
        var combined = Assert.Single(parsed.Tables[0].Warnings);
        Assert.Equal(ProblemCodes.SheetsCombined, combined.Code);
        var names = string.Join(", ", byRegion.Select(r => $"'{r.Key}'"));
        Assert.Equal($"The PAR 2023 table was read from {byRegion.Count} sheets ({names}), each holding a part of the units.", combined.Message);
        Assert.Equal($"Bảng PAR năm 2023 được ghép từ {byRegion.Count} trang ({names}), mỗi trang một phần đơn vị.", combined.MessageVi);
        Assert.Equal((null, null, "A"), (combined.Sheet, combined.Row, combined.Column));
        Assert.Equal(string.Join(", ", byRegion.Select(r => r.Key)), parsed.Tables[0].Sheet);
        Assert.Equal(6, byRegion.Count);
    }

    [Fact]
    public void Rows_hidden_the_LibreOffice_way_on_a_later_part_sheet_are_warned_about_on_that_sheet()
    {
        // hidden="true" (xsd:boolean, as LibreOffice writes it) is invisible to ExcelDataReader, which sees only "1":
        // the pipeline finds it in the sheet's XML, and must tie it to the right sheet of several.
        var bytes = new ExcelStyleWorkbook()
            .Sheet("Miền Bắc", [["Tỉnh", "Chỉ số CCHC"], .. Provinces.Take(30).Select(p => new XCell?[] { p.Unit.NameVi, p.Score })])
            .Sheet("Miền Nam", [["Tỉnh", "Chỉ số CCHC"], .. Provinces.Skip(30).Select(p => new XCell?[] { p.Unit.NameVi, p.Score })], hiddenRows: [4, 9], hiddenAs: "true")
            .Build();
        var parsed = Parse(bytes);
        AssertAllScoresRead(parsed);
        Assert.Equal(
        [
            (ProblemCodes.HiddenRows, "Miền Nam", 4, "2 hidden row(s) of sheet 'Miền Nam' were read (4, 9): a hidden row is often a deleted one; if one should not count, delete it and drop the file again."),
        ], parsed.Tables[0].Warnings.Where(w => w.Code == ProblemCodes.HiddenRows).Select(w => (w.Code, w.Sheet!, w.Row!.Value, w.Message)));
    }

    [Fact]
    public void Part_sheets_that_repeat_a_unit_are_an_error_naming_both_places()
    {
        var north = Provinces.Take(40).ToList();
        var south = Provinces.Skip(38).ToList();
        var bytes = new ExcelStyleWorkbook()
            .Sheet("Miền Bắc", [["Tỉnh", "Chỉ số CCHC"], .. north.Select(p => new XCell?[] { p.Unit.NameVi, p.Score })])
            .Sheet("Miền Nam", [["Tỉnh", "Chỉ số CCHC"], .. south.Select(p => new XCell?[] { p.Unit.NameVi, p.Score })])
            .Build();
        var problems = Parse(bytes).Problems;
        Assert.Equal(
        [
            (ProblemCodes.UnitInSeveralSheets, "Miền Nam", "A2", $"{Provinces[38].Unit.NameVi} ({Provinces[38].Unit.Code}) is also on sheet 'Miền Bắc' row 40: sheets read as parts of one table must not repeat a unit."),
            (ProblemCodes.UnitInSeveralSheets, "Miền Nam", "A3", $"{Provinces[39].Unit.NameVi} ({Provinces[39].Unit.Code}) is also on sheet 'Miền Bắc' row 41: sheets read as parts of one table must not repeat a unit."),
        ], problems.Select(p => (p.Code, p.Sheet!, p.Cell!, p.Message)));
        Assert.Equal($"{Provinces[38].Unit.NameVi} ({Provinces[38].Unit.Code}) cũng có ở trang 'Miền Bắc' dòng 40: các trang ghép thành một bảng không được lặp đơn vị.", problems[0].MessageVi);
    }

    [Fact]
    public void Of_two_sheets_that_each_hold_the_whole_table_the_one_whose_title_names_the_index_is_read_and_the_other_said()
    {
        // "Tổng điểm" names the total but not the index; a title row does.
        XCell?[][] table = [["Tỉnh", "Tổng điểm"], .. Provinces.Select(p => new XCell?[] { p.Unit.NameVi, p.Score })];
        XCell?[][] titled = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC TỈNH, THÀNH PHỐ NĂM 2023"], .. table];
        var parsed = Parse(new ExcelStyleWorkbook().Sheet("Bản nháp", table).Sheet("Chính thức", titled).Build());
        AssertAllScoresRead(parsed);
        Assert.Equal("Chính thức", parsed.Tables[0].Sheet);
        var ignored = Assert.Single(parsed.Tables[0].Warnings);
        Assert.Equal((ProblemCodes.SheetIgnored, "Bản nháp", (int?)1), (ignored.Code, ignored.Sheet, ignored.Row));
        Assert.Equal("Sheet 'Bản nháp' also has a PAR table; sheet 'Chính thức' was read.", ignored.Message);
        Assert.Equal("Trang 'Bản nháp' cũng có bảng PAR; trang 'Chính thức' đã được đọc.", ignored.MessageVi);
        // Neither titled: the first sheet is read.
        parsed = Parse(new ExcelStyleWorkbook().Sheet("Bản nháp", table).Sheet("Chính thức", table).Build());
        Assert.Equal(("Bản nháp", "Sheet 'Chính thức' also has a PAR table; sheet 'Bản nháp' was read."), (parsed.Tables[0].Sheet, Assert.Single(parsed.Tables[0].Warnings).Message));
    }
}
