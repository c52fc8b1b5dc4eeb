using ParPipeline.Reports.Site;
using ParPipeline.Units;

namespace ParPipeline.Tests.Reports;

/// <summary>
/// The site's plain parts, without storage or a browser: how numbers and words are written in each language,
/// relative links, map labels and the tile grid. Small and fast, so mutation testing can run them per mutant.
/// </summary>
public sealed class SitePartsTests
{
    private static readonly SiteText Vi = new(SiteLanguage.Vi);
    private static readonly SiteText En = new(SiteLanguage.En);

    [Theory]
    [InlineData(88.68, "88,68", "88.68")]
    [InlineData(88.5, "88,50", "88.50")]
    [InlineData(0, "0,00", "0.00")]
    [InlineData(100, "100,00", "100.00")]
    public void Scores_have_two_decimals_with_a_comma_in_Vietnamese(double score, string vi, string en) =>
        Assert.Equal((vi, en), (Vi.Score(score), En.Score(score)));

    [Theory]
    [InlineData(1.14, "+1,14", "+1.14")]
    [InlineData(-1.14, "\u22121,14", "\u22121.14")]
    [InlineData(0.004, "0,00", "0.00")]
    [InlineData(-0.004, "0,00", "0.00")]
    [InlineData(0.005, "+0,01", "+0.01")]
    [InlineData(-0.005, "\u22120,01", "\u22120.01")]
    public void Changes_are_signed_with_a_true_minus_and_zero_has_no_sign(double change, string vi, string en) =>
        Assert.Equal((vi, en), (Vi.Change(change), En.Change(change)));

    [Theory]
    [InlineData(7, "+7 bậc", "+7 places")]
    [InlineData(-7, "\u22127 bậc", "\u22127 places")]
    [InlineData(1, "+1 bậc", "+1 place")]
    [InlineData(-1, "\u22121 bậc", "\u22121 place")]
    [InlineData(0, "không đổi", "no change")]
    public void Places_are_signed_and_counted(int change, string vi, string en) =>
        Assert.Equal((vi, en), (Vi.Places(change), En.Places(change)));

    [Fact]
    public void Ranks_read_as_the_language_writes_them_and_tags_and_choices_follow_the_language()
    {
        Assert.Equal(("12/63", "12 of 63"), (Vi.RankOf(12, 63), En.RankOf(12, 63)));
        Assert.Equal(("vi", "en"), (Vi.Tag, En.Tag));
        Assert.Equal(("một", "one"), (Vi.T("một", "one"), En.T("một", "one")));
        Assert.True(Vi.Vi);
        Assert.False(En.Vi);
        Assert.Equal("−", SiteText.Minus.ToString());
    }

    [Theory]
    [InlineData("Đà Nẵng", "Đà Nẵng")]
    [InlineData("<b>&\"'</b>", "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;")]
    [InlineData("a > b", "a &gt; b")]
    [InlineData("", "")]
    public void Text_is_escaped_for_elements_and_attributes_and_Vietnamese_stays_as_it_is(string text, string escaped) =>
        Assert.Equal(escaped, SiteText.E(text));

    [Fact]
    public void A_scroll_box_is_a_focusable_labelled_region()
    {
        Assert.Equal("<section class=\"scroll\" tabindex=\"0\" aria-label=\"A &amp; B\">", SiteText.ScrollBox("A & B"));
        Assert.Equal("</section>", SiteText.ScrollBoxEnd);
    }

    [Fact]
    public void Pages_have_one_path_per_language()
    {
        Assert.Equal(("index.html", "index.en.html"), (SitePaths.Home(SiteLanguage.Vi), SitePaths.Home(SiteLanguage.En)));
        Assert.Equal(("PAR/2023/index.html", "PAR/2023/index.en.html"), (SitePaths.Edition("PAR", 2023, SiteLanguage.Vi), SitePaths.Edition("PAR", 2023, SiteLanguage.En)));
        Assert.Equal(("units/48-2025.html", "units/48-2025.en.html"), (SitePaths.Unit("48-2025", SiteLanguage.Vi), SitePaths.Unit("48-2025", SiteLanguage.En)));
        Assert.Equal("PAR/2023/summary.vi.csv", SitePaths.Download("PAR", 2023, "summary.vi.csv"));
    }

