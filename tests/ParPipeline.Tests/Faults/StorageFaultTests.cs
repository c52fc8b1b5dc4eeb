using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Local;
using ParPipeline.Local.Faults;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ParPipeline.Tests.Faults;

/// <summary>
/// The whole pipeline, drop to API, in the local host while its storage calls fail (StorageFaultHandler under the
/// real Azure SDK clients, seeded): 503 ServerBusy, 500, timeouts and dropped connections on 10% of calls, and a run
/// where every call to one service fails for 30 s. Every drop still ends ingested or rejected, no year is partial,
/// no file is recorded twice, nothing is lost. The counts are printed (and kept in bench/README.md).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly (string Name, byte[] Bytes, LedgerStatus Status)[] Drops =
    [
        (Samples.Par2021Xls, Samples.Bytes(Samples.Par2021Xls), LedgerStatus.Ingested),
        (Samples.Par2022, Samples.Bytes(Samples.Par2022), LedgerStatus.Ingested),
        (Samples.Par2023, Samples.Bytes(Samples.Par2023), LedgerStatus.Ingested),
        (Samples.Sipas2022, Samples.Bytes(Samples.Sipas2022), LedgerStatus.Ingested),
        (Samples.Sipas2023, Samples.Bytes(Samples.Sipas2023), LedgerStatus.Ingested),
        (Samples.Ministries2023, Samples.Bytes(Samples.Ministries2023), LedgerStatus.Ingested),
        ("PAR/2023/copy-of-2023.xlsx", Samples.Bytes(Samples.Par2023), LedgerStatus.Ingested),
        ("PAR/2023/atlantis.csv", Encoding.UTF8.GetBytes("Tỉnh,Chỉ số CCHC\nAtlantis,80\n"), LedgerStatus.Rejected),
        ("PAR/2023/notes.xlsx", Encoding.UTF8.GetBytes("not a spreadsheet at all"), LedgerStatus.Rejected),
    ];

    private static readonly Dictionary<string, int> UnitsOf = new()
    {
        ["PAR-2021"] = 63, ["PAR-2022"] = 63, ["PAR-2023"] = 63, ["SIPAS-2022"] = 63, ["SIPAS-2023"] = 63, ["PAR-MINISTRIES-2023"] = 17,
    };

    private async Task<StorageFaultCounts> RunAsync(Dictionary<string, string?> faults)
    {
        var connection = azurite.NewAccountConnectionString();
        var settings = new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = connection,
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = "k",
            ["Api:SnapshotRefresh"] = "00:00:00",
            // Retries come quicker than in Azure, so the run fits a test: host.json's wait between tries, the sweeper.
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
            ["DropSweepSchedule"] = "*/5 * * * * *",
            ["Ingestion:SweepAfter"] = "00:00:05",
        };
        foreach (var (key, value) in faults)
        {
            settings[key] = value;
        }
        await using var host = await LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            logging => logging.ClearProviders(), CancellationToken.None);
        if (faults.ContainsKey("Local:StorageFaults:OutageService"))
        {
            // Upload inside the outage (it starts 1 s after the clients are made, at start-up): ingestion takes well
            // under a second, so drops uploaded before it would be done before the outage began.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }
        // The clerk's uploads go through a client of their own, without faults.
        var drops = new BlobServiceClient(connection).GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        foreach (var (name, bytes, _) in Drops)
        {
            await drops.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        }

        var reader = new ServiceCollection().AddLogging().AddParPipeline(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PipelineStorageNames.Connection] = connection }).Build()).BuildServiceProvider();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await Eventually.GetAsync(async () =>
        {
            var ledger = await reader.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None);
            var drained = !await drops.GetBlobsAsync().AnyAsync();
            var recorded = Drops.All(d => ledger.Any(e => e.BlobNames.Contains(d.Name)));
            var ranked = true;
            foreach (var indexYear in UnitsOf.Keys)
            {
                var (index, year) = (indexYear[..indexYear.LastIndexOf('-')], indexYear[(indexYear.LastIndexOf('-') + 1)..]);
                ranked &= (await http.GetAsync($"api/rankings/{index}/{year}")).IsSuccessStatusCode;
            }
            return drained && recorded && ranked ? "done" : null;
        }, TimeSpan.FromSeconds(150), "every drop recorded, drained and ranked");

        var entries = await reader.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None);
        // Nothing lost, nothing twice: one row per distinct file, every drop under its status.
        Assert.Equal(Drops.Select(d => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(d.Bytes))).Distinct().Order(),
            entries.Select(e => e.Sha256).Order());
        foreach (var (name, _, status) in Drops)
        {
            Assert.Equal(status, Assert.Single(entries, e => e.BlobNames.Contains(name)).Status);
        }
        Assert.Equal(2, Assert.Single(entries, e => e.BlobNames.Contains(Samples.Par2023)).Drops);
        // No year partial: every unit stored, ranked and served.
        foreach (var (indexYear, units) in UnitsOf)
        {
            var year = IndexYear.TryParse(indexYear, out var parsed) ? parsed : throw new InvalidOperationException(indexYear);
            Assert.Equal(units, (await reader.GetRequiredService<ScoreStore>().GetAsync(year, CancellationToken.None))!.Scores.Count);
            Assert.Equal(units, (await reader.GetRequiredService<RankingStore>().GetAsync(year, CancellationToken.None))!.Units.Count);
        }
        Assert.Empty(await reader.GetRequiredService<PoisonLedger>().ListPoisonedAsync(CancellationToken.None));
        var counts = host.Services.GetRequiredService<StorageFaultCounts>();
        output.WriteLine(counts.ToString());
        Assert.True(counts.Faults > 0, counts.ToString());
        return counts;
    }

    [Fact]
    public async Task Ten_percent_of_storage_calls_failing_loses_nothing()
    {
        var counts = await RunAsync(new() { ["Local:StorageFaults:Rate"] = "0.1", ["Local:StorageFaults:Seed"] = "7" });
        // Which request draws which fault depends on timing; how many do, and of how many kinds, does not much.
        Assert.InRange(counts.Faults, counts.Calls / 20, counts.Calls / 5);
        Assert.True(counts.Kinds >= 3, counts.ToString());
    }

    [Theory]
    [InlineData("Table")]
    [InlineData("Queue")]
    [InlineData("Blob")]
    public async Task Every_call_to_one_service_failing_for_30_seconds_loses_nothing(string service)
    {
        var counts = await RunAsync(new()
        {
            ["Local:StorageFaults:OutageService"] = service,
            ["Local:StorageFaults:OutageAfter"] = "00:00:01",
            ["Local:StorageFaults:OutageDuration"] = "00:00:30",
        });
        Assert.Matches($"^[0-9]+ faults in [0-9]+ storage calls: {service}/outage [0-9]+$", counts.ToString());
    }
}
