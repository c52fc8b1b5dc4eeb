using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ParPipeline.Ingest;
using ParPipeline.Storage;

namespace ParPipeline.Functions;

/// <summary>A spreadsheet dropped into <c>ministry-drops</c>: ingest it.</summary>
public sealed class IngestDrop(IngestionService ingestion, ILogger<IngestDrop> log)
{
    // On Flex Consumption the Event Grid source is the only blob trigger source (infra/ subscribes it).
    [Function(nameof(IngestDrop))]
    public async Task Run(
        [BlobTrigger(PipelineStorageNames.DropsContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = PipelineStorageNames.Connection)] Stream blob,
        string name, CancellationToken ct)
    {
        var outcome = await ingestion.IngestAsync(name, blob, ct);
        log.LogInformation("{Blob}: {Outcome}", name, outcome);
    }
}
