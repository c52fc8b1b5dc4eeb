using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary>
/// <c>GET /api/manage/status</c> (admin key): what an operator looks at when health is red or a year is late:
/// storage latency, queue lengths, poisoned requests, drops waiting, the last ingestion.
/// </summary>
public sealed class StatusQuery(BlobServiceClient blobs, QueueServiceClient queues, IngestionLedger ledger, PoisonLedger poison, TimeProvider clock)
{
    public async Task<ApiResponse> GetAsync(CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var problem = await HealthQuery.ProbeAsync(blobs, ct);
        var latency = clock.GetElapsedTime(started).TotalMilliseconds;
        if (problem is not null)
        {
            return ApiResponse.Ok(new StatusResponse("storage unreachable", problem, Math.Round(latency, 1), [], 0, 0, null), cacheable: false);
        }
        var lengths = new List<QueueLength>();
        foreach (var name in PipelineStorageNames.Queues)
        {
            try
            {
                var properties = await queues.GetQueueClient(name).GetPropertiesAsync(ct);
                lengths.Add(new QueueLength(name, properties.Value.ApproximateMessagesCount));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                lengths.Add(new QueueLength(name, 0));
            }
        }
        var poisoned = (await poison.ListPoisonedAsync(ct)).Count;
        var waiting = 0;
        await foreach (var _ in blobs.GetBlobContainerClient(PipelineStorageNames.DropsContainer).GetBlobsAsync(cancellationToken: ct))
        {
            waiting++;
        }
        var last = (await ledger.ListAsync(ct)).OrderByDescending(e => e.ReceivedAt).FirstOrDefault();
        return ApiResponse.Ok(new StatusResponse("ok", "reachable", Math.Round(latency, 1), lengths, poisoned, waiting,
            last is null ? null : new LastIngestion(last.Sha256, last.BlobName, last.Status, last.ReceivedAt)), cacheable: false);
    }
}

/// <param name="StorageLatencyMs">One storage round trip, as this instance just measured it.</param>
/// <param name="Poisoned">Recompute requests that failed every try and are recorded in the ledger.</param>
/// <param name="DropsWaiting">Blobs in <c>ministry-drops</c> not taken yet.</param>
public sealed record StatusResponse(string Status, string Storage, double StorageLatencyMs, IReadOnlyList<QueueLength> Queues, int Poisoned,
    int DropsWaiting, LastIngestion? LastIngestion);

public sealed record QueueLength(string Queue, int ApproximateMessages);

public sealed record LastIngestion(string Sha256, string BlobName, LedgerStatus Status, DateTimeOffset ReceivedAt);
