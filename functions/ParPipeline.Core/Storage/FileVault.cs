using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ParPipeline.Ingest;

namespace ParPipeline.Storage;

/// <summary>
/// Where originals go: <c>ministry-archive/{sha256}.{ext}</c> when ingested, <c>ministry-quarantine/{sha256}.{ext}</c>
/// with <c>{sha256}.errors.json</c> and its page <c>{sha256}.errors.html</c> when rejected. Names come from the content hash, never from the drop's
/// name, so a hostile blob name is never used as a path.
/// </summary>
public sealed class FileVault(BlobServiceClient blobs)
{
    public async Task<string> ArchiveAsync(DroppedFile file, CancellationToken ct)
    {
        var name = $"{file.Sha256}{file.Extension}";
        await UploadAsync(PipelineStorageNames.ArchiveContainer, name, BinaryData.FromBytes(file.Content), "application/octet-stream", file.BlobName, ct);
        return $"{PipelineStorageNames.ArchiveContainer}/{name}";
    }

    public async Task<string> QuarantineAsync(DroppedFile file, ErrorReport report, CancellationToken ct)
    {
        var name = $"{file.Sha256}{file.Extension}";
        await UploadAsync(PipelineStorageNames.QuarantineContainer, name, BinaryData.FromBytes(file.Content), "application/octet-stream", file.BlobName, ct);
        await UploadAsync(PipelineStorageNames.QuarantineContainer, $"{file.Sha256}.errors.json",
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(report, PipelineJson.Options)), "application/json", file.BlobName, ct);
        await UploadAsync(PipelineStorageNames.QuarantineContainer, $"{file.Sha256}.errors.html",
            BinaryData.FromString(RejectionPage.Render(report)), RejectionPage.ContentType, file.BlobName, ct);
        return $"{PipelineStorageNames.QuarantineContainer}/{name}";
    }

    /// <summary>A quarantined file's errors.json; null when there is none (a file refused unread has no copy and no report).</summary>
    public async Task<ErrorReport?> ReadErrorReportAsync(string sha256, CancellationToken ct)
    {
        var blob = blobs.GetBlobContainerClient(PipelineStorageNames.QuarantineContainer).GetBlobClient($"{sha256}.errors.json");
        try
        {
            var content = await blob.DownloadContentAsync(ct);
            return JsonSerializer.Deserialize<ErrorReport>(content.Value.Content.ToMemory().Span, PipelineJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Removes a handled drop so that <c>ministry-drops</c> only ever holds pending work; false when the name has
    /// '.' or '..' segments, which a URI would resolve to another blob: such a drop is left for a person.
    /// </summary>
    /// <summary>
    /// Deletes the drop once its copy is stored; with <paramref name="etag"/>, only while the blob is still the
    /// upload that was read, so a newer upload under the same name (its own event is on its way) is never lost.
    /// </summary>
    public async Task<bool> DeleteDropAsync(string blobName, string? etag, CancellationToken ct)
    {
        if (blobName.Split('/').Any(part => part is "." or ".."))
        {
            return false;
        }
        try
        {
            await blobs.GetBlobContainerClient(PipelineStorageNames.DropsContainer).GetBlobClient(blobName)
                .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots,
                    etag is null ? null : new BlobRequestConditions { IfMatch = new ETag(etag) }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Uploaded again under the same name since it was read: that upload is a drop of its own.
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone (a retry after a crash between the ledger write and this delete): nothing to do.
        }
        return true;
    }

    private async Task UploadAsync(string container, string name, BinaryData content, string contentType, string originalName, CancellationToken ct)
    {
        var blob = blobs.GetBlobContainerClient(container).GetBlobClient(name);
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            // Metadata values must be ASCII: keep the original name URL-escaped.
            Metadata = new Dictionary<string, string> { ["originalname"] = Uri.EscapeDataString(originalName) },
        }, ct);
    }
}
