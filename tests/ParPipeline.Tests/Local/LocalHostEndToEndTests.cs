using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Local;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Local;

/// <summary>
/// Through the real triggers: the local host (WebJobs blob and queue triggers, Kestrel) on the fixture's
/// Azurite; the test only uploads a workbook and reads the HTTP API, as a ministry clerk and a dashboard would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostEndToEndTests(AzuriteFixture azurite)
{
    private const string TestAdminKey = "test-admin-key";

    private Task<LocalHost> StartHostAsync(Dictionary<string, string?>? settings = null, string? connection = null)
    {
        var all = new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = connection ?? azurite.NewAccountConnectionString(),
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = TestAdminKey,
        };
        // A test's own settings replace the defaults above.
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        return LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(all).Build(), logging => logging.ClearProviders(), CancellationToken.None);
    }

    [Fact]
    public async Task The_in_process_host_answers_on_the_loopback_port_it_was_given()
    {
        var port = LoopbackPort.Free();

        await using var host = await StartHostAsync(new() { ["Local:HttpPort"] = $"{port}" });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), host.BaseAddress);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/health")).StatusCode);
    }

    [Fact]
    public async Task A_dropped_workbook_is_served_by_the_API_after_the_blob_and_queue_triggers_ran()
    {
        await using var host = await StartHostAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/rankings/PAR/2023")).StatusCode);

        await host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer)
            .GetBlobClient(Samples.Par2023).UploadAsync(BinaryData.FromBytes(Samples.Bytes(Samples.Par2023)));

        var body = await Eventually.GetAsync(async () =>
        {
            var response = await http.GetAsync("api/rankings/PAR/2023");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, TimeSpan.FromSeconds(60), "PAR 2023 served by /api/rankings");

        using var json = JsonDocument.Parse(body);
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(63, units.Count);
        var daNang = units.Single(u => u.GetProperty("unitCode").GetString() == "48");
        Assert.Equal("Đà Nẵng", daNang.GetProperty("unitName").GetString());
        Assert.Equal(12, daNang.GetProperty("rank").GetInt32());
        Assert.Equal(63, daNang.GetProperty("of").GetInt32());
        Assert.Equal(88.68, daNang.GetProperty("score").GetDouble());
        Assert.Equal("Quảng Ninh", units[0].GetProperty("unitName").GetString());

        // The catalog row is written right after the ranking rows: a reader may see the ranking a moment earlier.
        var years = await Eventually.GetAsync(async () =>
        {
            var indices = JsonDocument.Parse(await http.GetStringAsync("api/indices")).RootElement;
            var entry = indices.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "PAR");
            return entry.GetProperty("years").GetArrayLength() > 0 ? entry.GetProperty("years").GetRawText() : null;
        }, TimeSpan.FromSeconds(30), "PAR 2023 listed by /api/indices");
        Assert.Equal(2023, Assert.Single(JsonDocument.Parse(years).RootElement.EnumerateArray()).GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task Through_the_blob_trigger_each_drop_is_ingested_counted_superseded_or_rejected_and_drops_drain()
    {
        await using var host = await StartHostAsync();
        var drops = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        var ledger = host.Services.GetRequiredService<IngestionLedger>();
        async Task<LedgerEntry> Dropped(string name, byte[] bytes, Func<LedgerEntry, bool> done)
        {
            await drops.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes));
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            return await Eventually.GetAsync(async () => await ledger.GetAsync(sha, CancellationToken.None) is { } e && done(e) ? e : null,
                TimeSpan.FromSeconds(60), $"the ledger row of {name}");
        }

        var original = Samples.Bytes(Samples.Par2023);
        var first = await Dropped(Samples.Par2023, original, e => e.Status == LedgerStatus.Ingested);
        var copy = await Dropped("PAR/2023/copy-of-the-same.xlsx", original, e => e.BlobNames.Count == 2);
        var corrected = System.Text.Encoding.UTF8.GetBytes(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC"));
        var second = await Dropped("PAR/2023/corrected.csv", corrected, e => e.Status == LedgerStatus.Ingested);
        var rejected = await Dropped("PAR/2023/broken.csv", System.Text.Encoding.UTF8.GetBytes("Tỉnh,Chỉ số CCHC\nAtlantis,80\n"), e => e.Status == LedgerStatus.Rejected);

        Assert.Equal([Samples.Par2023, "PAR/2023/copy-of-the-same.xlsx"], copy.BlobNames);
        Assert.Equal(first.Sha256, copy.Sha256);
        var superseded = await Eventually.GetAsync(async () => await ledger.GetAsync(first.Sha256, CancellationToken.None) is { Status: LedgerStatus.Superseded } e ? e : null,
            TimeSpan.FromSeconds(30), "the first version superseded");
        Assert.Equal(second.Sha256, superseded.RelatedVersion);
        Assert.StartsWith("ministry-quarantine/", rejected.StoredAs, StringComparison.Ordinal);
        Assert.Equal(4, (await ledger.ListAsync(CancellationToken.None)).Sum(e => e.BlobNames.Count));
        await Eventually.GetAsync(async () =>
        {
            await foreach (var _ in drops.GetBlobsAsync())
            {
                return null;
            }
            return "empty";
        }, TimeSpan.FromSeconds(30), "ministry-drops drained");
    }

    [Fact]
    public async Task A_recompute_request_that_fails_every_try_ends_in_the_ledger_under_its_own_id_with_its_tries_not_lost()
    {
        // host.json's retry schedule (5 tries, 30 s apart) with the wait cut to 1 s the way Azure overrides host.json.
        var connection = azurite.NewAccountConnectionString();
        await using var host = await StartHostAsync(new() { ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01" }, connection);
        var queue = host.Services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(PipelineStorageNames.RecomputeQueue);
        var sent = await queue.SendMessageAsync("{\"index\":\"NOPE\",\"year\":2023}");
        // Not base64 (the app's client sends base64): typed by hand, it still reaches the function and the ledger.
        var raw = new Azure.Storage.Queues.QueueClient(connection, PipelineStorageNames.RecomputeQueue);
        var typed = await raw.SendMessageAsync("recompute PAR 2023 please");

        var poisoned = await Eventually.GetAsync(async () =>
            (await host.Services.GetRequiredService<PoisonLedger>().ListPoisonedAsync(CancellationToken.None)) is { Count: 2 } list ? list : null,
            TimeSpan.FromSeconds(90), "both poisoned requests in the ledger");

        var nope = Assert.Single(poisoned, p => p.MessageId == sent.Value.MessageId);
        Assert.Equal(("rankings-recompute", 5L), (nope.Queue, nope.DequeueCount));
        Assert.Equal(Convert.ToBase64String("{\"index\":\"NOPE\",\"year\":2023}"u8.ToArray()), nope.Message);
        Assert.StartsWith("Index 'NOPE'", nope.LastError, StringComparison.Ordinal);
        Assert.True(nope.FirstFailedAt < nope.LastFailedAt && nope.LastFailedAt <= nope.PoisonedAt);
        var hand = Assert.Single(poisoned, p => p.MessageId == typed.Value.MessageId);
        Assert.Equal((5L, "recompute PAR 2023 please"), (hand.DequeueCount, hand.Message));
        Assert.Equal("'recompute PAR 2023 please' is not a recompute request like {\"index\":\"PAR\",\"year\":2023} (as JSON, or JSON in base64).", hand.LastError);
    }

    [Fact]
    public async Task The_local_timer_run_publishes_and_mirrors_the_reports_site_to_files_a_browser_opens_at_reports()
    {
        var folder = Directory.CreateTempSubdirectory("parpipeline-reports-").FullName;
        await using var host = await StartHostAsync(new() { ["Local:ReportsDirectory"] = folder });
        await host.Services.GetRequiredService<ParPipeline.Ingest.IngestionService>().IngestAsync(Samples.Sipas2023, Samples.Open(Samples.Sipas2023), CancellationToken.None);
        await host.Services.GetRequiredService<ParPipeline.Ranking.RankingService>().RecomputeAsync(new("SIPAS", 2023), CancellationToken.None);
        var trigger = new ParPipeline.Local.Triggers.PublishReports(host.Services.GetRequiredService<ParPipeline.Reports.ReportPublisher>(),
            host.Services.GetRequiredService<ReportMirror>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ParPipeline.Local.Triggers.PublishReports>.Instance);

        await trigger.Run(new Microsoft.Azure.WebJobs.TimerInfo(new Microsoft.Azure.WebJobs.Extensions.Timers.ConstantSchedule(TimeSpan.FromDays(1)), null, isPastDue: true), CancellationToken.None);

        var reports = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer);
        var page = (await reports.GetBlobClient("SIPAS/2023/index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(page, await File.ReadAllTextAsync(Path.Combine(folder, "SIPAS", "2023", "index.html")));
        Assert.True(File.Exists(Path.Combine(folder, "units", "48.en.html")));

        // Served from the same origin as the API, with index.html as the directory page as the static website serves it.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        var served = await http.GetAsync("reports/SIPAS/2023/");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("text/html", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(page, await served.Content.ReadAsStringAsync());
        Assert.Equal(await reports.GetBlobClient("index.html").DownloadContentAsync() is var home ? home.Value.Content.ToString() : null,
            await (await http.GetAsync("reports/")).Content.ReadAsStringAsync());
        var bare = await http.GetAsync("reports");
        Assert.Equal((HttpStatusCode.MovedPermanently, new Uri(host.BaseAddress, "reports/")), (bare.StatusCode, bare.Headers.Location));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("reports/../admin.key")).StatusCode);
    }

    [Fact]
    public async Task The_admin_publish_route_refuses_without_the_key_and_publishes_with_it_as_the_Azure_function_does()
    {
        await using var host = await StartHostAsync();
        await host.Services.GetRequiredService<ParPipeline.Ingest.IngestionService>().IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);
        await host.Services.GetRequiredService<ParPipeline.Ranking.RankingService>().RecomputeAsync(new("PAR", 2023), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var without = await http.PostAsync("api/manage/reports/PAR/2023", null);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("ADMIN_KEY_REQUIRED", JsonDocument.Parse(await without.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "api/manage/reports/PAR/2023") { Headers = { { "x-functions-key", "guess" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Post, "api/manage/reports/PAR/2023") { Headers = { { "x-functions-key", TestAdminKey } } };
        var published = await http.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var body = await published.Content.ReadAsStringAsync();
        Assert.Contains("\"files\":[\"reports/PAR/2023/summary.md\"", body, StringComparison.Ordinal);
        var reports = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer);
        Assert.True((await reports.GetBlobClient("PAR/2023/index.html").ExistsAsync()).Value);
    }
}
