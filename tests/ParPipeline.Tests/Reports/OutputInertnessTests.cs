using AngleSharp.Html.Parser;
using ParPipeline.Ranking;
using ParPipeline.Reports;

namespace ParPipeline.Tests.Reports;

/// <summary>
/// "Output is inert", held where it could break: the unit page (the summary page has its own test in
/// SummaryHtmlTests) rendered with markup in every text it shows, and the xlsx read back cell by cell with the
/// exact text a spreadsheet would show, not put through the neutraliser again.
/// </summary>
public sealed class OutputInertnessTests
{
    private const string HostileName = "<script>alert(1)</script>";

    private static UnitRanking Hostile() =>
        new("99", HostileName, 90, 1, 1, new Place("national", 90, 1, 1, "99", "x", 90, 0), new Place("<i>region</i>", 90, 1, 1, "99", "x", 90, 0), null,
            new Dictionary<string, Place> { ["<u>field</u>"] = new("national", 80, 2, 63, "99", "x", 80, 0) }, null, true, true, []);

    [Fact]
    public void A_unit_page_shows_every_hostile_text_as_text_and_runs_none_of_it()
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e.Type);
        var page = parser.ParseDocument(UnitPage.Html("PAR <b>INDEX</b>", 2023, Hostile(), new UnitNarrativeText("99", "<img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)>")));

        Assert.Empty(errors);
        Assert.Equal(["A"], page.Body!.QuerySelectorAll("*").Select(e => e.TagName).Where(t => t is not ("H1" or "P" or "DL" or "DT" or "DD")).Distinct());
        Assert.Equal(HostileName, page.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{HostileName}: PAR <b>INDEX</b> 2023", page.Title);
        Assert.Equal("<i>region</i>: 1 of 1", page.QuerySelectorAll("dd")[2].TextContent);
        Assert.Equal("<u>field</u>", page.QuerySelectorAll("dt")[3].TextContent);
        Assert.Equal("<img src=x onerror=alert(1)>", page.QuerySelector("p[lang=en]")!.TextContent);
        Assert.Equal("<iframe src=javascript:alert(1)>", page.QuerySelector("p[lang=vi]")!.TextContent);
    }

    public static TheoryData<string, string> Neutralised() => new()
    {
        { "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0" },
        { "+1+1", "'+1+1" },
        { "-2+3", "'-2+3" },
        { "@SUM(A1)", "'@SUM(A1)" },
        { "\t=1+1", "'\t=1+1" },
        { "\r=1+1", "'\r=1+1" },
        { "Đà Nẵng", "Đà Nẵng" },
        { "a=1", "a=1" },
    };

    [Theory]
    [MemberData(nameof(Neutralised))]
    public async Task An_xlsx_cell_reads_back_as_exactly_the_neutralised_text(string text, string shown)
    {
        var bytes = await SummaryXlsx.RenderAsync(["Unit", "Score", "Change"], [[text, 88.68, -1.14]], "PAR 2023", CancellationToken.None);
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        Assert.True(reader.Read());
        Assert.Equal(["Unit", "Score", "Change"], Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)));
        Assert.True(reader.Read());
        // Numbers stay numbers (a negative change is never prefixed); text is exactly what a person sees. MiniExcel
        // writes a carriage return raw, and XML reads a bare CR as LF (XML 1.0 §2.11): the cell still starts with '.
        Assert.Equal([shown.Replace('\r', '\n'), 88.68, -1.14], Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)));
        Assert.False(reader.Read());
    }

    [Theory]
    [MemberData(nameof(Neutralised))]
    public void A_csv_cell_is_the_same_neutralised_text_quoted_where_RFC_4180_needs_it(string text, string shown) =>
        Assert.Equal(shown.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{shown.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : shown, SummaryCsv.Cell(text));
}
