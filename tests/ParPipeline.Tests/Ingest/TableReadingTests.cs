using System.Globalization;
using ParPipeline.Ingest;
using ParPipeline.Local;
using ParPipeline.Tests.Infrastructure;
using ParPipeline.Tests.Ingest.Office;

namespace ParPipeline.Tests.Ingest;

/// <summary>
/// What reading a sheet's table tells the sender, word for word, at the edges: the thousand problems listed and what is
/// said of the rest, a score at 0 and at the maximum, the places a published rank column is written as, hidden rows past
/// the twenty listed, and a file that names no index.
/// </summary>
public sealed class TableReadingTests
{
    private static readonly List<(ParPipeline.Units.Unit Unit, double Score)> Provinces = ProvinceTable.Scores();

    private static string Unknown(int count, int from = 1) =>
        "\"Tỉnh, thành phố\",Chỉ số CCHC\n" + string.Concat(Enumerable.Range(from, count).Select(i => $"Atlantis {i},90\n"));

    private static string Line(IngestProblem p) => $"{p.Code} {p.Sheet}!{p.Cell} {p.Message} | {p.MessageVi}";

    private static string UnknownLine(string sheet, int row, int atlantis) =>
        $"UNKNOWN_UNIT {sheet}!A{row} 'Atlantis {atlantis}' is not a known province or city of 2023. | 'Atlantis {atlantis}' không phải là tỉnh, thành phố nào của năm 2023.";

    [Theory]
    [InlineData(999)]
    [InlineData(1000)]
    public void Up_to_a_thousand_problems_are_all_listed_and_nothing_more_is_said(int count)
    {
        var parsed = DropParser.Parse("PAR/2023/par.csv", Unknown(count));
        Assert.Equal(Enumerable.Range(1, count).Select(i => UnknownLine("Sheet1", i + 1, i)), parsed.Problems.Select(Line));
    }

