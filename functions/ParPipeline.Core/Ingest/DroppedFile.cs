using System.Security.Cryptography;

namespace ParPipeline.Ingest;

/// <summary>A file as dropped: its blob name, its bytes and their SHA-256 (the ledger key and the file version).</summary>
public sealed record DroppedFile(string BlobName, byte[] Content, string Sha256)
{
    /// <summary>The lower-case extension with its dot, from an allow-list; ".bin" for anything else.</summary>
    public string Extension => Path.GetExtension(BlobName).ToLowerInvariant() switch
    {
        ".xlsx" => ".xlsx",
        ".xlsm" => ".xlsm",
        ".xls" => ".xls",
        ".csv" => ".csv",
        _ => ".bin",
    };

    public string FileName => BlobName[(BlobName.LastIndexOf('/') + 1)..];

    public static async Task<DroppedFile> ReadAsync(string blobName, Stream content, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FileTooLargeException(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        return new DroppedFile(blobName, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}

/// <summary>Raised by <see cref="DroppedFile.ReadAsync"/> so the service can quarantine what it read so far.</summary>
public sealed class FileTooLargeException(long maxBytes) : Exception($"The file is larger than {maxBytes:N0} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
