using System.Collections.Concurrent;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary>
/// One ranked index-year as the API serves it: the ranking read once per ranking version, and the answers
/// rendered from it (by route and query), so a request is a dictionary lookup, not a table read.
/// </summary>
public sealed class IndexYearSnapshot(RankingVersion version, RankingTable table, DateTimeOffset? ingestedAt)
{
    /// <summary>Enough for every sort, filter and format a dashboard asks for; past it answers are rendered, not kept.</summary>
    private const int MaxRendered = 256;

    private readonly ConcurrentDictionary<string, ApiResponse> _rendered = new(StringComparer.Ordinal);

    public RankingVersion Version { get; } = version;

    public RankingTable Table { get; } = table;

    /// <summary>When the file behind the current scores arrived; null when its ledger row is missing.</summary>
    public DateTimeOffset? IngestedAt { get; } = ingestedAt;

    public IndexYear IndexYear => Version.IndexYear;

    public UnitRanking? Find(string code) => Table.Units.FirstOrDefault(u => u.UnitCode == code);

    public ApiResponse Rendered(string key, Func<IndexYearSnapshot, ApiResponse> render)
    {
        if (_rendered.TryGetValue(key, out var kept))
        {
            return kept;
        }
        var response = render(this);
        if (response.Status == 200 && _rendered.Count < MaxRendered)
        {
            _rendered.TryAdd(key, response);
        }
        return response;
    }
}
