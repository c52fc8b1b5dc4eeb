using System.Security.Cryptography;

namespace ParPipeline.Ingest;

/// <summary>A file as dropped: its blob name, its bytes and their SHA-256 (the ledger key and the file version).</summary>
public sealed record DroppedFile(string BlobName, byte[] Content, string Sha256)
{
    /// <summary>The drop's blob ETag as read; null when the bytes did not come from a blob (a direct call).</summary>
    public string? ETag { get; init; }

    /// <summary>When it was uploaded (the blob's Last-Modified), so a late event of an older upload never replaces a newer one.</summary>
    public DateTimeOffset DroppedAt { get; init; }

    /// <summary>
    /// This drop's identity in the ledger, <c>{name}@{ETag}</c>: every delivery of one upload's event has it, a new
    /// upload under the same name has another. Without an ETag, every call is a drop of its own.
    /// </summary>
    public string DropTag { get; init; } = "";

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
        // The bytes are held once: read in chunks and copied into one array of the exact size at the end (a
        // growing MemoryStream doubles its buffer and copies it again, three times the file at its peak).
        var chunks = new List<byte[]>();
        long length = 0;
        while (true)
        {
            var chunk = new byte[ChunkSize];
            var filled = await content.ReadAtLeastAsync(chunk, chunk.Length, throwOnEndOfStream: false, ct);
            hash.AppendData(chunk, 0, filled);
            length += filled;
            if (length <= maxBytes && filled > 0)
            {
                chunks.Add(filled == chunk.Length ? chunk : chunk[..filled]);
            }
            else
            {
                chunks.Clear();
            }
            if (filled < chunk.Length)
            {
                break;
            }
        }
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (length > maxBytes)
        {
            return (null, sha, length);
        }
        var bytes = new byte[length];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(bytes, offset);
            offset += chunk.Length;
        }
        return (new DroppedFile(blobName, bytes, sha), sha, length);
    }

    private const int ChunkSize = 1024 * 1024;
}
