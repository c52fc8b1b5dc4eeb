using Azure.Storage.Blobs;
using ParPipeline.Storage;

namespace ParPipeline.Local;

/// <summary>Copies the <c>reports</c> container to <c>.local/reports/</c>, so a user opens the reports in a browser.</summary>
public sealed class ReportMirror(BlobServiceClient blobs, string folder)
{
    public string Folder { get; } = folder;

    /// <summary>The folder, created if missing: the local host serves it at <c>/reports/</c>.</summary>
    public string EnsureFolder() => Directory.CreateDirectory(Folder).FullName;

    public async Task<string> MirrorAsync(CancellationToken ct)
    {
        var target = Folder;
        var reports = blobs.GetBlobContainerClient(PipelineStorageNames.ReportsContainer);
        await foreach (var item in reports.GetBlobsAsync(cancellationToken: ct))
        {
            var path = Path.GetFullPath(Path.Combine(target, item.Name));
            // Report names are built by the pipeline, but never write outside the mirror folder.
            if (!path.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await reports.GetBlobClient(item.Name).DownloadToAsync(path, ct);
        }
        return target;
    }
}
