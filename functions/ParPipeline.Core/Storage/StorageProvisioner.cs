using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace ParPipeline.Storage;

/// <summary>Creates the containers, queues and tables the pipeline needs; safe to call on every start.</summary>
public sealed class StorageProvisioner(
    BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, ILogger<StorageProvisioner> log)
{
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var name in PipelineStorageNames.Containers)
        {
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: ct);
        }
        foreach (var name in PipelineStorageNames.Queues)
        {
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: ct);
        }
        foreach (var name in PipelineStorageNames.Tables)
        {
            await tables.CreateTableIfNotExistsAsync(name, ct);
        }
        log.LogInformation("Storage ready at {BlobEndpoint}: {Containers} containers, {Queues} queue, {Tables} tables",
            blobs.Uri, PipelineStorageNames.Containers.Count, PipelineStorageNames.Queues.Count, PipelineStorageNames.Tables.Count);
    }
}
