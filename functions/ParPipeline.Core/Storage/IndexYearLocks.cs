using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace ParPipeline.Storage;

/// <summary>
/// Serialises the moment a file's scores become current, per index-year: two corrected versions of one year
/// dropped together would otherwise both read the same current version, both write, and both be recorded as
/// the current one. A blob lease (container <c>pipeline-locks</c>) is the lock: storage-side, shared by every
/// instance, and released by expiry when its holder dies.
/// </summary>
public sealed class IndexYearLocks(BlobServiceClient blobs)
{
    // The longest finite lease; what it guards takes well under a second.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    // A holder that died leaves its lease to expire: wait out one lease and then some.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Holds every index-year's lock (taken in order, so two files never wait for each other) until disposed.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(IEnumerable<IndexYear> indexYears, CancellationToken ct)
    {
        var held = new Held();
        try
        {
            foreach (var indexYear in indexYears.Select(i => i.PartitionKey).Distinct().Order(StringComparer.Ordinal))
            {
                held.Leases.Add(await AcquireOneAsync(indexYear, ct));
            }
            return held;
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }
    }

    private async Task<BlobLeaseClient> AcquireOneAsync(string name, CancellationToken ct)
    {
        var blob = blobs.GetBlobContainerClient(PipelineStorageNames.LocksContainer).GetBlobClient(name);
        var lease = blob.GetBlobLeaseClient();
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: ct);
                return lease;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                try
                {
                    await blob.UploadAsync(BinaryData.Empty, overwrite: false, ct);
                }
                catch (RequestFailedException exists) when (exists.Status is 409 or 412)
                {
                    // Another instance made it first.
                }
            }
            catch (RequestFailedException e) when (e.Status == 409 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 + Random.Shared.Next(200)), ct);
            }
        }
    }

    private sealed class Held : IAsyncDisposable
    {
        public List<BlobLeaseClient> Leases { get; } = [];

        public async ValueTask DisposeAsync()
        {
            foreach (var lease in Enumerable.Reverse(Leases))
            {
                try
                {
                    await lease.ReleaseAsync();
                }
                catch (RequestFailedException)
                {
                    // Expired or storage gone: the lease ends by itself.
                }
            }
        }
    }
}
