using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.TestInputs;
using ParPipeline.Indices;
using ParPipeline.Local.Azurite;
using ParPipeline.Ranking;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.TestInputs.Chaos;

/// <param name="Drops">How many files are dropped: 30% malformed, 20% exact copies of earlier drops, the rest
/// provincial years, several of them corrected versions of PAR 2023.</param>
/// <param name="PeakResidentCeiling">What the host's resident memory must stay under, over the whole run.</param>
public sealed record ChaosOptions(int Drops, int Seed = 7, int Concurrency = 6, long PeakResidentCeiling = 1536L * 1024 * 1024, double StorageFaultRate = 0.1)
{
    public TimeSpan Patience { get; init; } = TimeSpan.FromMinutes(8);
}

public sealed record ChaosReport(
    int Drops, int Malformed, int Copies, int Versions, int HostKills, int AzuriteRestarts, long HostPeakResidentBytes,
    double Seconds, IReadOnlyList<string> Violations, IReadOnlyList<string> Notes);

/// <summary>
/// Drops files concurrently into the local host (its own process, on an on-disk Azurite) while killing the host
/// twice with SIGKILL and restarting Azurite once, waits for the pipeline to drain, then checks that nothing was
/// lost or half-written: every drop accounted for in the ledger, every index-year's scores and rankings whole,
/// current and equal to a recomputation.
/// </summary>
public static class ChaosRun
{
    private sealed record Drop(string Name, byte[] Bytes, string Sha256, bool Malformed, string? IndexYear, bool Copy = false);

