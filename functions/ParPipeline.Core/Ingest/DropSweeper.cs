using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>
/// The safety net under the blob trigger: a polling blob trigger forgets the blobs it had seen but not finished
/// when its host is killed, and an Event Grid event can be dead-lettered. A drop still in <c>ministry-drops</c>
/// after <see cref="IngestionOptions.SweepAfter"/> is ingested here; ingestion is idempotent, so a race with a
/// late trigger costs work, never data.
/// </summary>
public sealed class DropSweeper(BlobServiceClient blobs, IngestionService ingestion, IOptions<IngestionOptions> options, TimeProvider clock, ILogger<DropSweeper> log)
{
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        var cutoff = clock.GetUtcNow() - options.Value.SweepAfter;
        var swept = 0;
        await foreach (var item in container.GetBlobsAsync(cancellationToken: ct))
        {
            if (item.Properties.LastModified > cutoff || ingestion.IsInFlight(item.Name))
            {
                continue;
            }
            if (item.Properties.ContentLength > options.Value.MaxFileBytes || item.Name.Split('/').Any(part => part is "." or ".."))
            {
                // Refused for its size (it stays for a person, the ledger says so), or named so that a URI would
                // point elsewhere: neither is read again.
                continue;
            }
            try
            {
                var download = await container.GetBlobClient(item.Name).DownloadStreamingAsync(cancellationToken: ct);
                await using var content = download.Value.Content;
                var outcome = await ingestion.IngestAsync(item.Name, content, download.Value.Details.ETag.ToString(), download.Value.Details.LastModified, ct);
                log.LogWarning("Swept {Blob}, left in {Container} since {Modified:u}: {Outcome}", item.Name, PipelineStorageNames.DropsContainer, item.Properties.LastModified, outcome);
                swept++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Taken by its trigger meanwhile.
            }
        }
        return swept;
    }
}
