using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParPipeline.Storage;

namespace ParPipeline.Local.EventGrid;

/// <summary>
/// Event Grid for Azurite, which has none: every upload to <c>ministry-drops</c> (a blob name at a new ETag) is
/// announced as a <c>Microsoft.Storage.BlobCreated</c> event POSTed to the local host's own blob webhook, as the
/// subscription infra/ creates posts to the Function App's. So IngestDrop runs with an Event Grid source in both
/// hosts, with no blob receipts, and is delivered at least once: an event that was not accepted is posted again,
/// and a restarted host announces every drop still waiting (Event Grid redelivers, too).
/// </summary>
public sealed class LocalBlobEvents(BlobServiceClient blobs, IServer server, Http.AdminKey key, ILogger<LocalBlobEvents> log) : BackgroundService
{
    /// <summary>How often the container is listed; an upload is announced within this much.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>The id the WebJobs SDK gives IngestDrop (its method's full name), which the webhook's functionName names.</summary>
    public const string FunctionId = "ParPipeline.Local.Triggers.IngestDrop.Run";

    private readonly ConcurrentDictionary<string, string> _announced = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var container = blobs.GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await AnnounceAsync(http, container, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage away for a moment, or the host still starting: the next round tries again.
                log.LogDebug(e, "Could not announce new drops this round");
            }
            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task AnnounceAsync(HttpClient http, BlobContainerClient container, CancellationToken ct)
    {
        if (server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is not { } address)
        {
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<(string Name, string ETag, object Event)>();
        await foreach (var item in container.GetBlobsAsync(cancellationToken: ct))
        {
            seen.Add(item.Name);
            var etag = item.Properties.ETag?.ToString() ?? "";
            if (_announced.TryGetValue(item.Name, out var known) && known == etag)
            {
                continue;
            }
            fresh.Add((item.Name, etag, Event(container, item.Name, etag, item.Properties.ContentLength ?? 0)));
        }
        foreach (var gone in _announced.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _announced.TryRemove(gone, out _);
        }
        if (fresh.Count == 0)
        {
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{address.TrimEnd('/')}{LocalWebhooks.PathPrefix}blobs?functionName={FunctionId}&code={Uri.EscapeDataString(key.Value)}")
        {
            Content = new StringContent(JsonSerializer.Serialize(fresh.Select(f => f.Event)), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("aeg-event-type", "Notification");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            log.LogWarning("The blob webhook refused {Count} BlobCreated events ({Status}); they are posted again", fresh.Count, (int)response.StatusCode);
            return;
        }
        foreach (var (name, etag, _) in fresh)
        {
            _announced[name] = etag;
        }
    }

    /// <summary>A BlobCreated event in the Event Grid schema, with what the blob extension reads from it (url, eTag, blobType).</summary>
    private static object Event(BlobContainerClient container, string name, string etag, long length) => new Dictionary<string, object>
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = "/subscriptions/local/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/" + container.AccountName,
        ["subject"] = $"/blobServices/default/containers/{container.Name}/blobs/{name}",
        ["eventType"] = "Microsoft.Storage.BlobCreated",
        ["eventTime"] = DateTimeOffset.UtcNow.ToString("o"),
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
        ["data"] = new Dictionary<string, object>
        {
            ["api"] = "PutBlob",
            ["eTag"] = etag.Trim('"'),
            ["contentLength"] = length,
            ["blobType"] = "BlockBlob",
            ["url"] = container.GetBlobClient(name).Uri.ToString(),
        },
    };
}