    public static async Task<ChaosReport> RunAsync(string root, ChaosOptions options, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("parpipeline-chaos-");
        var violations = new List<string>();
        var notes = new List<string>();
        var drops = Plan(options);
        var port = FreePort();
        var (kills, restarts, peak) = (0, 0, 0L);
        AzuriteServer? azurite = null;
        ChaosHost? host = null;
        try
        {
            azurite = await AzuriteServer.StartAsync(new AzuriteOptions(root, Path.Combine(work.FullName, "azurite"), []), ct);
            host = await ChaosHost.StartAsync(root, azurite.ConnectionString(), port, work.FullName, options.StorageFaultRate, options.Seed + kills, ct);
            log.WriteLine($"chaos: {drops.Count} drops ({drops.Count(d => d.Malformed)} malformed), host on port {port}, {options.StorageFaultRate:P0} of its storage calls failing");

            // Four waves of uploads; between them the host is killed, storage goes away and comes back under the
            // running host (Azurite restarted on its data and ports), and the host is killed again.
            var waves = drops.Chunk((drops.Count + 3) / 4).ToList();
            for (var w = 0; w < waves.Count; w++)
            {
                await UploadAsync(azurite.ConnectionString(), waves[w], options.Concurrency, ct);
                log.WriteLine($"chaos: wave {w + 1} of {waves.Count} uploaded ({clock.Elapsed.TotalSeconds:0} s)");
                Check(host, violations);
                if (w == 1)
                {
                    var ports = azurite.Ports;
                    await azurite.DisposeAsync();
                    await Task.Delay(TimeSpan.FromSeconds(2), ct);
                    azurite = await AzuriteServer.StartAsync(new AzuriteOptions(root, Path.Combine(work.FullName, "azurite"), []) { Ports = ports }, ct);
                    restarts++;
                    log.WriteLine("chaos: Azurite restarted on its data directory and ports, under the running host");
                }
                else if (w < waves.Count - 1)
                {
                    peak = Math.Max(peak, host.PeakResidentBytes);
                    await host.KillAsync();
                    await host.DisposeAsync();
                    // Disposed: a failed restart must not dispose it again in the finally (which hid the failure).
                    host = null;
                    kills++;
                    host = await ChaosHost.StartAsync(root, azurite.ConnectionString(), port, work.FullName, options.StorageFaultRate, options.Seed + kills, ct);
                    log.WriteLine($"chaos: host killed (SIGKILL) and restarted ({kills})");
                }
            }

            var storage = azurite.ConnectionString();
            await DrainAsync(storage, options.Patience, violations, ct);
            Check(host, violations);
            peak = Math.Max(peak, host.PeakResidentBytes);
            log.WriteLine($"chaos: drained after {clock.Elapsed.TotalSeconds:0} s; checking");
            await VerifyAsync(storage, drops, port, violations, notes, ct);
            if (peak > options.PeakResidentCeiling)
            {
                violations.Add($"the host's peak resident memory was {peak / 1048576} MiB, over the ceiling of {options.PeakResidentCeiling / 1048576} MiB");
            }
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
        return new ChaosReport(drops.Count, drops.Count(d => d.Malformed && !d.Copy), drops.Count(d => d.Copy),
            drops.Where(d => d.IndexYear == "PAR-2023").DistinctBy(d => d.Sha256).Count(), kills, restarts, peak,
            Math.Round(clock.Elapsed.TotalSeconds, 1), violations, notes);
    }

    /// <summary>The drops, in a shuffled order fixed by the seed.</summary>
    private static List<Drop> Plan(ChaosOptions options)
    {
        var random = new Random(options.Seed);
        var inputs = new InputGenerator(Path.GetTempPath(), Gazetteer.LoadEmbedded());
        // Names a URI would rewrite ('..') cannot be uploaded as such; the hostile-file tests feed those directly.
        var hostile = HostileCorpus.All.Where(f => !f.Name.Split('/').Contains("..") && !f.Name.Any(char.IsControl) && !f.Name.Contains('\\')).ToList();
        var malformed = (int)Math.Round(options.Drops * 0.3);
        var copies = (int)Math.Round(options.Drops * 0.2);
        var valid = options.Drops - malformed - copies;
        var drops = new List<Drop>();
        for (var i = 0; i < valid; i++)
        {
            // Half are corrected versions of PAR 2023, the rest one version of each earlier year, in turn.
            var year = i % 2 == 0 ? 2023 : 2019 + (i / 2 % 4);
            var bytes = inputs.ProvincialYear(variant: 1 + i);
            drops.Add(new Drop($"PAR/{year}/chaos-{i:000}.xlsx", bytes, Sha(bytes), false, $"PAR-{year}"));
        }
        for (var i = 0; i < malformed; i++)
        {
            var file = hostile[i % hostile.Count];
            var slash = file.Name.LastIndexOf('/');
            drops.Add(new Drop($"{file.Name[..(slash + 1)]}chaos-m{i:000}-{file.Name[(slash + 1)..]}", file.Bytes, Sha(file.Bytes), true, null));
        }
        for (var i = 0; i < copies; i++)
        {
            var original = drops[random.Next(drops.Count)];
            drops.Add(original with { Copy = true, Name = $"{original.Name[..(original.Name.LastIndexOf('/') + 1)]}copy-{i:000}-{original.Name[(original.Name.LastIndexOf('/') + 1)..]}" });
        }
        return [.. drops.OrderBy(_ => random.Next())];
    }

    private static async Task UploadAsync(string storage, IEnumerable<Drop> drops, int concurrency, CancellationToken ct)
    {
        var container = new BlobServiceClient(storage).GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        await Parallel.ForEachAsync(drops, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (drop, token) =>
            await container.GetBlobClient(drop.Name).UploadAsync(BinaryData.FromBytes(drop.Bytes), overwrite: true, token));
    }

    /// <summary>Waits until no drop is pending and no recompute is queued, twice in a row a few seconds apart.</summary>
    private static async Task DrainAsync(string storage, TimeSpan patience, List<string> violations, CancellationToken ct)
    {
        var container = new BlobServiceClient(storage).GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        var queue = new QueueServiceClient(storage).GetQueueClient(PipelineStorageNames.RecomputeQueue);
        var deadline = Stopwatch.StartNew();
        var quiet = 0;
        while (deadline.Elapsed < patience)
        {
            var pending = 0;
            await foreach (var _ in container.GetBlobsAsync(cancellationToken: ct))
            {
                pending++;
            }
            var queued = (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            quiet = pending == 0 && queued == 0 ? quiet + 1 : 0;
            if (quiet == 3)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
        var left = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: ct))
        {
            left.Add(blob.Name);
        }
        violations.Add($"not drained after {patience.TotalMinutes:0} minutes: {left.Count} drops still pending ({string.Join(", ", left.Take(5))})");
    }

    private static async Task VerifyAsync(string storage, List<Drop> drops, int port, List<string> violations, List<string> notes, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PipelineStorageNames.Connection] = storage }).Build();
        await using var services = new ServiceCollection().AddLogging().AddParPipeline(configuration).BuildServiceProvider();
        var ledger = await services.GetRequiredService<IngestionLedger>().ListAsync(ct);
        var bySha = ledger.ToDictionary(e => e.Sha256);

        // Every drop is in the ledger under its bytes, with its name; nothing else is.
        foreach (var drop in drops)
        {
            if (!bySha.TryGetValue(drop.Sha256, out var entry))
            {
                violations.Add($"{drop.Name}: no ledger entry");
            }
            else if (!entry.BlobNames.Contains(drop.Name))
            {
                violations.Add($"{drop.Name}: its ledger entry ({entry.Status}) does not name it");
            }
            else if (drop.Malformed != (entry.Status == LedgerStatus.Rejected))
            {
                violations.Add($"{drop.Name}: {(drop.Malformed ? "malformed" : "valid")} but {entry.Status}");
            }
        }
        var uploaded = drops.Select(d => d.Name).ToHashSet();
        foreach (var stray in ledger.SelectMany(e => e.BlobNames).Where(n => !uploaded.Contains(n)))
        {
            violations.Add($"the ledger names {stray}, which was never dropped");
        }

        // Every index-year: whole, current, its version the one ingested entry, its ranking recomputable.
        var indices = services.GetRequiredService<IndexCatalog>();
        var gazetteer = services.GetRequiredService<Gazetteer>();
        var scores = services.GetRequiredService<ScoreStore>();
        var rankings = services.GetRequiredService<RankingStore>();
        var catalog = services.GetRequiredService<PublicationCatalog>();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        foreach (var partition in drops.Where(d => d.IndexYear is not null).Select(d => d.IndexYear!).Distinct().Order(StringComparer.Ordinal))
        {
            IndexYear.TryParse(partition, out var indexYear);
            var index = indices.Find(indexYear.Index)!;
            var current = await scores.GetAsync(indexYear, ct);
            if (current is null)
            {
                violations.Add($"{partition}: no current scores");
                continue;
            }
            var expected = gazetteer.UnitsFor(index.UnitKind, indexYear.Year).Count;
            if (current.Scores.Count != expected)
            {
                violations.Add($"{partition}: {current.Scores.Count} score rows, not {expected}");
            }
            var ingested = ledger.Where(e => e.Status == LedgerStatus.Ingested && e.IndexYears.Contains(partition)).Select(e => e.Sha256).ToList();
            if (ingested.Count != 1 || ingested[0] != current.Version)
            {
                violations.Add($"{partition}: current version {current.Version[..12]}, but the ledger's ingested entries are [{string.Join(", ", ingested.Select(s => s[..12]))}]");
            }
            var kept = await scores.GetVersionAsync(indexYear, current.Version, ct);
            if (kept is null || JsonSerializer.Serialize(kept.Scores) != JsonSerializer.Serialize(current.Scores))
            {
                violations.Add($"{partition}: the kept partition of version {current.Version[..12]} differs from the current one");
            }

            var previous = await scores.GetAsync(indexYear.PreviousYear(), ct);
            var ranking = await rankings.GetAsync(indexYear, ct);
            var version = await catalog.GetAsync(indexYear, ct);
            if (ranking is null || version is null)
            {
                violations.Add($"{partition}: not ranked");
                continue;
            }
            if (ranking.ScoreVersion != current.Version || ranking.PreviousScoreVersion != previous?.Version || version.ScoreVersion != current.Version)
            {
                violations.Add($"{partition}: ranked from {ranking.ScoreVersion[..12]} (catalog {version.ScoreVersion[..12]}), but the current scores are {current.Version[..12]}");
            }
            var recomputed = RankingEngine.Compute(index, indexYear.Year, current.Scores, previous?.Scores, gazetteer);
            if (JsonSerializer.Serialize(recomputed, PipelineJson.Options) != JsonSerializer.Serialize(ranking.Units, PipelineJson.Options))
            {
                violations.Add($"{partition}: the stored ranking differs from a recomputation from the stored scores");
            }
            using var served = JsonDocument.Parse(await http.GetStringAsync($"api/rankings/{indexYear.Index}/{indexYear.Year}", ct));
            if (served.RootElement.GetProperty("scoreVersion").GetString() != current.Version)
            {
                violations.Add($"{partition}: the API serves version {served.RootElement.GetProperty("scoreVersion").GetString()?[..12]}");
            }
        }

        // Poisoned work is reported, never silently dropped.
        var poisonQueue = new QueueServiceClient(storage).GetQueueClient(PipelineStorageNames.RecomputePoisonQueue);
        var waiting = (await poisonQueue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
        if (waiting > 0)
        {
            violations.Add($"{waiting} messages wait in {PipelineStorageNames.RecomputePoisonQueue} unrecorded");
        }
        foreach (var poisoned in await services.GetRequiredService<PoisonLedger>().ListPoisonedAsync(ct))
        {
            notes.Add($"poisoned and recorded: {poisoned.Queue} {poisoned.Message} after {poisoned.DequeueCount} tries");
        }
        notes.Add($"ledger: {ledger.Count} distinct files, {ledger.Count(e => e.Status == LedgerStatus.Ingested)} ingested, " +
            $"{ledger.Count(e => e.Status == LedgerStatus.Superseded)} superseded, {ledger.Count(e => e.Status == LedgerStatus.Duplicate)} duplicate, " +
            $"{ledger.Count(e => e.Status == LedgerStatus.Rejected)} rejected; {ledger.Sum(e => e.BlobNames.Count)} drop names");
    }

    private static void Check(ChaosHost host, List<string> violations)
    {
        if (host.Crashed)
        {
            violations.Add($"the host exited by itself: {host.Errors.Trim()}");
        }
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
