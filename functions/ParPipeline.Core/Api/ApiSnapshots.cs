using Microsoft.Extensions.Options;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary>
/// The API's view of the results. The catalog (table <c>Publications</c>, one row per ranked index-year with
/// its ranking hash) is read at most once per <see cref="ApiOptions.SnapshotRefresh"/>; an index-year's ranking
/// is read again only when its hash changes. The catalog row is written after the ranking rows, so every route
/// answers from the same list: a year is served by /rankings exactly when /indices lists it.
/// </summary>
public sealed class ApiSnapshots(PublicationCatalog catalog, RankingStore rankings, IngestionLedger ledger, IOptions<ApiOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile View _view = new([], DateTimeOffset.MinValue);

    private sealed record View(IReadOnlyList<IndexYearSnapshot> Snapshots, DateTimeOffset ReadAt);

    /// <summary>Every ranked index-year, current as of at most one refresh interval ago.</summary>
    public async Task<IReadOnlyList<IndexYearSnapshot>> AllAsync(CancellationToken ct)
    {
        var view = _view;
        if (clock.GetUtcNow() - view.ReadAt < options.Value.SnapshotRefresh)
        {
            return view.Snapshots;
        }
        await _refresh.WaitAsync(ct);
        try
        {
            view = _view;
            if (clock.GetUtcNow() - view.ReadAt < options.Value.SnapshotRefresh)
            {
                return view.Snapshots;
            }
            var readAt = clock.GetUtcNow();
            var versions = await catalog.ListAsync(ct);
            var snapshots = new List<IndexYearSnapshot>(versions.Count);
            foreach (var version in versions.OrderBy(v => v.IndexYear.Index, StringComparer.Ordinal).ThenBy(v => v.IndexYear.Year))
            {
                var kept = view.Snapshots.FirstOrDefault(s => s.IndexYear == version.IndexYear);
                if (kept is not null && kept.Version.RankingHash == version.RankingHash)
                {
                    snapshots.Add(kept);
                }
                else if (await BuildAsync(version, ct) is { } built)
                {
                    // Ranking rows newer than their catalog row (written next): keep serving what the catalog
                    // names, or, for a first ranking, serve it unkept so the coming catalog row rebuilds it.
                    snapshots.Add(built.Table.ScoreVersion == version.ScoreVersion ? built
                        : kept ?? new IndexYearSnapshot(version with { RankingHash = "" }, built.Table, built.IngestedAt));
                }
            }
            _view = new View(snapshots, readAt);
            return snapshots;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async Task<IndexYearSnapshot?> GetAsync(IndexYear indexYear, CancellationToken ct) =>
        (await AllAsync(ct)).FirstOrDefault(s => s.IndexYear == indexYear);

    private async Task<IndexYearSnapshot?> BuildAsync(RankingVersion version, CancellationToken ct)
    {
        var table = await rankings.GetAsync(version.IndexYear, ct);
        if (table is null)
        {
            return null;
        }
        var ingested = await ledger.GetAsync(version.ScoreVersion, ct);
        return new IndexYearSnapshot(version, table, ingested?.ReceivedAt);
    }
}
