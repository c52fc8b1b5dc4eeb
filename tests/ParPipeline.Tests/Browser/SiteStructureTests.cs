using System.Net;
using AngleSharp.Html.Parser;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Browser;

/// <summary>
/// The published site as a whole: a crawler from the home pages reaches every page the publisher wrote and
/// every link, stylesheet and script resolves, all relative; every page validates with html-validate (pinned in
/// package.json, rules in .htmlvalidate.mjs), which is also shown a broken page so it cannot pass by checking
/// nothing; each edition page stays under the page-weight budget.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SiteStructureTests(SiteFixture site)
{
    [Fact]
    public async Task A_crawl_from_the_home_pages_reaches_every_published_page_and_every_link_resolves()
    {
        using var http = new HttpClient { BaseAddress = site.Site };
        var parser = new HtmlParser();
        var queue = new Queue<Uri>([new Uri(site.Site, "./"), new Uri(site.Site, "index.en.html")]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var broken = new List<string>();
        var absolute = new List<string>();
        var pages = new HashSet<string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var url))
        {
            var response = await http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url.AbsolutePath}: {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var path = url.AbsolutePath[site.Site.AbsolutePath.Length..];
            pages.Add(path.Length == 0 ? "index.html" : path);
            var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            var ids = document.All.Select(e => e.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var links = document.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("script[src]").Select(e => e.GetAttribute("src")!));
            foreach (var link in links)
            {
                if (link.StartsWith('#'))
                {
                    if (!ids.Contains(link[1..]))
                    {
                        broken.Add($"{path}: no element {link}");
                    }
                    continue;
                }
                if (link.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }
                if (link.Contains("://", StringComparison.Ordinal) || link.StartsWith('/'))
                {
                    absolute.Add($"{path}: {link}");
                    continue;
                }
                var target = new Uri(url, link);
                var key = target.GetLeftPart(UriPartial.Path);
                if (!target.AbsolutePath.StartsWith(site.Site.AbsolutePath, StringComparison.Ordinal))
                {
                    broken.Add($"{path}: {link} leaves the site");
                }
                else if (seen.Add(key))
                {
                    queue.Enqueue(new Uri(key));
                }
            }
        }

        var published = Directory.EnumerateFiles(site.ReportsFolder, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.ReportsFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f != "404.html").ToHashSet(StringComparer.Ordinal);
        Assert.Empty(broken);
        Assert.Empty(absolute);
        Assert.Equal(published.Order(StringComparer.Ordinal), pages.Order(StringComparer.Ordinal));
        // In two languages: the home page, 8 editions, and a profile for each of the 63 provinces, the 23 units formed
        // in 2025 by merging (the 11 unchanged keep one page across the reorganisation) and the 17 ministries.
        Assert.Equal(2 * (1 + 8 + 63 + 23 + 17), pages.Count);
        Assert.Contains("downloads", seen.Select(s => s.Contains("/PAR/2023/summary.vi.csv", StringComparison.Ordinal) ? "downloads" : "").Distinct());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("404.html")).StatusCode);
    }

    [Fact]
    public async Task Every_page_validates_with_html_validate_which_finds_the_faults_of_a_broken_page()
    {
        var config = Path.Combine(RepositoryPaths.Root, ".htmlvalidate.mjs");
        var (exit, output) = await NodeTools.RunAsync("html-validate", "--config", config, "--formatter", "text", Path.Combine(site.ReportsFolder, "**", "*.html"));
        Assert.True(exit == 0, output);

        var broken = Path.Combine(Directory.CreateTempSubdirectory("broken-page-").FullName, "broken.html");
        var page = await File.ReadAllTextAsync(Path.Combine(site.ReportsFolder, "PAR", "2023", "index.html"));
        await File.WriteAllTextAsync(broken, page.Replace("<caption>", "<caption><div>", StringComparison.Ordinal).Replace(" lang=\"vi\"", "", StringComparison.Ordinal));
        var (brokenExit, brokenOutput) = await NodeTools.RunAsync("html-validate", "--config", config, "--formatter", "text", broken);
        Assert.NotEqual(0, brokenExit);
        Assert.Contains("element-required-attributes", brokenOutput, StringComparison.Ordinal);
        Assert.Contains("element-permitted-content", brokenOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edition_page_with_its_stylesheet_and_script_weighs_under_150_KB_compressed()
    {
        foreach (var page in new[] { "PAR/2023/index.html", "PAR/2023/index.en.html", "PAR/2025/index.html", "PAR-MINISTRIES/2023/index.html" })
        {
            var bytes = 0L;
            foreach (var file in new[] { page, "site.css", "site.js" })
            {
                using var compressed = new MemoryStream();
                await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                {
                    await gzip.WriteAsync(await File.ReadAllBytesAsync(Path.Combine(site.ReportsFolder, file)));
                }
                bytes += compressed.Length;
            }
            Assert.InRange(bytes, 1_000, 150 * 1024);
        }
    }
}
