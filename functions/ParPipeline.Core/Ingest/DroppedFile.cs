using System.Security.Cryptography;

namespace ParPipeline.Ingest;

/// <summary>A file as dropped: its blob name, its bytes and their SHA-256 (the ledger key and the file version).</summary>
public sealed record DroppedFile(string BlobName, byte[] Content, string Sha256)
{
    /// <summary>The lower-case extension with its dot, from an allow-list; ".bin" for anything else.</summary>
    public string Extension => Path.GetExtension(FileName).ToLowerInvariant() switch
    {
        ".xlsx" => ".xlsx",
        ".xlsm" => ".xlsm",
        ".xls" => ".xls",
        ".csv" => ".csv",
        _ => ".bin",
    };

    public string FileName => BlobName[(BlobName.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Reads the whole stream, hashing all of it but keeping at most <paramref name="maxBytes"/>: a file over
    /// the limit still gets its SHA-256 (its ledger key) without being held in memory.
    /// </summary>
    public static async Task<(DroppedFile? File, string Sha256, long Length)> ReadAsync(string blobName, Stream content, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            hash.AppendData(chunk, 0, read);
            length += read;
            if (length <= maxBytes)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        return (length <= maxBytes ? new DroppedFile(blobName, buffer.ToArray(), sha) : null, sha, length);
    }
}
