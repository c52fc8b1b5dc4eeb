using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Reports;
using ParPipeline.Storage;

namespace ParPipeline.Local.Demo;

/// <summary>
/// The demo: drops the bundled samples into <c>ministry-drops</c> as ministry staff would, and follows each
/// through the real triggers (ingested, ranked) to its reports, then prints the rankings and where to look.
/// </summary>
public sealed class DemoRunner(LocalHost host, TextWriter output)
{
    private static readonly string[] SpreadsheetExtensions = [".xlsx", ".xls", ".csv"];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);

    public async Task<bool> RunAsync(string samplesDirectory, CancellationToken ct)
    {
        var blobs = host.Services.GetRequiredService<BlobServiceClient>();
        var ledger = host.Services.GetRequiredService<IngestionLedger>();
        var catalog = host.Services.GetRequiredService<PublicationCatalog>();
        var publisher = host.Services.GetRequiredService<ReportPublisher>();
        var drops = blobs.GetBlobContainerClient(PipelineStorageNames.DropsContainer);

        var samples = Directory.Exists(samplesDirectory)
            ? Directory.EnumerateFiles(samplesDirectory, "*", SearchOption.AllDirectories)
                .Where(f => SpreadsheetExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        if (samples.Count == 0)
        {
            output.WriteLine($"No sample spreadsheets under {samplesDirectory}.");
            return false;
        }

        var tracked = new List<TrackedDrop>();
        foreach (var path in samples)
        {
            var name = Path.GetRelativePath(samplesDirectory, path).Replace('\\', '/');
            var bytes = await File.ReadAllBytesAsync(path, ct);
            await drops.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, ct);
            tracked.Add(new TrackedDrop(name, Convert.ToHexStringLower(SHA256.HashData(bytes))));
            output.WriteLine($"  uploaded  {name} ({bytes.Length:N0} bytes)");
        }

        var clock = Stopwatch.StartNew();
        while (tracked.Any(t => !t.Done))
        {
            if (clock.Elapsed > Timeout)
            {
                foreach (var t in tracked.Where(t => !t.Done))
                {
                    output.WriteLine($"  waiting   {t.Name}: still {t.Stage} after {Timeout.TotalSeconds:0} s");
                }
                return false;
            }
            foreach (var drop in tracked.Where(t => !t.Done))
            {
                await AdvanceAsync(drop, drops, ledger, catalog, publisher, clock.Elapsed, ct);
            }
            await Task.Delay(250, ct);
        }

        await PrintRankingsAsync(catalog, ct);
        var mirror = await host.Services.GetRequiredService<ReportMirror>().MirrorAsync(ct);
        output.WriteLine();
        output.WriteLine("Look at:");
        foreach (var version in (await catalog.ListAsync(ct)).OrderBy(v => v.IndexYear.PartitionKey, StringComparer.Ordinal))
        {
            output.WriteLine($"  {host.BaseAddress}api/rankings/{version.IndexYear.Index}/{version.IndexYear.Year}");
        }
        output.WriteLine($"  {host.BaseAddress}api/indices");
        output.WriteLine($"  {host.BaseAddress}api/units/da-nang");
        output.WriteLine($"  {host.BaseAddress}api/movers/PAR/2023?top=5");
        output.WriteLine($"  {host.BaseAddress}api/openapi.json");
        output.WriteLine($"  {host.BaseAddress}reports/ (the reports site, in Vietnamese and English; also in {mirror})");
        return tracked.All(t => t.Stage != DropStage.Rejected);
    }

    private async Task AdvanceAsync(TrackedDrop drop, BlobContainerClient drops, IngestionLedger ledger, PublicationCatalog catalog,
        ReportPublisher publisher, TimeSpan elapsed, CancellationToken ct)
    {
        var at = elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        if (drop.Stage == DropStage.Uploaded)
        {
            // Handled means: the ledger knows the bytes and the trigger has taken the blob out of ministry-drops.
            if (await ledger.GetAsync(drop.Sha256, ct) is not { } entry || (await drops.GetBlobClient(drop.Name).ExistsAsync(ct)).Value)
            {
                return;
            }
            drop.IndexYear = IndexYear.TryParse(entry.IndexYear ?? "", out var iy) ? iy : null;
            if (entry.Status == LedgerStatus.Rejected)
            {
                drop.Stage = DropStage.Rejected;
                output.WriteLine($"  rejected  {drop.Name} after {at}: {entry.Problems} problem(s); the sender's report: " +
                    $"{PipelineStorageNames.QuarantineContainer}/{entry.Sha256}.errors.html (and .errors.json), or GET /api/ingestions/{entry.Sha256}/report");
                return;
            }
            drop.Stage = DropStage.Ingested;
            output.WriteLine($"  ingested  {drop.Name}: {entry.Units} units into {entry.IndexYear} ({at})");
        }
        if (drop.Stage == DropStage.Ingested && drop.IndexYear is { } indexYear)
        {
            if (await catalog.GetAsync(indexYear, ct) is not { } version || version.ScoreVersion != drop.Sha256)
            {
                return;
            }
            drop.Stage = DropStage.Ranked;
            output.WriteLine($"  ranked    {indexYear}: {version.Units} units ({at})");
        }
        if (drop.Stage == DropStage.Ranked && drop.IndexYear is { } ranked)
        {
            // The timer publishes once a day; the demo publishes now through the same Core service.
            var current = await catalog.GetAsync(ranked, ct);
            if (current is not null && await publisher.PublishedHashAsync(ranked, ct) != current.RankingHash)
            {
                await publisher.PublishAsync(ranked, ct);
            }
            drop.Stage = DropStage.Reported;
            output.WriteLine($"  reported  {PipelineStorageNames.ReportsContainer}/{ranked.Index}/{ranked.Year}/summary.md, .csv, .vi.csv, .xlsx, .json, index.html, index.en.html ({at})");
        }
    }

    private async Task PrintRankingsAsync(PublicationCatalog catalog, CancellationToken ct)
    {
        var rankings = host.Services.GetRequiredService<RankingStore>();
        foreach (var version in (await catalog.ListAsync(ct)).OrderBy(v => v.IndexYear.PartitionKey, StringComparer.Ordinal))
        {
            if (await rankings.GetAsync(version.IndexYear, ct) is not { } table)
            {
                continue;
            }
            output.WriteLine();
            output.WriteLine($"{version.IndexYear.Index} {version.IndexYear.Year}: {table.Units.Count} units ranked");
            foreach (var unit in table.Units.Take(5))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {unit.Rank,3}. {unit.UnitName,-22} {unit.Score,6:F2}"));
            }
        }
    }

    private sealed class TrackedDrop(string name, string sha256)
    {
        public string Name { get; } = name;

        public string Sha256 { get; } = sha256;

        public DropStage Stage { get; set; } = DropStage.Uploaded;

        public IndexYear? IndexYear { get; set; }

        public bool Done => Stage is DropStage.Reported or DropStage.Rejected;
    }

    private enum DropStage
    {
        Uploaded,
        Ingested,
        Ranked,
        Reported,
        Rejected,
    }
}