    [Fact]
    public void Past_a_thousand_on_one_sheet_that_read_to_its_end_the_rest_are_counted()
    {
        var parsed = DropParser.Parse("PAR/2023/par.csv", Unknown(1001));
        Assert.Equal(1001, parsed.Problems.Count);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => UnknownLine("Sheet1", i + 1, i)), parsed.Problems.Take(1000).Select(Line));
        Assert.Equal("TOO_MANY_PROBLEMS ! 1 more problems are not listed. | Còn 1 lỗi khác không được liệt kê.", Line(parsed.Problems[^1]));
    }

    [Fact]
    public void Past_a_thousand_on_one_sheet_reading_stops_and_says_at_which_row()
    {
        var parsed = DropParser.Parse("PAR/2023/par.csv", Unknown(1500));
        Assert.Equal(1001, parsed.Problems.Count);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => UnknownLine("Sheet1", i + 1, i)), parsed.Problems.Take(1000).Select(Line));
        Assert.Equal(
            "TOO_MANY_PROBLEMS Sheet1!1003 More than 1,000 problems: reading stopped at row 1003 of 'Sheet1', and the rows after it were not checked. Fix the problems listed and drop the file again. | Có hơn 1,000 lỗi: dừng đọc tại dòng 1003 của trang 'Sheet1', các dòng sau chưa được kiểm tra. Sửa các lỗi đã liệt kê rồi gửi lại tệp.",
            Line(parsed.Problems[^1]));
    }

    [Fact]
    public void Past_a_thousand_over_sheets_each_under_it_the_first_thousand_are_listed_and_the_rest_counted()
    {
        var workbook = new ExcelStyleWorkbook()
            .Sheet("A", [["Tỉnh, thành phố", "Chỉ số CCHC"], .. Enumerable.Range(1, 600).Select(i => new XCell?[] { $"Atlantis {i}", 90.0 })])
            .Sheet("B", [["Tỉnh, thành phố", "Chỉ số CCHC"], .. Enumerable.Range(601, 600).Select(i => new XCell?[] { $"Atlantis {i}", 90.0 })]);
        var parsed = DropParser.Parse("PAR/2023/par.xlsx", workbook.Build());
        Assert.Equal(
            [.. Enumerable.Range(1, 600).Select(i => UnknownLine("A", i + 1, i)), .. Enumerable.Range(601, 400).Select(i => UnknownLine("B", i - 599, i)),
                "TOO_MANY_PROBLEMS ! 200 more problems are not listed. | Còn 200 lỗi khác không được liệt kê."],
            parsed.Problems.Select(Line));
    }

    [Fact]
    public void A_score_of_0_or_of_the_maximum_is_a_score_and_one_past_either_is_refused_at_its_cell()
    {
        string Csv(string first, string second) => "\"Tỉnh, thành phố\",Chỉ số CCHC\n" + string.Concat(Provinces.Select((p, i) =>
            $"\"{p.Unit.NameVi}\",{(i == 0 ? first : i == 1 ? second : p.Score.ToString(CultureInfo.InvariantCulture))}\n"));
        var table = Assert.Single(DropParser.Parse("PAR/2023/par.csv", Csv("0", "100")).Tables);
        Assert.Equal((0.0, 100.0), (table.Units[0].Total, table.Units[1].Total));
        Assert.Equal(
            [
                "SCORE_OUT_OF_RANGE Sheet1!B2 PAR INDEX of Hà Nội: -0.01 is outside 0..100. | Chỉ số CCHC của Hà Nội: -0.01 nằm ngoài khoảng 0..100.",
                "SCORE_OUT_OF_RANGE Sheet1!B3 PAR INDEX of Hà Giang: 100.01 is outside 0..100. | Chỉ số CCHC của Hà Giang: 100.01 nằm ngoài khoảng 0..100.",
            ],
            DropParser.Parse("PAR/2023/par.csv", Csv("-0.01", "100.01")).Problems.Select(Line));
    }

    [Fact]
    public void An_error_written_as_text_in_a_csv_is_named_as_the_error_it_is()
    {
        var csv = "\"Tỉnh, thành phố\",Chỉ số CCHC\n" + string.Concat(Provinces.Select((p, i) =>
            $"\"{p.Unit.NameVi}\",{(i == 1 ? "#N/A" : p.Score.ToString(CultureInfo.InvariantCulture))}\n"));
        var problem = Assert.Single(DropParser.Parse("PAR/2023/par.csv", csv).Problems);
        Assert.Equal(
            "EXCEL_ERROR Sheet1!B3 PAR INDEX of Hà Giang: the cell holds the Excel error #N/A, not a score. | Chỉ số CCHC của Hà Giang: ô chứa lỗi Excel #N/A, không phải điểm số.",
            Line(problem));
        Assert.Equal("#N/A", problem.Found);
    }

    [Fact]
    public void Parts_that_do_not_add_up_on_a_part_sheet_are_named_at_that_sheet()
    {
        XCell?[] Row((ParPipeline.Units.Unit Unit, double Score) p, int i) =>
            [p.Unit.NameVi, 60.0, i == 40 ? 20.0 : 30.0, 90.0];
        XCell?[] header = ["Tỉnh", "Điểm thẩm định", "Điểm điều tra XHH", "Chỉ số CCHC"];
        var workbook = new ExcelStyleWorkbook()
            .Sheet("Miền Bắc", [header, .. Provinces.Take(30).Select((p, i) => Row(p, i))])
            .Sheet("Miền Nam", [header, .. Provinces.Skip(30).Select((p, i) => Row(p, i + 30))]);
        var problem = Assert.Single(DropParser.Parse("PAR/2023/par.xlsx", workbook.Build()).Problems);
        Assert.Equal(
            $"COMPONENTS_DO_NOT_SUM Miền Nam!D12 {Provinces[40].Unit.NameVi}: appraisal score 60.00 + sociological survey score 20.00 = 80.00, but the PAR INDEX is 90.00. | {Provinces[40].Unit.NameVi}: điểm thẩm định 60.00 + điểm điều tra xã hội học 20.00 = 80.00, nhưng Chỉ số CCHC là 90.00.",
            Line(problem));
    }

    [Fact]
    public void A_published_rank_is_the_place_written_and_what_is_no_place_is_none()
    {
        string[] written = ["1", "15-16", "12/63", "12 of 63", " 7 ", "0", "12.5", "-3", "x12", "", "3.0"];
        int?[] read = [1, 15, 12, 12, 7, null, null, null, null, null, 3];
        var csv = "\"Tỉnh, thành phố\",Chỉ số CCHC,Xếp hạng\n" + string.Concat(Provinces.Select((p, i) =>
            $"\"{p.Unit.NameVi}\",{p.Score.ToString(CultureInfo.InvariantCulture)},\"{(i < written.Length ? written[i] : (i + 1).ToString(CultureInfo.InvariantCulture))}\"\n"));
        var table = Assert.Single(DropParser.Parse("PAR/2023/par.csv", csv).Tables);
        Assert.Equal(read, table.Units.Take(written.Length).Select(u => u.PublishedRank));
        Assert.Equal(Enumerable.Range(written.Length + 1, 63 - written.Length).Select(i => (int?)i), table.Units.Skip(written.Length).Select(u => u.PublishedRank));
    }

    [Fact]
    public void Hidden_rows_past_twenty_are_counted_and_the_first_twenty_listed_and_a_hidden_sheet_said_in_both_languages()
    {
        XCell?[][] rows = [["Tỉnh, thành phố", "Chỉ số CCHC"], .. Provinces.Select(p => new XCell?[] { p.Unit.NameVi, p.Score })];
        var twenty = string.Join(", ", Enumerable.Range(2, 20));
        var table = Assert.Single(DropParser.Parse("PAR/2023/par.xlsx", new ExcelStyleWorkbook().Sheet("PAR 2023", rows, hidden: true, hiddenRows: Enumerable.Range(2, 21)).Build()).Tables);
        Assert.Equal(
            [
                $"HIDDEN_ROWS PAR 2023!2 21 hidden row(s) of sheet 'PAR 2023' were read ({twenty}, …): a hidden row is often a deleted one; if one should not count, delete it and drop the file again. | Đã đọc 21 dòng ẩn của trang 'PAR 2023' ({twenty}, …): dòng ẩn thường là dòng đã bỏ; nếu dòng nào không được tính, hãy xoá hẳn rồi gửi lại tệp.",
                "HIDDEN_SHEET PAR 2023! Sheet 'PAR 2023' is hidden in the workbook; its table was read. | Trang 'PAR 2023' đang bị ẩn trong tệp; bảng của trang này đã được đọc.",
            ],
            table.Warnings.Select(Line));
        table = Assert.Single(DropParser.Parse("PAR/2023/par.xlsx", new ExcelStyleWorkbook().Sheet("PAR 2023", rows, hiddenRows: Enumerable.Range(2, 20)).Build()).Tables);
        Assert.Equal(
            [$"HIDDEN_ROWS PAR 2023!2 20 hidden row(s) of sheet 'PAR 2023' were read ({twenty}): a hidden row is often a deleted one; if one should not count, delete it and drop the file again. | Đã đọc 20 dòng ẩn của trang 'PAR 2023' ({twenty}): dòng ẩn thường là dòng đã bỏ; nếu dòng nào không được tính, hãy xoá hẳn rồi gửi lại tệp."],
            table.Warnings.Select(Line));
    }

    [Fact]
    public void A_file_that_names_no_index_in_its_path_or_title_is_told_the_indices_in_order_and_how_to_drop_it()
    {
        var problem = Assert.Single(DropParser.Parse("diem.csv", "Tỉnh,Điểm\nHà Nội,90\n").Problems);
        Assert.Equal(
            "UNRECOGNISED_FILE ! diem.csv: no sheet ('Sheet1') says which index it holds. Drop it as {index}/{year}/diem.csv with index one of PAPI, PAR, PAR-MINISTRIES, PCI, SIPAS, or give the sheet a title such as 'PAR INDEX 2023' or 'Chỉ số SIPAS năm 2023'. | diem.csv: không trang nào ('Sheet1') cho biết đây là chỉ số nào. Hãy gửi tệp vào {chỉ số}/{năm}/diem.csv với chỉ số là một trong PAPI, PAR, PAR-MINISTRIES, PCI, SIPAS, hoặc đặt tiêu đề trang tính như 'Chỉ số CCHC năm 2023' hay 'Chỉ số SIPAS năm 2023'.",
            Line(problem));
    }
}
