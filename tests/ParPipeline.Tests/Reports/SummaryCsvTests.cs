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
}
