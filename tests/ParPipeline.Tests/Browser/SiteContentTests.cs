using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ParPipeline.Reports.Site;
using ParPipeline.Units;

namespace ParPipeline.Tests.Browser;

/// <summary>
/// What the published pages say, read from the files the publisher wrote: numbers one way in each language,
/// regions north to south, honest words where there is no earlier year, the maps of 63 and 34 units with every
/// square linked, and each unit page's profile.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SiteContentTests(SiteFixture site)
{
    private IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.ReportsFolder, path)));

    private static List<string> Cells(IHtmlDocument page, string unit) =>
        [.. page.QuerySelectorAll("#table tbody tr").Single(r => r.Children[1].TextContent == unit).Children.Select(c => c.TextContent)];

    [Fact]
    public void Numbers_are_written_one_way_in_each_language_with_decimal_commas_in_Vietnamese_and_a_true_minus()
    {
        Assert.Equal(["12", "Đà Nẵng", "88,68", "Bắc Trung Bộ và duyên hải miền Trung", "1/14", "+1,14", "−7 bậc", "5/63", "56,00", "15", "32,68", "25"],
            Cells(Page("PAR/2023/index.html"), "Đà Nẵng"));
        Assert.Equal(["12", "Da Nang", "88.68", "North Central and Central Coastal region", "1 of 14", "+1.14", "−7 places", "5 of 63", "56.00", "15", "32.68", "25"],
            Cells(Page("PAR/2023/index.en.html"), "Da Nang"));
        var bar = Page("PAR/2023/index.html").QuerySelectorAll("#ranking .bars li")[11];
        Assert.Equal(("12. Đà Nẵng", "88,68"), (bar.QuerySelector(".name")!.TextContent, bar.QuerySelector(".val")!.TextContent));
        Assert.Equal("5 → 12 (−7 places), +1.14", Page("PAR/2023/index.en.html").QuerySelectorAll("#movement .moves li")[11].QuerySelector(".what")!.TextContent);
    }

    [Fact]
    public void Regions_are_listed_north_to_south_and_units_by_Vietnamese_collation()
    {
        var gazetteer = Gazetteer.LoadEmbedded();
        Assert.Equal(gazetteer.Regions.Select(r => r.NameVi).Append("Thành phố trực thuộc Trung ương"),
            Page("PAR/2023/index.html").QuerySelectorAll("#regions h3").Select(h => h.TextContent));
        Assert.Equal(gazetteer.Regions.Select(r => r.NameEn).Append("Centrally governed cities"),
            Page("PAR/2023/index.en.html").QuerySelectorAll("#regions h3").Select(h => h.TextContent));
        var home = Page("index.html");
        Assert.Equal(gazetteer.Regions.Select(r => r.NameVi).Append("Bộ, cơ quan ngang bộ"), home.QuerySelectorAll("#units h3").Select(h => h.TextContent));
        var mekong = home.QuerySelectorAll("#units div").Single(d => d.QuerySelector("h3")!.TextContent == "Đồng bằng sông Cửu Long").QuerySelectorAll("li").Select(l => l.TextContent).ToList();
        // Vietnamese order (Bạc Liêu before Bến Tre, Cà Mau before Cần Thơ, Đ after D); where two pages share a name, the era says which.
        var vi = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        Assert.Equal(mekong.Order(vi), mekong);
        Assert.Equal(["An Giang (đến 2024)", "An Giang (từ 2025)", "Bạc Liêu", "Bến Tre", "Cà Mau (đến 2024)", "Cà Mau (từ 2025)", "Cần Thơ (đến 2024)", "Cần Thơ (từ 2025)"], mekong[..8]);
        Assert.Contains("Hậu Giang", mekong);
        Assert.Contains("Kiên Giang (đến 2024)", mekong);
    }

    [Fact]
    public void No_earlier_year_is_called_a_first_year_only_when_the_index_began_that_year()
    {
        // PAR INDEX began with 2012; the earliest PAR in the data is 2021, the earliest SIPAS 2022 (SIPAS began 2017).
        var par2021 = Page("PAR/2021/index.html");
        Assert.Equal("Dữ liệu chưa có năm trước để so sánh thứ hạng.", par2021.QuerySelector("p.note")!.TextContent);
        Assert.Equal("chưa có năm trước trong dữ liệu", Cells(par2021, "Đà Nẵng")[5]);
        Assert.Equal("no earlier year in the data", Cells(Page("SIPAS/2022/index.en.html"), "Da Nang")[5]);
        Assert.DoesNotContain("first year", File.ReadAllText(Path.Combine(site.ReportsFolder, "PAR", "2021", "index.en.html")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("năm đầu tiên", File.ReadAllText(Path.Combine(site.ReportsFolder, "PAR", "2021", "index.html")), StringComparison.Ordinal);
        Assert.Equal("merged in 2025, not comparable with the year before", Cells(Page("PAR/2025/index.en.html"), "Tuyen Quang")[5]);
        var ministry = Page("units/MOJ.en.html");
        Assert.Equal("no earlier year in the data", ministry.QuerySelectorAll("#par-ministries .facts li").Last().LastChild!.TextContent);

        var began = new SiteEdition(ParPipeline.Indices.IndexCatalog.LoadEmbedded().Find("SIPAS")!, 2017, [], null, []);
        Assert.True(began.IndexBeganThisYear);
        Assert.False(began with { Year = 2018 } is { IndexBeganThisYear: true });
    }

    [Theory]
    [InlineData("PAR/2023/index.html", 63)]
    [InlineData("PAR/2025/index.en.html", 34)]
    public void The_maps_show_every_unit_of_the_era_linked_to_its_page_with_a_legend_that_counts_them_all(string path, int units)
    {
        var page = Page(path);
        foreach (var map in new[] { "map-q", "map-m" })
        {
            var tiles = page.QuerySelectorAll($"svg#{map} a").ToList();
            Assert.Equal(units, tiles.Count);
            Assert.Equal(units, tiles.Select(a => a.GetAttribute("href")).Distinct().Count());
            Assert.All(tiles, a => Assert.Matches(units == 63 ? @"^\.\./\.\./units/\d\d(\.en)?\.html$" : @"^\.\./\.\./units/\d\d(-2025)?(\.en)?\.html$", a.GetAttribute("href")!));
            Assert.All(tiles, a => Assert.Equal(2, a.QuerySelectorAll("text").Length));
        }
        var quartiles = page.QuerySelector("svg#map-q")!.ParentElement!.QuerySelectorAll(".legend li").Select(l => l.TextContent).ToList();
        Assert.Equal(4, quartiles.Count);
        var moves = page.QuerySelector("svg#map-m")!.ParentElement!.QuerySelectorAll(".legend li").Select(l => int.Parse(l.TextContent[(l.TextContent.LastIndexOf('(') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(units, moves.Sum());
    }

    [Fact]
    public void A_unit_page_profiles_the_unit_across_indices_years_peers_and_the_reorganisation()
    {
        var daNang = Page("units/48.en.html");
        Assert.Equal("Da Nang (to 2024)", daNang.QuerySelector("h1")!.TextContent);
        Assert.Equal(["par", "sipas"], daNang.QuerySelectorAll("main > section").Select(s => s.Id));
        Assert.Equal(["2024", "2023", "2022", "2021"], daNang.QuerySelectorAll("#par table").First().QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent));
        Assert.Equal(4, daNang.QuerySelectorAll("#par svg.trend circle").Length);
        Assert.Equal(2, daNang.QuerySelectorAll("#sipas svg.trend circle").Length);
        Assert.Equal("Since 1 July 2025 part of Da Nang.", daNang.QuerySelector("p.note")!.TextContent);
        Assert.Equal("48-2025.en.html", daNang.QuerySelector("p.note a")!.GetAttribute("href"));
        // Components of the latest year that has them (the 2024 table gives only totals).
        Assert.Equal("2023: each component's score, maximum and rank", daNang.QuerySelectorAll("#par table caption")[1].TextContent);
        Assert.Equal(["Appraisal score", "56.00", "100.00", "15 of 63", "−2.88", "–"], daNang.QuerySelectorAll("#par table")[1].QuerySelectorAll("tbody tr")[0].Children.Select(c => c.TextContent));
        var peers = daNang.QuerySelectorAll("#par .cols table").ToList();
        Assert.Equal(2, peers.Count);
        Assert.Equal("Da Nang", peers[1].QuerySelector("strong[aria-current=page]")!.TextContent);

        var merged = Page("units/48-2025.en.html");
        Assert.Equal("Da Nang (from 2025)", merged.QuerySelector("h1")!.TextContent);
        Assert.Equal(["par"], merged.QuerySelectorAll("main > section").Select(s => s.Id));
        Assert.Equal("Since 1 July 2025 formed from: Da Nang, Quang Nam. Results from 2025 are not directly comparable with earlier years.",
            merged.QuerySelector("p.note")!.TextContent);
        Assert.Equal(["48.en.html", "49.en.html"], merged.QuerySelectorAll("p.note a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Da Nang", "Quang Nam"], merged.QuerySelectorAll("#par h3 + ul li a").Select(a => a.TextContent));
        Assert.Equal("merged in 2025, not comparable with the year before", merged.QuerySelectorAll("#par .facts li").Last().LastChild!.TextContent);
        // Its predecessors by name, also the one that ended with 2024.
        Assert.Contains("; formed on 1 July 2025 from Da Nang and Quang Nam, it has no like-for-like result for 2024 (Da Nang ",
            merged.QuerySelector("#par p.lede")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("formed on 1 July 2025 from Ha Giang and Tuyen Quang", Page("units/08-2025.en.html").QuerySelector("#par p.lede")!.TextContent, StringComparison.Ordinal);

        // The 2023 criteria annex, ranked criterion by criterion, in natural order. Đà Nẵng (48): 0.5 + (336 + 3i) % 10 / 4.
        var criteria = daNang.QuerySelectorAll("#par table").Single(t => t.QuerySelector("caption")!.TextContent == "2023: score and rank on each criterion");
        Assert.Equal(["1.1", "1.2", "1.10"], criteria.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent));
        Assert.Equal(["1.1", "2.75", "1 of 63", "2.75", "leads"], criteria.QuerySelectorAll("tbody tr")[0].Children.Select(c => c.TextContent));
        // Where points were lost: behind the leader on 1.2 (1.00 vs 2.75) and 1.10 (1.75); since 2022 (0.75, 2.00, 0.75)
        // 1.2 fell by 1.00 while 1.1 rose by 2.00 and 1.10 by 1.00.
        Assert.Equal(["Furthest behind the leader: 1.2 (−1.75), 1.10 (−1.00).", "Lost most since 2022: 1.2 (−1.00).", "Gained most: 1.1 (+2.00), 1.10 (+1.00)."],
            daNang.QuerySelectorAll("#par ul.lost li").Select(l => l.TextContent));
        Assert.Equal("Cách đơn vị dẫn đầu xa nhất ở: 1.2 (−1,75), 1.10 (−1,00).", Page("units/48.html").QuerySelector("#par ul.lost li")!.TextContent);
        Assert.DoesNotContain(Page("units/48-2025.en.html").QuerySelectorAll("#par table caption"), c => c.TextContent.Contains("criterion", StringComparison.Ordinal));

        // The 2023 narrative says where Đà Nẵng's 1.14 points came from: 1.1 alone (+2.00) is more than half of them.
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(site.ReportsFolder, "PAR", "2023", "units", "48.json")));
        var narrative = json.RootElement.GetProperty("narrative");
        Assert.Contains(" Of the 1.14 points gained, most came from 1.1 (+2.00), while 1.2 (−1.00) lost the most. ", narrative.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Contains(" Trong 1,14 điểm tăng thêm, phần lớn đến từ 1.1 (+2,00), trong khi 1.2 (−1,00) giảm nhiều nhất. ", narrative.GetProperty("vi").GetString(), StringComparison.Ordinal);
        // No annex for 2024: that year's narrative says nothing of criteria.
        using var later = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(site.ReportsFolder, "PAR", "2024", "units", "48.json")));
        Assert.DoesNotContain("points gained, ", later.RootElement.GetProperty("narrative").GetProperty("en").GetString(), StringComparison.Ordinal);

        var quangNam = Page("units/49.html");
        Assert.Equal("Từ ngày 01/07/2025 thuộc Đà Nẵng.", quangNam.QuerySelector("p.note")!.TextContent);
        Assert.Equal("48-2025.html", quangNam.QuerySelector("p.note a")!.GetAttribute("href"));
        var caoBang = Page("units/04.en.html");
        Assert.Equal("Cao Bang", caoBang.QuerySelector("h1")!.TextContent);
        Assert.Equal(["2025", "2024", "2023", "2022", "2021"], caoBang.QuerySelectorAll("#par table").First().QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent));
    }
}
