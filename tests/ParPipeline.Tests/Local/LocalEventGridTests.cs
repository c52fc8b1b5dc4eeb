using System.Net;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Local;
using ParPipeline.Local.EventGrid;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Local;

/// <summary>
/// IngestDrop runs with an Event Grid source in the local host as in Azure: BlobCreated events POSTed to the blob
/// extension's webhook (<c>/runtime/webhooks/blobs</c>, key required), no blob receipts, and a second delivery of
/// an event changes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalEventGridTests(AzuriteFixture azurite)
{
    private const string Key = "test-admin-key";

    private Task<LocalHost> StartAsync() => LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        [PipelineStorageNames.Connection] = azurite.NewAccountConnectionString(),
        ["Local:HttpPort"] = "0",
        ["Local:AdminKey"] = Key,
    }).Build(), logging => logging.ClearProviders(), CancellationToken.None);

    private static string Event(BlobClient blob, string etag) => $$$"""
        [{"id":"{{{Guid.NewGuid()}}}","topic":"/subscriptions/x/resourceGroups/x/providers/Microsoft.Storage/storageAccounts/x",
          "subject":"/blobServices/default/containers/ministry-drops/blobs/{{{blob.Name}}}","eventType":"Microsoft.Storage.BlobCreated",
          "eventTime":"{{{DateTimeOffset.UtcNow:o}}}","dataVersion":"","metadataVersion":"1",
          "data":{"api":"PutBlob","eTag":"{{{etag.Trim('"')}}}","contentLength":1,"blobType":"BlockBlob","url":"{{{blob.Uri}}}"}}]
        """;

    private static async Task<HttpResponseMessage> PostEventAsync(LocalHost host, string body, string? key)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"runtime/webhooks/blobs?functionName={LocalBlobEvents.FunctionId}{(key is null ? "" : "&code=" + key)}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_drop_is_ingested_from_its_BlobCreated_event_with_no_blob_receipt()
    {
        await using var host = await StartAsync();
        var blobs = host.Services.GetRequiredService<BlobServiceClient>();
        await blobs.GetBlobContainerClient(PipelineStorageNames.DropsContainer).GetBlobClient(Samples.Par2023)
            .UploadAsync(BinaryData.FromBytes(Samples.Bytes(Samples.Par2023)));

        var entry = await Eventually.GetAsync(async () =>
            (await host.Services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None)).SingleOrDefault(),
            TimeSpan.FromSeconds(30), "the drop in the ledger");
        Assert.Equal((LedgerStatus.Ingested, 1), (entry.Status, entry.Drops));
        // An Event Grid source keeps no receipts: what a polling trigger writes under blobreceipts/ is not there.
        var hosts = blobs.GetBlobContainerClient("azure-webjobs-hosts");
        var receipts = (await hosts.ExistsAsync()).Value ? await hosts.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "blobreceipts/", CancellationToken.None).CountAsync() : 0;
        Assert.Equal(0, receipts);
    }

    [Fact]
    public async Task The_same_event_delivered_again_and_again_is_one_drop()
    {
        await using var host = await StartAsync();
        var drop = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer).GetBlobClient(Samples.Sipas2023);
        var uploaded = await drop.UploadAsync(BinaryData.FromBytes(Samples.Bytes(Samples.Sipas2023)));
        // Event Grid's at-least-once: the local event source posts one, and here are three more of the same.
        var posted = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostEventAsync(host, Event(drop, uploaded.Value.ETag.ToString()), Key)));
        Assert.All(posted, p => Assert.Equal(HttpStatusCode.Accepted, p.StatusCode));

        var entry = await Eventually.GetAsync(async () =>
            (await host.Services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None)).SingleOrDefault(),
            TimeSpan.FromSeconds(30), "the drop in the ledger");
        await Task.Delay(TimeSpan.FromSeconds(3));
        entry = Assert.Single(await host.Services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None));
        Assert.Equal((LedgerStatus.Ingested, 1), (entry.Status, entry.Drops));
        // Delivered once more after the drop is gone: the host finds no blob and runs nothing.
        Assert.Equal(HttpStatusCode.Accepted, (await PostEventAsync(host, Event(drop, uploaded.Value.ETag.ToString()), Key)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, Assert.Single(await host.Services.GetRequiredService<IngestionLedger>().ListAsync(CancellationToken.None)).Drops);
    }

    [Fact]
    public async Task The_webhook_wants_the_key_as_the_Functions_host_wants_the_extension_key()
    {
        await using var host = await StartAsync();
        var drop = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer).GetBlobClient("PAR/2023/x.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostEventAsync(host, Event(drop, "0x1"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostEventAsync(host, Event(drop, "0x1"), "guess")).StatusCode);
    }
}