    [Theory]
    [InlineData("index.html", "units/48.html", "units/48.html")]
    [InlineData("units/48.html", "units/49.html", "49.html")]
    [InlineData("units/48.html", "PAR/2023/index.html", "../PAR/2023/index.html")]
    [InlineData("PAR/2023/index.html", "PAR/2022/index.html", "../2022/index.html")]
    [InlineData("PAR/2023/index.html", "PAR/2023/summary.csv", "summary.csv")]
    [InlineData("PAR/2023/index.html", "site.css", "../../site.css")]
    [InlineData("PAR/2023/index.html", "PAR-MINISTRIES/2023/index.html", "../../PAR-MINISTRIES/2023/index.html")]
    [InlineData("a/b/c.html", "a/b", "../b")]
    [InlineData("a/b/c/d.html", "a/b", "../../b")]
    public void Links_are_the_shortest_relative_path(string from, string to, string link) => Assert.Equal(link, SitePaths.Link(from, to));

    [Fact]
    public void The_tile_grid_places_every_unit_of_each_era_once_and_labels_are_unique_within_an_era()
    {
        var gazetteer = Gazetteer.LoadEmbedded();
        foreach (var year in new[] { 2024, 2025 })
        {
            var cells = TileGrid.Embedded.Era(year).ToList();
            Assert.Equal(gazetteer.UnitsFor(UnitKind.Province, year).Select(u => u.Code).Order(StringComparer.Ordinal), cells.Select(c => c.Code).Order(StringComparer.Ordinal));
            Assert.Equal(cells.Count, cells.Select(c => (c.Col, c.Row)).Distinct().Count());
            var labels = UnitLabels.For(gazetteer.UnitsFor(UnitKind.Province, year).Select(u => (u.Code, u.NameVi)));
            Assert.Equal(labels.Count, labels.Values.Distinct().Count());
        }
        // Neighbours stay neighbours: Hà Nội touches Hà Nam's row, Hồ Chí Minh is south of Đà Nẵng, Cà Mau last.
        var grid = TileGrid.Embedded;
        Assert.True(grid.Cell(2023, "79")!.Value.Row > grid.Cell(2023, "48")!.Value.Row);
        Assert.Equal(TileGrid.Embedded.Era(2023).Max(c => c.Row), grid.Cell(2023, "96")!.Value.Row);
        Assert.Equal(0, grid.Cell(2025, "12")!.Value.Row);
        Assert.Equal("HN", UnitLabels.For([("01", "Hà Nội"), ("35", "Hà Nam")])["01"]);
        Assert.Equal("HNa", UnitLabels.For([("01", "Hà Nội"), ("35", "Hà Nam")])["35"]);
        Assert.Equal(["QN", "QNa", "QNg"], UnitLabels.For([("22", "Quảng Ninh"), ("49", "Quảng Nam"), ("51", "Quảng Ngãi")]).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Value));
        Assert.Equal("BRVT", UnitLabels.For([("77", "Bà Rịa - Vũng Tàu")])["77"]);
    }

    [Theory]
    [InlineData(2021, 2024)]
    [InlineData(2024, 2024)]
    [InlineData(2025, 2025)]
    [InlineData(2026, 2025)]
    public void A_year_uses_the_layout_of_its_era(int year, int era)
    {
        Assert.Equal(era, TileGrid.EraOf(year));
        Assert.Equal(era == 2025 ? 34 : 63, TileGrid.Embedded.Era(year).Count());
        Assert.Null(TileGrid.Embedded.Cell(year, "99"));
    }

    [Fact]
    public void Labels_that_would_collide_spell_more_of_the_last_word_then_of_the_first_then_use_the_code()
    {
        Assert.Equal(["AC", "ACd", "ACdg"], UnitLabels.For([("01", "Ab Cde"), ("02", "Ab Cdf"), ("03", "Ab Cdg")]).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Value));
        Assert.Equal(["AC", "ACd", "AbC", "AbCd", "05"], UnitLabels.For([("01", "Ab Cd"), ("02", "Ab Cd"), ("03", "Ab Cd"), ("04", "Ab Cd"), ("05", "Ab Cd")])
            .OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Value));
        // Middle words keep one letter however many the last word spells.
        Assert.Equal(["ACE", "ACEf"], UnitLabels.For([("01", "Ab Cd Ef"), ("02", "Ab Cd Ef")]).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Value));
        Assert.Equal("H", UnitLabels.For([("46", "Huế")])["46"]);
    }
}
