using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using Azure.Storage.Blobs;
using ParPipeline.Ingest;
using ParPipeline.Storage;

namespace ParPipeline.Local.Triggers;

/// <summary>
/// The local twin of the Azure app's IngestDrop: same name, same path, same Event Grid source, so no blob receipts
/// and at-least-once delivery as in Azure (LocalBlobEvents stands in for the Event Grid subscription).
/// </summary>
public sealed class IngestDrop(IngestionService ingestion, ILogger<IngestDrop> log)
{
    [FunctionName(nameof(IngestDrop))]
    public async Task Run(
        [BlobTrigger(PipelineStorageNames.DropsContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = PipelineStorageNames.Connection)] BlobClient blob,
        string name, CancellationToken ct)
    {
        var outcome = await ingestion.IngestDropAsync(blob, ct);
        log.LogInformation("{Blob}: {Outcome}", name, outcome);
    }
}
