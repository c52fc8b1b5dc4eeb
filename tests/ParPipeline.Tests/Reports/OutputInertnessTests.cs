using AngleSharp.Html.Parser;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using Site = ParPipeline.Reports.Site;

namespace ParPipeline.Tests.Reports;

/// <summary>
/// "Output is inert", held where it could break: every page kind of the site rendered with markup in every text
/// it shows (no element the site's own markup does not use may appear), and the xlsx read back cell by cell with
/// the exact text a spreadsheet would show, not put through the neutraliser again.
/// </summary>
public sealed class OutputInertnessTests
{
    private const string HostileName = "<script>alert(1)</script>";

    private static UnitRanking Hostile() =>
        new("99", HostileName, 90, 1, 1, new Place("national", 90, 1, 1, "99", "x", 90, 0), new Place("<i>region</i>", 90, 1, 1, "99", "x", 90, 0), null,
            new Dictionary<string, Place> { ["<u>field</u>"] = new("national", 80, 2, 63, "99", "x", 80, 0) }, null, true, true, []);

    private static Site.SiteModel HostileSite(out Indices.IndexDefinition index)
    {
        index = Indices.IndexCatalog.LoadEmbedded().Find("PAR")!;
        var edition = new Site.SiteEdition(index, 2023, [Hostile()], new UnitNarrativeText("", "<b>overview</b>", "<svg onload=alert(1)>"),
            [new UnitNarrativeText("99", "<img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)>")]);
        return new Site.SiteModel([edition], ParPipeline.Units.Gazetteer.LoadEmbedded());
    }

    private static AngleSharp.Html.Dom.IHtmlDocument ParseCleanly(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e.Type);
        var page = parser.ParseDocument(html);
        Assert.Empty(errors);
        return page;
    }

    /// <summary>The elements the site's own markup uses; anything else on a page came from data.</summary>
    private static readonly HashSet<string> SiteElements =
        ["A", "ABBR", "B", "CAPTION", "CIRCLE", "DIV", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3", "HEADER", "LI", "LINE", "MAIN", "NAV", "OL", "P", "POLYLINE",
         "RECT", "SECTION", "SPAN", "STRONG", "SVG", "TABLE", "TBODY", "TD", "TEXT", "TH", "THEAD", "TITLE", "TR", "UL"];

    [Fact]
    public void A_unit_page_shows_every_hostile_text_as_text_and_runs_none_of_it()
    {
        var model = HostileSite(out _);
        var vi = ParseCleanly(Site.UnitProfilePage.Render(new Site.SiteText(Site.SiteLanguage.Vi), model.KeyOf("99", ParPipeline.Units.UnitKind.Province, 2023), model));
        var en = ParseCleanly(Site.UnitProfilePage.Render(new Site.SiteText(Site.SiteLanguage.En), model.KeyOf("99", ParPipeline.Units.UnitKind.Province, 2023), model));

        foreach (var page in new[] { vi, en })
        {
            Assert.Empty(page.Body!.QuerySelectorAll("*").Select(e => e.TagName.ToUpperInvariant()).Where(t => !SiteElements.Contains(t)).Distinct());
            Assert.Equal(HostileName, page.QuerySelector("h1")!.TextContent);
            Assert.Equal("<i>region</i>", page.QuerySelectorAll("#par .facts li")[2].FirstChild!.TextContent);
        }
        Assert.Equal($"{HostileName}: Chỉ số CCHC", vi.Title);
        Assert.Equal("<iframe src=javascript:alert(1)>", vi.QuerySelector("#par p.lede")!.TextContent);
        Assert.Equal("<img src=x onerror=alert(1)>", en.QuerySelector("#par p.lede")!.TextContent);
    }

    [Fact]
    public void An_edition_page_and_the_home_page_show_every_hostile_text_as_text_and_run_none_of_it()
    {
        var model = HostileSite(out var index);
        var edition = ParseCleanly(Site.EditionPage.Render(new Site.SiteText(Site.SiteLanguage.En), model.Editions[0], model));
        var home = ParseCleanly(Site.HomePage.Render(new Site.SiteText(Site.SiteLanguage.Vi), model));

        foreach (var page in new[] { edition, home })
        {
            Assert.Empty(page.Body!.QuerySelectorAll("*").Select(e => e.TagName.ToUpperInvariant()).Where(t => !SiteElements.Contains(t)).Distinct());
        }
        Assert.Equal("<b>overview</b>", edition.QuerySelector("p.lede")!.TextContent);
        Assert.Equal(HostileName, edition.QuerySelector("#table tbody tr td.t a")!.TextContent);
        Assert.Equal(HostileName, edition.QuerySelector(".bars li a")!.TextContent);
        Assert.Equal(HostileName, home.QuerySelector("#units li a")!.TextContent);
        Assert.Equal($"{index.ShortNameVi} năm 2023: <svg onload=alert(1)>", home.QuerySelector("#par li")!.TextContent);
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
