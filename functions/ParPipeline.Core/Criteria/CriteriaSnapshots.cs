using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ParPipeline.Api;
using ParPipeline.Indices;
using ParPipeline.Storage;

namespace ParPipeline.Criteria;

/// <summary>
/// The criteria annexes ranked, for the API and the reports alike: a version's rows are read and ranked once (a
/// version never changes), and only the current version of each index-year is kept. The API follows each
/// index-year's pointer, read at most once per <see cref="ApiOptions.SnapshotRefresh"/>; the publisher, which reads
/// the pointer itself, asks for the version it found. Either way an answer is drawn from one version whole.
/// </summary>
public sealed class CriteriaSnapshots(CriteriaStore store, IndexCatalog indices, IOptions<ApiOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<IndexYear, Pointer> _pointers = new();
    private readonly ConcurrentDictionary<(IndexYear, string), Lazy<Task<CriteriaTable>>> _tables = new();
    private volatile Listing _listing = new([], DateTimeOffset.MinValue);

    private sealed record Pointer(CriteriaVersion? Current, DateTimeOffset ReadAt);

    private sealed record Listing(IReadOnlyList<CriteriaVersion> Versions, DateTimeOffset ReadAt);

    /// <summary>The current annex of an index-year, ranked; null when none was ingested.</summary>
    public async Task<CriteriaTable?> GetAsync(IndexYear indexYear, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!_pointers.TryGetValue(indexYear, out var pointer) || now - pointer.ReadAt >= options.Value.SnapshotRefresh)
        {
            pointer = new Pointer(await store.GetCurrentAsync(indexYear, ct), now);
            _pointers[indexYear] = pointer;
        }
        return pointer.Current is { } current && indices.Find(indexYear.Index) is { } index ? await TableAsync(index, current, ct) : null;
    }

    /// <summary>One version ranked, read once and kept while it is the newest asked for of its index-year.</summary>
    public async Task<CriteriaTable> TableAsync(IndexDefinition index, CriteriaVersion version, CancellationToken ct)
    {
        var key = (version.IndexYear, version.Version);
        var lazy = _tables.GetOrAdd(key, k => new Lazy<Task<CriteriaTable>>(() => LoadAsync(index, k.Item1, k.Item2)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A failed read must not be kept: the next request reads again.
            _tables.TryRemove(new KeyValuePair<(IndexYear, string), Lazy<Task<CriteriaTable>>>(key, lazy));
            throw;
        }
        finally
        {
            // Superseded versions of this index-year are not read again.
            foreach (var stale in _tables.Keys.Where(k => k.Item1 == version.IndexYear && k.Item2 != version.Version))
            {
                _tables.TryRemove(stale, out _);
            }
        }
    }

    /// <summary>Index-years with an annex, as of at most one refresh interval ago.</summary>
    public async Task<IReadOnlyList<CriteriaVersion>> ListAsync(CancellationToken ct)
    {
        var listing = _listing;
        if (clock.GetUtcNow() - listing.ReadAt < options.Value.SnapshotRefresh)
        {
            return listing.Versions;
        }
        var versions = await store.ListCurrentAsync(ct);
        _listing = new Listing(versions, clock.GetUtcNow());
        return versions;
    }

    // Not the request's token: the read is shared by every request waiting for it.
    private async Task<CriteriaTable> LoadAsync(IndexDefinition index, IndexYear indexYear, string version) =>
        CriteriaTable.Build(index, indexYear, version, await store.ReadVersionAsync(indexYear, version, CancellationToken.None).ToListAsync());
}
