using System.Security.Cryptography;
using System.Text;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest;

public sealed class WorkbookParserTests
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly WorkbookParser Parser = new(ProvinceTable.Gazetteer, Indices);

    private static DroppedFile File(string name, byte[] bytes) => new(name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    private static ParsedWorkbook Parse(string name, byte[] bytes)
    {
        var (target, problem) = DropTarget.Parse(name, Indices);
        Assert.Null(problem);
        return Parser.Parse(File(name, bytes), target!, CancellationToken.None);
    }

    private static ParsedWorkbook ParseCsv(string text, string name = "PAR/2023/test.csv") => Parse(name, Encoding.UTF8.GetBytes(text));

    private static ScoreTable Single(ParsedWorkbook parsed)
    {
        Assert.Empty(parsed.Problems);
        return Assert.Single(parsed.Tables);
    }

    private static UnitRecord Unit(ScoreTable table, string code) => table.Units.Single(u => u.Unit.Code == code);

    [Fact]
    public void The_PAR_2023_sample_with_a_merged_two_row_header_yields_every_field_and_rank()
    {
        var table = Single(Parse(Samples.Par2023, Samples.Bytes(Samples.Par2023)));
        Assert.Equal(new IndexYear("PAR", 2023), table.IndexYear);
        Assert.Equal("PAR INDEX 2023", table.Sheet);
        Assert.Equal(63, table.Units.Count);
        var daNang = Unit(table, "48");
        Assert.Equal(88.68, daNang.Total);
        Assert.Equal(12, daNang.PublishedRank);
        Assert.Equal(88.68, Math.Round(daNang.Values["appraisal"] + daNang.Values["survey"], 2));
        Assert.Equal(["appraisal", "survey", "total"], daNang.Values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((5, 7), (table.Layout.HeaderRow, table.Layout.FirstDataRow));
        Assert.Empty(table.Warnings);
    }

    [Fact]
    public void The_other_samples_read_as_published()
    {
        var par2022 = Single(Parse(Samples.Par2022, Samples.Bytes(Samples.Par2022)));
        Assert.Equal((87.54, 5), (Unit(par2022, "48").Total, Unit(par2022, "48").PublishedRank));

        var sipas2023 = Single(Parse(Samples.Sipas2023, Samples.Bytes(Samples.Sipas2023)));
        Assert.Equal(90.61, Unit(sipas2023, "22").Total);
        Assert.Equal(75.03, Unit(sipas2023, "06").Total);

        var sipas2022 = Single(Parse(Samples.Sipas2022, Samples.Bytes(Samples.Sipas2022)));
        Assert.Equal((87.59, 1), (Unit(sipas2022, "22").Total, Unit(sipas2022, "22").PublishedRank));
        Assert.Equal(34, Unit(sipas2022, "48").PublishedRank);

        var ministries = Single(Parse(Samples.Ministries2023, Samples.Bytes(Samples.Ministries2023)));
        Assert.Equal(17, ministries.Units.Count);
        Assert.Equal((89.95, 1), (Unit(ministries, "MOJ").Total, Unit(ministries, "MOJ").PublishedRank));
        Assert.Equal(78.03, Unit(ministries, "MOIT").Total);
        Assert.All(ministries.Units, u => Assert.True(u.Values["survey"] <= 31.5));
    }

    [Fact]
    public void Without_an_index_year_path_the_sheet_title_says_which_index_and_year()
    {
        var bytes = new XlsxBuilder().Sheet("Kết quả",
            [["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"], [], ["Tỉnh", "Điểm"], .. ProvinceTable.Scores().Select(s => new object?[] { s.Unit.NameVi, s.Score })]).Build();
        var table = Single(Parse("uploads/ket-qua.xlsx", bytes));
        Assert.Equal(new IndexYear("PAR", 2023), table.IndexYear);
    }

    [Fact]
    public void A_file_that_names_neither_index_nor_year_is_rejected_with_how_to_name_it()
    {
        var parsed = ParseCsv(ProvinceTable.Csv("Tỉnh,Điểm"), "upload.csv");
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(ProblemCodes.UnrecognisedFile, problem.Code);
        Assert.StartsWith("upload.csv: no sheet ('Sheet1') says which index it holds. Drop it as {index}/{year}/upload.csv with index one of PAPI, PAR, PAR-MINISTRIES, PCI, SIPAS", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_path_without_a_year_takes_the_year_from_the_title_or_says_it_is_missing()
    {
        var titled = ParseCsv("Chỉ số SIPAS năm 2022\n" + ProvinceTable.Csv("Tỉnh,Chỉ số SIPAS", 2022), "SIPAS/sipas.csv");
        Assert.Equal(new IndexYear("SIPAS", 2022), Single(titled).IndexYear);

        var untitled = ParseCsv(ProvinceTable.Csv("Tỉnh,Chỉ số SIPAS"), "SIPAS/sipas.csv");
        var problem = Assert.Single(untitled.Problems);
        Assert.Equal(ProblemCodes.NoYear, problem.Code);
        Assert.Equal("sipas.csv does not say which year its SIPAS scores are for: drop it as SIPAS/{year}/sipas.csv, or put the year in the sheet's title (e.g. 'SIPAS INDEX 2023').", problem.Message);
    }

    [Fact]
    public void A_year_in_the_path_wins_over_the_titles_and_without_one_each_titled_year_is_its_own_table()
    {
        var rows = ProvinceTable.Scores().Select(s => new object?[] { s.Unit.NameVi, s.Score }).ToList();
        var bytes = new XlsxBuilder()
            .Sheet("2022", [["Chỉ số CCHC năm 2022"], ["Tỉnh", "Chỉ số CCHC"], .. rows])
            .Sheet("2023", [["Chỉ số CCHC năm 2023"], ["Tỉnh", "Chỉ số CCHC"], .. rows])
            .Build();
        // Under PAR/ alone, as at the root: one table per year, none of them a copy of the other.
        foreach (var name in new[] { "PAR/results.xlsx", "results.xlsx" })
        {
            var parsed = Parse(name, bytes);
            Assert.Empty(parsed.Problems);
            Assert.Equal([("PAR-2022", "2022", 0), ("PAR-2023", "2023", 0)], parsed.Tables.Select(t => (t.IndexYear.PartitionKey, t.Sheet, t.Warnings.Count)));
        }
        // Under PAR/2023/ both sheets are 2023's: the first is read, the other said to be a second copy.
        var table = Single(Parse("PAR/2023/results.xlsx", bytes));
        Assert.Equal(("PAR-2023", "2022"), (table.IndexYear.PartitionKey, table.Sheet));
        Assert.Equal(["Sheet '2023' also has a PAR table; sheet '2022' was read."], table.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void A_long_tables_year_is_the_paths_or_else_its_titles()
    {
        var csv = "Chỉ số CCHC năm 2022\n\"Tỉnh, thành phố\",Tiêu chí,Điểm\nHà Nội,1.1,2.5\n";
        Assert.Equal([2023], ParseCsv(csv, "PAR/2023/criteria.csv").LongTables.Select(t => t.Year));
        Assert.Equal([2022], ParseCsv(csv, "PAR/criteria.csv").LongTables.Select(t => t.Year));
    }

    [Fact]
    public void A_cancelled_parse_is_a_cancellation_not_a_rejected_file()
    {
        // A rejected file is final; a cancelled one (the host stopping) must be retried, so the two must not be confused.
        var bytes = Encoding.UTF8.GetBytes(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC"));
        var (target, _) = DropTarget.Parse("PAR/2023/par.csv", Indices);
        Assert.Throws<OperationCanceledException>(() => Parser.Parse(File("PAR/2023/par.csv", bytes), target!, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void The_sheets_name_is_read_before_its_rows_as_the_start_of_its_title()
    {
        // Named "PAR", its first cell "INDEX năm 2023": the title is "PAR INDEX năm 2023".
        var rows = ProvinceTable.Scores().Select(s => new object?[] { s.Unit.NameVi, s.Score }).ToList();
        var bytes = new XlsxBuilder().Sheet("PAR", [["INDEX năm 2023"], ["Tỉnh", "Tổng điểm"], .. rows]).Build();
        Assert.Equal("PAR-2023", Single(Parse("results.xlsx", bytes)).IndexYear.PartitionKey);
    }

    [Fact]
    public void Without_the_header_on_any_of_several_sheets_the_problem_names_them_all_and_no_one_sheet()
    {
        var bytes = new XlsxBuilder().Sheet("Ghi chú", [["Ghi chú"]]).Sheet("Số liệu", [["Tỉnh", "Ghi chú"]]).Build();
        var problem = Assert.Single(Parse("PAR/2023/par.xlsx", bytes).Problems);
        Assert.Equal((ProblemCodes.HeaderNotFound, (string?)null), (problem.Code, problem.Sheet));
        Assert.Equal("No sheet ('Ghi chú', 'Số liệu') has, in its first 30 rows, a header naming the unit (Tỉnh, thành phố, Tỉnh/thành phố, Tỉnh, TP, ...) and the PAR INDEX (Chỉ số CCHC, Chỉ số cải cách hành chính, Chỉ số PAR INDEX, ...).", problem.Message);
    }

    [Fact]
    public void Of_several_sheets_the_one_with_the_index_table_is_read_and_a_second_copy_is_a_warning()
    {
        var rows = ProvinceTable.Scores().Select(s => new object?[] { s.Unit.NameVi, s.Score }).ToList();
        var bytes = new XlsxBuilder()
            .Sheet("Ghi chú", [["Ghi chú: bảng số liệu ở trang sau"]])
            .Sheet("PAR INDEX", [["Tỉnh", "Chỉ số CCHC"], .. rows])
            .Sheet("Bản sao", [["Tỉnh", "Chỉ số CCHC"], .. rows])
            .Build();
        var table = Single(Parse("PAR/2023/par.xlsx", bytes));
        Assert.Equal("PAR INDEX", table.Sheet);
        var warning = Assert.Single(table.Warnings);
        Assert.Equal((ProblemCodes.SheetIgnored, "Bản sao"), (warning.Code, warning.Sheet));
    }

    [Fact]
    public void A_workbook_with_a_PAR_and_a_SIPAS_sheet_yields_both_index_years()
    {
        var rows = ProvinceTable.Scores().Select(s => new object?[] { s.Unit.NameVi, s.Score }).ToList();
        var bytes = new XlsxBuilder()
            .Sheet("PAR INDEX 2023", [["Tỉnh", "Chỉ số CCHC"], .. rows])
            .Sheet("SIPAS 2023", [["Tỉnh", "Chỉ số SIPAS"], .. rows])
            .Build();
        var parsed = Parse("annual-results.xlsx", bytes);
        Assert.Empty(parsed.Problems);
        Assert.Equal(["PAR-2023", "SIPAS-2023"], parsed.Tables.Select(t => t.IndexYear.PartitionKey));
    }

    [Fact]
    public void Average_rows_notes_and_blank_rows_are_not_units()
    {
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC") + ",\nTrung bình,86.98\nCả nước,86.98\nGhi chú: số liệu mẫu,\n* Xếp hạng theo điểm,\n";
        Assert.Equal(63, Single(ParseCsv(csv)).Units.Count);
    }

    [Fact]
    public void Each_bad_row_is_reported_at_its_sheet_row_and_column_and_nothing_is_kept()
    {
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", edit: (unit, score) => unit.Code switch
        {
            "01" => "Ha Noi,abc",
            "02" => "Quảng,80",
            "04" => "Cao Bằng,101",
            "06" => "Bắc Kạn,",
            "08" => "Ha Noi,70",
            _ => $"{unit.NameVi},{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        });
        var parsed = ParseCsv(csv);
        Assert.Empty(parsed.Tables);
        Assert.Equal(
        [
            "Sheet1 row 2 column B NOT_A_NUMBER",
            "Sheet1 row 3 column A UNKNOWN_UNIT",
            "Sheet1 row 4 column B SCORE_OUT_OF_RANGE",
            "Sheet1 row 5 column B MISSING_SCORE",
            "Sheet1 row 6 column A DUPLICATE_UNIT",
        ], parsed.Problems.Select(p => $"{p.Sheet} row {p.Row} column {p.Column} {p.Code}"));
        Assert.Equal("PAR INDEX of Hà Nội: 'abc' is not a number.", parsed.Problems[0].Message);
        Assert.Equal("'Quảng' is not a known province or city of 2023; closest known: Quảng Ninh (22), Quảng Bình (44), Quảng Trị (45), Quảng Nam (49), Quảng Ngãi (51).", parsed.Problems[1].Message);
        Assert.Equal("PAR INDEX of Cao Bằng: 101 is outside 0..100.", parsed.Problems[2].Message);
        Assert.Equal("Bắc Kạn has no PAR INDEX.", parsed.Problems[3].Message);
        Assert.Equal("Hà Nội (01) appears again; first at row 2.", parsed.Problems[4].Message);
    }

    [Fact]
    public void Missing_units_are_each_listed()
    {
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", edit: (unit, score) => unit.Code is "48" or "49" ? null : $"{unit.NameVi},{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var parsed = ParseCsv(csv);
        Assert.Equal(
        [
            "MISSING_UNIT A: Đà Nẵng (48) has no row; every province and city of 2023 must appear once.",
            "MISSING_UNIT A: Quảng Nam (49) has no row; every province and city of 2023 must appear once.",
        ], parsed.Problems.Select(p => $"{p.Code} {p.Column}: {p.Message}"));
    }

    [Fact]
    public void Parts_that_do_not_add_up_to_the_total_are_an_error_at_the_total()
    {
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC,Điểm thẩm định,Điểm điều tra XHH", edit: (unit, score) =>
        {
            var survey = Math.Round(score * 0.37, 2);
            var appraisal = Math.Round(score - survey, 2) + (unit.Code == "48" ? 1 : 0);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit.NameVi},{score},{appraisal},{survey}");
        });
        var problem = Assert.Single(ParseCsv(csv).Problems);
        Assert.Equal((ProblemCodes.ComponentsDoNotSum, 33, "B"), (problem.Code, problem.Row, problem.Column));
        Assert.StartsWith("Đà Nẵng: appraisal score ", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith(", but the PAR INDEX is 86.90.", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.015, false)]
    [InlineData(0.016, true)]
    [InlineData(-0.016, true)]
    public void Parts_may_miss_their_total_by_half_a_unit_of_the_last_decimal_for_each_figure_and_no_more(double drift, bool rejected)
    {
        // PAR INDEX = appraisal + survey, each published to 2 decimals: three roundings of at most 0.005 each.
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC,Điểm thẩm định,Điểm điều tra XHH", edit: (unit, score) =>
        {
            var survey = Math.Round(score * 0.37, 2);
            var appraisal = Math.Round(score - survey, 2) + (unit.Code == "48" ? drift : 0);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit.NameVi},{score},{appraisal:0.000},{survey}");
        });
        var problems = ParseCsv(csv).Problems;
        Assert.Equal(rejected ? [(ProblemCodes.ComponentsDoNotSum, (int?)33)] : [], problems.Select(p => (p.Code, p.Row)));
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void The_header_is_looked_for_in_the_first_30_rows(int headerRow, bool found)
    {
        var notes = string.Concat(Enumerable.Range(1, headerRow - 1).Select(i => $"Ghi chú {i}\n"));
        var parsed = ParseCsv(notes + ProvinceTable.Csv("Tỉnh,Chỉ số CCHC"));
        if (found)
        {
            Assert.Empty(parsed.Problems);
            Assert.Equal(63, Single(parsed).Units.Count);
        }
        else
        {
            Assert.Equal([ProblemCodes.HeaderNotFound], parsed.Problems.Select(p => p.Code));
        }
    }

    [Fact]
    public void A_published_rank_that_the_scores_contradict_is_a_warning_kept_with_the_table()
    {
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC,Xếp hạng", edit: (unit, score) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit.NameVi},{score},{(unit.Code == "48" ? 5 : (int)Math.Round((90 - score) * 10) + 1)}"));
        var table = Single(ParseCsv(csv));
        var warning = Assert.Single(table.Warnings);
        Assert.Equal((ProblemCodes.RankMismatch, "C"), (warning.Code, warning.Column));
        Assert.Equal("The published rank differs from the rank the scores give for 1 unit(s): Đà Nẵng row 33: published 5, scores give 32.", warning.Message);
    }

    [Fact]
    public void A_province_merged_in_2025_is_not_a_unit_of_2025_and_the_message_names_its_successor()
    {
        var csv = "Tỉnh,Chỉ số CCHC\n" + string.Join("\n", ProvinceTable.Gazetteer.UnitsFor(ParPipeline.Units.UnitKind.Province, 2025).Select(u => $"{u.NameVi},88")) + "\nQuảng Nam,80\n";
        var problem = Assert.Single(ParseCsv(csv, "PAR/2025/par.csv").Problems);
        Assert.Equal(ProblemCodes.UnknownUnit, problem.Code);
        Assert.Equal("'Quảng Nam' names Quảng Nam, which belongs to Đà Nẵng (48) since 2025-07-01; closest known: Đà Nẵng (48).", problem.Message);
    }

    [Fact]
    public void The_34_units_of_2025_are_a_complete_year()
    {
        var csv = "Tỉnh,Chỉ số CCHC\n" + string.Join("\n", ProvinceTable.Gazetteer.UnitsFor(ParPipeline.Units.UnitKind.Province, 2025).Select(u => $"{u.NameVi},88"));
        Assert.Equal(34, Single(ParseCsv(csv, "PAR/2025/par.csv")).Units.Count);
    }

    // The 2025-07-01 reorganisation was of provinces; a ministry file of 2025 was refused row by row until the
    // gazetteer stopped giving ministries a 2025 era of their own.
    [Theory]
    [InlineData(2023)]
    [InlineData(2025)]
    public void A_ministry_file_of_2023_or_2025_names_its_17_ministries(int year)
    {
        var csv = "\"Bộ, ngành\",Chỉ số CCHC\n" + string.Join("\n", ProvinceTable.Gazetteer.UnitsFor(ParPipeline.Units.UnitKind.Ministry, year).Select((u, i) => $"\"{u.NameVi}\",{80 + i / 10.0:0.0}"));
        var table = Single(ParseCsv(csv, $"PAR-MINISTRIES/{year}/ministries.csv"));
        Assert.Equal(new IndexYear("PAR-MINISTRIES", year), table.IndexYear);
        Assert.Equal(17, table.Units.Count);
        Assert.Equal(81.0, Unit(table, "MOJ").Total);
    }

    [Fact]
    public void A_sheet_without_the_header_is_rejected_with_HEADER_NOT_FOUND()
    {
        var problem = Assert.Single(ParseCsv("a,b\n1,2\n").Problems);
        Assert.Equal(ProblemCodes.HeaderNotFound, problem.Code);
        Assert.Equal("Sheet1", problem.Sheet);
        Assert.Null(problem.Row);
        Assert.StartsWith("No sheet ('Sheet1') has, in its first 30 rows, a header naming the unit (Tỉnh, thành phố, Tỉnh/thành phố, Tỉnh, TP, ...) and the PAR INDEX", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not a zip file but says xlsx", "broken.xlsx", "HEADER_NOT_FOUND")]
    [InlineData("PK\u0003\u0004 truncated", "broken.xlsx", "CORRUPT")]
    public void Bytes_that_are_not_a_workbook_are_rejected_by_what_they_are(string content, string name, string code)
    {
        var problem = Assert.Single(Parse($"PAR/2023/{name}", Encoding.Latin1.GetBytes(content)).Problems);
        Assert.Equal(code, problem.Code);
    }

    [Fact]
    public void Binary_bytes_are_NOT_A_SPREADSHEET()
    {
        var problem = Assert.Single(Parse("PAR/2023/photo.xlsx", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).Problems);
        Assert.Equal(ProblemCodes.NotASpreadsheet, problem.Code);
        Assert.Equal("photo.xlsx is not a spreadsheet: the pipeline reads xlsx, xls and csv files.", problem.Message);
    }

    [Fact]
    public void The_old_xls_sample_is_read_from_its_BIFF8_bytes()
    {
        var table = Single(Parse(Samples.Par2021Xls, Samples.Bytes(Samples.Par2021Xls)));
        Assert.Equal(63, table.Units.Count);
        Assert.Equal((86.57, 34), (Unit(table, "08").Total, Unit(table, "08").PublishedRank));
        Assert.Equal(3, Unit(table, "48").PublishedRank);
    }

    [Fact]
    public void A_utf16_csv_with_its_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC"))).ToArray();
        Assert.Equal(63, Single(Parse("PAR/2023/utf16.csv", bytes)).Units.Count);
    }

    [Fact]
    public void Sheet_XML_with_a_document_type_declaration_is_refused_not_expanded()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
        var problem = Assert.Single(Parse("PAR/2023/dtd.xlsx", new XlsxBuilder().RawSheet("Sheet1", xml).Build()).Problems);
        Assert.Equal(ProblemCodes.Corrupt, problem.Code);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(2024)]
    [InlineData(31337)]
    public void A_compound_file_of_garbage_is_a_rejected_file_not_a_crash(int seed)
    {
        var random = new Random(seed);
        var garbage = new byte[4096];
        random.NextBytes(garbage);
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. garbage];
        var problem = Assert.Single(Parse("PAR/2023/garbage.xls", bytes).Problems);
        Assert.Equal(ProblemCodes.Corrupt, problem.Code);
        Assert.StartsWith("garbage.xls ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_xlsx_is_a_rejected_file()
    {
        var whole = Samples.Bytes(Samples.Par2023);
        var problem = Assert.Single(Parse("PAR/2023/truncated.xlsx", whole[..(whole.Length / 2)]).Problems);
        Assert.Equal(ProblemCodes.Corrupt, problem.Code);
    }
}
