using System.Text;
using ParPipeline.Reports;

namespace ParPipeline.Tests.Reports;

public sealed class SummaryCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Đà Nẵng", "Đà Nẵng")]
    [InlineData("Bộ Văn hóa, Thể thao và Du lịch", "\"Bộ Văn hóa, Thể thao và Du lịch\"")]
    public void Text_cells_that_a_spreadsheet_would_run_are_neutralised_and_quoted(string text, string expected) =>
        Assert.Equal(expected, SummaryCsv.Cell(text));

    [Fact]
    public void Numbers_are_never_prefixed_even_when_negative()
    {
        Assert.Equal(("-7", "-1.14", "88.68"), (SummaryCsv.Cell(-7), SummaryCsv.Cell(-1.14), SummaryCsv.Cell(88.68)));
        var bytes = SummaryCsv.Render(["Code", "Unit"], [["48", "=cmd|' /C calc'!A0"]]);
        Assert.Equal("Code,Unit\r\n48,'=cmd|' /C calc'!A0\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void The_Vietnamese_variant_quotes_for_semicolons_writes_decimal_commas_and_neutralises_alike()
    {
        Assert.Equal(("-7", "-1,14", "88,68", "Bộ Văn hóa, Thể thao và Du lịch", "\"a;b\"", "'=1+1"),
            (SummaryCsv.VietnameseCell(-7), SummaryCsv.VietnameseCell(-1.14), SummaryCsv.VietnameseCell(88.68),
             SummaryCsv.VietnameseCell("Bộ Văn hóa, Thể thao và Du lịch"), SummaryCsv.VietnameseCell("a;b"), SummaryCsv.VietnameseCell("=1+1")));
        var bytes = SummaryCsv.RenderVietnamese(["Code", "Unit", "Score"], [["48", "Đà Nẵng", 88.68], ["01", null, 90.0]]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Code;Unit;Score\r\n48;Đà Nẵng;88,68\r\n01;;90\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Empty_cells_a_leading_quote_and_line_breaks_are_written_as_a_spreadsheet_reads_them_back()
    {
        Assert.Equal(("", "", "\"\"\"quoted\"\" at the start\"", "\"two\r\nlines\"", "\"a\nb\"", "2.5", "3", "1"),
            (SummaryCsv.Cell(null), SummaryCsv.Cell(""), SummaryCsv.Cell("\"quoted\" at the start"), SummaryCsv.Cell("two\r\nlines"), SummaryCsv.Cell("a\nb"),
             SummaryCsv.Cell(2.5), SummaryCsv.Cell(3L), SummaryCsv.Cell(1.0)));
        Assert.Equal("", SummaryCsv.Neutralise(""));
        Assert.Equal(("", "Hanoi", "Hanoi and Hue", "Hanoi, Hue and Can Tho"),
            (EnglishText.List([]), EnglishText.List(["Hanoi"]), EnglishText.List(["Hanoi", "Hue"]), EnglishText.List(["Hanoi", "Hue", "Can Tho"])));
    }
}
