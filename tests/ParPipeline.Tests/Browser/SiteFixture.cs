using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using ParPipeline.Ingest;
using ParPipeline.Local;
using ParPipeline.Local.Azurite;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Browser;

/// <summary>
/// The published site as a reader meets it: the local host (own Azurite account, own reports folder) with every
/// bundled sample ranked, plus PAR 2024 and 2025 made from the gazetteer so the 34-unit map and the merged units'
/// profiles exist, published by the timer's code and served at <c>/reports/</c>; and Debian's Chromium driven
/// by Playwright. Playwright's own browser download cannot work on this network, so the browser is the system's
/// (<c>ExecutablePath</c>), started with the flags the machine needs (no background networking).
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private AzuriteServer? _azurite;
    private LocalHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ReportsFolder { get; } = Directory.CreateTempSubdirectory("parpipeline-site-").FullName;

    /// <summary>Screenshots and the printed PDF, for a person to look at: .local/screenshots/ in the repository.</summary>
    public string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), ".local", "screenshots")).FullName;

    public Uri Site => new(Host.BaseAddress, "reports/");

    public LocalHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        var account = new AzuriteAccount("site001", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64)));
        _azurite = await AzuriteServer.StartAsync(new AzuriteOptions(RepositoryRoot.Find(), null, [account]), CancellationToken.None);
        _host = await LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = _azurite.ConnectionString(account),
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = "site-fixture-key",
            ["Local:ReportsDirectory"] = ReportsFolder,
        }).Build(), logging => logging.ClearProviders(), CancellationToken.None);

        await PipelineSteps.RankAllSamplesAsync(_host.Services);
        var ingestion = _host.Services.GetRequiredService<IngestionService>();
        foreach (var year in new[] { 2024, 2025 })
        {
            var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", year, (unit, _) => $"{unit.NameVi},{Score(unit.Code, year).ToString(CultureInfo.InvariantCulture)}");
            await ingestion.IngestAsync($"PAR/{year}/par-{year}.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), CancellationToken.None);
            await _host.Services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", year), CancellationToken.None);
        }
        // The seed's criteria annexes for PAR 2022 and 2023 (CriteriaAnnex.Par): three criteria per province, 1.10 after
        // 1.2 in their natural order, so a unit page says which criteria are behind the leader and which fell and rose.
        await _host.Services.GetRequiredService<ReportPublisher>().PublishChangedAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<ReportMirror>().MirrorAsync(CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Made-up, varied scores (80.00-94.99) so the maps show every quartile and movement both ways.</summary>
    private static double Score(string code, int year) =>
        Math.Round(80 + (int.Parse(code, CultureInfo.InvariantCulture) * 37 + year * 11) % 1500 / 100.0, 2);

    /// <summary>A page at phone or desktop width, failing the test on any console error or page error.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string path, int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            IsMobile = width < 600,
            HasTouch = width < 600,
            DeviceScaleFactor = width < 600 ? 2 : 1,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page: {error}");
        var response = await page.GotoAsync(new Uri(Site, path).ToString());
        Assert.Equal(200, response?.Status);
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        Directory.Delete(ReportsFolder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site in a browser";
}
