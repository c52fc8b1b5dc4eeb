using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ParPipeline.Tests.Browser;

/// <summary>
/// The reports site in Debian's Chromium, as a journalist or a provincial official opens it: at phone width
/// nothing scrolls sideways, no console errors, axe-core finds no violations, the table sorts and filters, the
/// language switch goes to the same page in the other language, print fits A4, and the pages are complete
/// without JavaScript. Screenshots of each page type go to .local/screenshots/.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SiteBrowserTests(SiteFixture site, ITestOutputHelper output)
{
    /// <summary>One page of each type: home, a provinces' edition, the first edition of the 34 units, the ministries', a unit, a merged unit.</summary>
    public static TheoryData<string, string> PageTypes() => new()
    {
        { "home", "index.html" },
        { "edition", "PAR/2023/index.html" },
        { "edition-2025", "PAR/2025/index.html" },
        { "edition-ministries", "PAR-MINISTRIES/2023/index.en.html" },
        { "unit", "units/48.html" },
        { "unit-merged", "units/08-2025.en.html" },
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task At_phone_width_a_page_never_scrolls_sideways_and_logs_no_error(string type, string path)
    {
        var (page, errors) = await site.OpenAsync(path, width: 390, height: 844);

        var overflow = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, $"{type}-390.png"), FullPage = true });
        output.WriteLine($"{path}: screenshot {Path.Combine(site.ScreenshotFolder, $"{type}-390.png")}");

        Assert.Empty(errors);
        Assert.True(overflow[0] <= overflow[1], $"{path} is {overflow[0]} px wide at {overflow[1]} px: {string.Join(", ", wide)}");
        Assert.Empty(wide);
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Axe_core_finds_no_accessibility_violation_at_desktop_or_phone_width(string type, string path)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            var (page, errors) = await site.OpenAsync(path, width: width);
            if (width == 1280)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, $"{type}-1280.png"), FullPage = true });
            }
            var result = await page.RunAxe();
            Assert.Empty(errors);
            Assert.True(result.Violations.Length == 0, $"{path} at {width} px: " + string.Join("; ", result.Violations.Select(v =>
                $"{v.Id} ({v.Impact}) {v.Help}: {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
            Assert.True(result.Passes.Length > 10, $"axe ran {result.Passes.Length} passing rules on {path}");
        }
    }

    [Fact]
    public async Task The_full_table_sorts_by_a_column_both_ways_and_filters_by_name_without_diacritics()
    {
        var (page, errors) = await site.OpenAsync("PAR/2023/index.html");
        var table = page.Locator("#table table");
        async Task<List<string>> Column(int n) => [.. await table.Locator($"tbody tr:not([hidden]) td:nth-child({n})").AllTextContentsAsync()];

        Assert.Equal("1", (await Column(1))[0]);
        await table.Locator("thead th").Nth(2).GetByRole(AriaRole.Button).ClickAsync();
        var ascending = await Column(3);
        Assert.Equal("ascending", await table.Locator("thead th").Nth(2).GetAttributeAsync("aria-sort"));
        Assert.Equal(63, ascending.Count);
        Assert.Equal(ascending.OrderBy(s => double.Parse(s.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture)).ToList(), ascending);
        Assert.Equal("81,32", ascending[0]);
        await table.Locator("thead th").Nth(2).GetByRole(AriaRole.Button).ClickAsync();
        Assert.Equal("descending", await table.Locator("thead th").Nth(2).GetAttributeAsync("aria-sort"));
        Assert.Equal("92,18", (await Column(3))[0]);

        // Sorted by name, Vietnamese collation: Đ after D, not after Z.
        await table.Locator("thead th").Nth(1).GetByRole(AriaRole.Button).ClickAsync();
        var names = await Column(2);
        Assert.Equal(names.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true)), names);
        Assert.Equal(["Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng"], names[11..15]);
        Assert.Equal(["Đồng Tháp", "Gia Lai"], names[19..21]);

        await page.GetByLabel("Lọc theo tên").FillAsync("da nang");
        Assert.Equal(["Đà Nẵng"], await Column(2));
        Assert.Equal("Đang hiện 1/63 dòng", await page.Locator(".filter span").TextContentAsync());
        await page.GetByLabel("Lọc theo tên").FillAsync("");
        Assert.Equal(63, (await Column(2)).Count);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_language_switch_goes_to_the_same_page_in_the_other_language_and_back()
    {
        var (page, errors) = await site.OpenAsync("units/48.html");
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Đà Nẵng (đến 2024)", await page.Locator("h1").TextContentAsync());

        await page.Locator("header a.switch").ClickAsync();
        Assert.EndsWith("/reports/units/48.en.html", page.Url, StringComparison.Ordinal);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Da Nang (to 2024)", await page.Locator("h1").TextContentAsync());
        Assert.StartsWith("Da Nang ranked ", await page.Locator("#par p.lede").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["2023", "88.68", "12 of 63", "+1.14", "−7 places"], await page.Locator("#par table tbody tr").Nth(1).Locator("td").AllTextContentsAsync());
        Assert.Equal("vi", await page.Locator("header a.switch").GetAttributeAsync("lang"));

        await page.Locator("header a.switch").ClickAsync();
        Assert.EndsWith("/reports/units/48.html", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("Đà Nẵng xếp thứ ", await page.Locator("#par p.lede").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(["2023", "88,68", "12/63", "+1,14", "−7 bậc"], await page.Locator("#par table tbody tr").Nth(1).Locator("td").AllTextContentsAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Without_JavaScript_the_page_is_complete_and_the_table_is_in_rank_order()
    {
        var (page, errors) = await site.OpenAsync("PAR/2023/index.html", javaScript: false);

        Assert.Equal(63, await page.Locator("#table tbody tr").CountAsync());
        Assert.Equal(63, await page.Locator("#ranking .bars li").CountAsync());
        Assert.Equal(63, await page.Locator("#maps svg#map-q a").CountAsync());
        Assert.Equal(0, await page.Locator(".filter").CountAsync());
        Assert.Equal("Quảng Ninh", await page.Locator("#table tbody tr td:nth-child(2)").First.TextContentAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Printed_to_A4_portrait_the_table_fits_the_page_width_and_repeats_its_header()
    {
        var (page, errors) = await site.OpenAsync("PAR/2023/index.html");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        // A4 is 210 mm wide; the print stylesheet's margins leave 186 mm, 703 CSS px at 96 px per inch.
        await page.SetViewportSizeAsync(703, 1000);

        var widths = await page.EvaluateAsync<int[]>("() => [document.querySelector('#table table').scrollWidth, document.documentElement.scrollWidth]");
        var headerGroup = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#table thead')).display");
        var hidden = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header.site')).display");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true, Path = Path.Combine(site.ScreenshotFolder, "edition-print.pdf") });

        Assert.True(widths[0] <= 703 && widths[1] <= 703, $"printed table {widths[0]} px, page {widths[1]} px, on 703 px");
        Assert.Equal("table-header-group", headerGroup);
        Assert.Equal("none", hidden);
        Assert.True(pdf.Length > 10_000);
        Assert.Empty(errors);
    }
}
