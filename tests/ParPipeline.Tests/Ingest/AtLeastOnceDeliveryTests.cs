using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest;

/// <summary>
/// Event Grid delivers each BlobCreated event at least once, and with an Event Grid source the Functions host
/// keeps no blob receipts, so one upload can reach IngestDrop twice at once or minutes apart
/// (https://learn.microsoft.com/azure/event-grid/delivery-and-retry). Every delivery after the first is a no-op
/// that says so at Information; the ledger counts drops, not deliveries; a late event of an older upload never
/// replaces a newer version. Driven through the Azure function class and the local host's.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AtLeastOnceDeliveryTests(AzuriteFixture azurite)
{
    private static byte[] Version(double shift) =>
        Encoding.UTF8.GetBytes(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", edit: (u, s) => $"{u.NameVi},{(s - shift).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    private static BlobClient Drop(IServiceProvider services, string name) =>
        services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer).GetBlobClient(name);

    private delegate Task Trigger(BlobClient blob, string name);

    private static Trigger Azure(IServiceProvider services, ILoggerFactory logs) =>
        new ParPipeline.Functions.IngestDrop(services.GetRequiredService<IngestionService>(), logs.CreateLogger<ParPipeline.Functions.IngestDrop>()) is var f
            ? (blob, name) => f.Run(blob, name, CancellationToken.None) : throw new InvalidOperationException();

    private static Trigger Local(IServiceProvider services, ILoggerFactory logs) =>
        new ParPipeline.Local.Triggers.IngestDrop(services.GetRequiredService<IngestionService>(), logs.CreateLogger<ParPipeline.Local.Triggers.IngestDrop>()) is var f
            ? (blob, name) => f.Run(blob, name, CancellationToken.None) : throw new InvalidOperationException();

    public static TheoryData<string, int> Deliveries => new() { { "azure", 2 }, { "azure", 3 }, { "azure", 10 }, { "local", 3 }, { "local", 10 } };

    [Theory]
    [MemberData(nameof(Deliveries))]
    public async Task One_upload_delivered_many_times_at_once_is_one_drop_in_the_ledger_with_no_failure(string host, int deliveries)
    {
        await using var services = await azurite.NewPipelineAsync();
        var captured = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(captured));
        var trigger = host == "azure" ? Azure(services, factory) : Local(services, factory);
        await Blobs.DropAsync(services, "PAR/2023/v1.csv", Version(0));

        // The same event, delivered as often as Event Grid pleases, all at once.
        await Task.WhenAll(Enumerable.Range(0, deliveries).Select(_ => Task.Run(() => trigger(Drop(services, "PAR/2023/v1.csv"), "PAR/2023/v1.csv"))));

        var entry = Assert.Single(await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None));
        Assert.Equal((LedgerStatus.Ingested, 1), (entry.Status, entry.Drops));
        Assert.Equal(["PAR/2023/v1.csv"], entry.BlobNames);
        Assert.False(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, "PAR/2023/v1.csv"));
        Assert.DoesNotContain(captured.Lines, l => l.Level >= LogLevel.Warning || l.Error is not null);
        // Every delivery said what it did, once each: one ingested, the others nothing to do.
        Assert.Equal(deliveries, captured.Lines.Count(l => l.Message.StartsWith("PAR/2023/v1.csv: ", StringComparison.Ordinal)));
        Assert.Single(captured.Lines, l => l.Message.StartsWith("PAR/2023/v1.csv: ingested 63 units", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delivery_minutes_later_finds_the_drop_gone_or_the_drop_recorded_and_changes_nothing()
    {
        await using var services = await azurite.NewPipelineAsync();
        var captured = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(captured));
        var trigger = Azure(services, factory);
        await Blobs.DropAsync(services, "PAR/2023/v1.csv", Version(0));
        var ingestion = services.GetRequiredService<IngestionService>();

        // A delivery whose read raced the first one's delete: the bytes it read are already recorded under this ETag.
        var download = await Drop(services, "PAR/2023/v1.csv").DownloadContentAsync();
        await trigger(Drop(services, "PAR/2023/v1.csv"), "PAR/2023/v1.csv");
        var late = await ingestion.IngestAsync("PAR/2023/v1.csv", download.Value.Content.ToStream(), download.Value.Details.ETag.ToString(), download.Value.Details.LastModified, CancellationToken.None);
        Assert.Equal(IngestStatus.Duplicate, late.Status);
        // A delivery after the drop was deleted.
        await trigger(Drop(services, "PAR/2023/v1.csv"), "PAR/2023/v1.csv");

        var entry = Assert.Single(await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None));
        Assert.Equal((LedgerStatus.Ingested, 1), (entry.Status, entry.Drops));
        Assert.Contains(captured.Lines, l => l is { Level: LogLevel.Information } && l.Message.StartsWith("PAR/2023/v1.csv: already taken by an earlier delivery of its event, nothing to do (Gone, ", StringComparison.Ordinal));
        Assert.DoesNotContain(captured.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task The_same_bytes_uploaded_again_under_the_same_name_is_a_second_drop()
    {
        await using var services = await azurite.NewPipelineAsync();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new CapturedLogs()));
        var trigger = Azure(services, factory);
        for (var upload = 0; upload < 2; upload++)
        {
            await Blobs.DropAsync(services, "PAR/2023/v1.csv", Version(0));
            await trigger(Drop(services, "PAR/2023/v1.csv"), "PAR/2023/v1.csv");
            await trigger(Drop(services, "PAR/2023/v1.csv"), "PAR/2023/v1.csv");
        }
        var entry = Assert.Single(await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None));
        Assert.Equal((2, 2), (entry.Drops, entry.DropTags.Count));
        Assert.Equal(["PAR/2023/v1.csv"], entry.BlobNames);
    }

    [Fact]
    public async Task A_late_event_of_an_older_upload_leaves_the_newer_version_current()
    {
        await using var services = await azurite.NewPipelineAsync();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new CapturedLogs()));
        var trigger = Azure(services, factory);
        await Blobs.DropAsync(services, "PAR/2023/old.csv", Version(0.5));
        await Task.Delay(1100);
        await Blobs.DropAsync(services, "PAR/2023/new.csv", Version(0));

        // The newer upload's event first, then the older one's, then both again.
        await trigger(Drop(services, "PAR/2023/new.csv"), "PAR/2023/new.csv");
        await trigger(Drop(services, "PAR/2023/old.csv"), "PAR/2023/old.csv");
        await Task.WhenAll(trigger(Drop(services, "PAR/2023/new.csv"), "PAR/2023/new.csv"), trigger(Drop(services, "PAR/2023/old.csv"), "PAR/2023/old.csv"));

        var ledger = await services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None);
        var current = await services.GetRequiredService<ScoreStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        var newer = Assert.Single(ledger, e => e.BlobName == "PAR/2023/new.csv");
        var older = Assert.Single(ledger, e => e.BlobName == "PAR/2023/old.csv");
        Assert.Equal(newer.Sha256, current!.Version);
        Assert.Equal((LedgerStatus.Ingested, 1), (newer.Status, newer.Drops));
        Assert.Equal((LedgerStatus.Superseded, newer.Sha256, 1), (older.Status, older.RelatedVersion, older.Drops));
        // The older version's scores are kept, readable as a version, never current.
        Assert.NotNull(await services.GetRequiredService<ScoreStore>().GetVersionAsync(new IndexYear("PAR", 2023), older.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task A_newer_upload_under_the_same_name_survives_the_older_ones_delivery()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingestion = services.GetRequiredService<IngestionService>();
        await Blobs.DropAsync(services, "PAR/2023/v.csv", Version(0.5));
        var first = await Drop(services, "PAR/2023/v.csv").DownloadContentAsync();
        // Re-uploaded before the first upload's delivery finished: deleting by name would lose the new upload.
        await Task.Delay(1100);
        await Blobs.DropAsync(services, "PAR/2023/v.csv", Version(0));
        await ingestion.IngestAsync("PAR/2023/v.csv", first.Value.Content.ToStream(), first.Value.Details.ETag.ToString(), first.Value.Details.LastModified, CancellationToken.None);
        Assert.True(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, "PAR/2023/v.csv"));

        var outcome = await ingestion.IngestDropAsync(Drop(services, "PAR/2023/v.csv"), CancellationToken.None);
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.False(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, "PAR/2023/v.csv"));
        var current = await services.GetRequiredService<ScoreStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        Assert.Equal(outcome.Sha256, current!.Version);
    }
}
