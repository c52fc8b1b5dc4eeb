using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using Azure.Storage.Blobs;
using ParPipeline.Ingest;
using ParPipeline.Storage;

namespace ParPipeline.Functions;

/// <summary>
/// A spreadsheet dropped into <c>ministry-drops</c>: ingest it. Bound to a BlobClient, not a Stream, so ingestion
/// reads the blob's ETag with its bytes: Event Grid delivers each event at least once and an Event Grid source
/// keeps no blob receipts, so the ETag is what tells a second delivery of one upload from a new upload.
/// </summary>
public sealed class IngestDrop(IngestionService ingestion, ILogger<IngestDrop> log)
{
    // On Flex Consumption the Event Grid source is the only blob trigger source (infra/ subscribes it).
    [Function(nameof(IngestDrop))]
    public async Task Run(
        [BlobTrigger(PipelineStorageNames.DropsContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = PipelineStorageNames.Connection)] BlobClient blob,
        string name, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await ingestion.IngestDropAsync(blob, ct);
        log.LogInformation("{Blob}: {Outcome} ({Status}, {DurationMs:0} ms)", name, outcome, outcome.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
