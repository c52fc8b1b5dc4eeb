using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ParPipeline.Criteria;
using ParPipeline.Indices;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary>
/// The criteria annexes as the API serves them: each index-year's pointer is read at most once per
/// <see cref="ApiOptions.SnapshotRefresh"/>, and a version's rows are read and ranked once (a version never changes),
/// through the pointer, so an answer is drawn from one version whole: the old one or the new one, never a mix.
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
        if (pointer.Current is not { } current || indices.Find(indexYear.Index) is not { } index)
        {
            return null;
        }
        var lazy = _tables.GetOrAdd((indexYear, current.Version), key => new Lazy<Task<CriteriaTable>>(() => LoadAsync(index, key.Item1, key.Item2)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A failed read must not be kept: the next request reads again.
            _tables.TryRemove(new KeyValuePair<(IndexYear, string), Lazy<Task<CriteriaTable>>>((indexYear, current.Version), lazy));
            throw;
        }
        finally
        {
            // Superseded versions of this index-year are not read again.
            foreach (var key in _tables.Keys.Where(k => k.Item1 == indexYear && k.Item2 != current.Version))
            {
                _tables.TryRemove(key, out _);
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
        CriteriaTable.Build(index, indexYear, version, await ReadAllAsync(indexYear, version));

    private async Task<List<Ingest.CriterionScore>> ReadAllAsync(IndexYear indexYear, string version)
    {
        var rows = new List<Ingest.CriterionScore>();
        await foreach (var row in store.ReadVersionAsync(indexYear, version, CancellationToken.None))
        {
            rows.Add(row);
        }
        return rows;
    }
}
