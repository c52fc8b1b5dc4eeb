using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Local;
using ParPipeline.Local.Demo;

namespace ParPipeline.Bench;

/// <summary>
/// The reports site under Lighthouse 12.2.3 (package.json) with Debian's Chromium on its default phone profile
/// (simulated slow 4G and a 4x slower CPU): performance and accessibility of the home page, an index-year page and a
/// unit page, each beside a bare page served by the same Kestrel as the floor; and each page's weight, compressed.
/// The site is the demo's: the bundled samples dropped through the real triggers and published.
/// </summary>
public sealed class SiteSpeedBench(LocalHost host, string root)
{
    public const string Chromium = "/usr/bin/chromium";

    public async Task<IReadOnlyList<BenchRow>> MeasureAsync(bool small, CancellationToken ct)
    {
        if (!await new DemoRunner(host, TextWriter.Null).RunAsync(Path.Combine(root, "samples"), ct))
        {
            throw new InvalidOperationException("The demo did not take every sample through; the site cannot be measured.");
        }
        var mirror = host.Services.GetRequiredService<ReportMirror>();
        var folder = await mirror.MirrorAsync(ct);
        // The floor: the least a page can be, on the same server.
        await File.WriteAllTextAsync(Path.Combine(folder, "floor.html"),
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Floor</title></head><body><main><h1>Floor</h1><p>A bare page.</p></main></body></html>\n", ct);
        var pages = small ? new[] { "PAR/2023/index.html" } : ["index.html", "PAR/2023/index.html", "units/48.html"];
        var floor = await LighthouseAsync("floor.html", ct);
        var rows = new List<BenchRow>();
        foreach (var page in pages)
        {
            var result = await LighthouseAsync(page, ct);
            rows.Add(new BenchRow("site: Lighthouse phone performance", page, result.Performance, floor.Performance, "score", "a bare page, same server",
                "score ≥ 95", result.Performance >= 95, $"LCP {result.Lcp}, TBT {result.Tbt}, CLS {result.Cls}"));
            rows.Add(new BenchRow("site: Lighthouse phone accessibility", page, result.Accessibility, floor.Accessibility, "score", "a bare page, same server",
                "score ≥ 95", result.Accessibility >= 95));
            var compressed = Gzip(Path.Combine(folder, page)) + Gzip(Path.Combine(folder, "site.css")) + Gzip(Path.Combine(folder, "site.js"));
            rows.Add(new BenchRow("site: page weight, gzip", page, compressed / 1024.0, Gzip(Path.Combine(folder, "floor.html")) / 1024.0, "KiB", "a bare page",
                "≤ 150 KiB", compressed <= 150 * 1024, $"{result.Bytes / 1024.0:0} KiB as served (Kestrel does not compress static files)"));
        }
        return rows;
    }

    private static long Gzip(string path)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(path));
        }
        return compressed.Length;
    }

    private sealed record Audit(double Performance, double Accessibility, double Bytes, string Lcp, string Tbt, string Cls);

    private async Task<Audit> LighthouseAsync(string page, CancellationToken ct)
    {
        var report = Path.Combine(Path.GetTempPath(), $"lighthouse-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Path.Combine(root, "node_modules", ".bin", "lighthouse")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            new Uri(host.BaseAddress, "reports/" + page).ToString(), "--output=json", $"--output-path={report}", "--quiet", $"--chrome-path={Chromium}",
            // The flags this machine needs: its network is closed, and Chromium's background connections would be refused.
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync",
            "--only-categories=performance,accessibility",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Lighthouse did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 || !File.Exists(report))
        {
            throw new InvalidOperationException($"Lighthouse failed on {page} (exit {process.ExitCode}): {await output}{await error}");
        }
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, ct));
        File.Delete(report);
        var r = json.RootElement;
        double Score(string category) => Math.Round(r.GetProperty("categories").GetProperty(category).GetProperty("score").GetDouble() * 100);
        string Shown(string audit) => r.GetProperty("audits").GetProperty(audit).GetProperty("displayValue").GetString() ?? "";
        return new Audit(Score("performance"), Score("accessibility"), r.GetProperty("audits").GetProperty("total-byte-weight").GetProperty("numericValue").GetDouble(),
            Shown("largest-contentful-paint"), Shown("total-blocking-time"), Shown("cumulative-layout-shift"));
    }
}
