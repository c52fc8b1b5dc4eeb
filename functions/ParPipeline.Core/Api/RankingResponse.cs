using ParPipeline.Ranking;

namespace ParPipeline.Api;

/// <summary>Body of <c>GET /api/rankings/{index}/{year}</c>: the filter and order applied, then the units.</summary>
public sealed record RankingResponse(string Index, int Year, string ScoreVersion, DateTimeOffset RankedAt, string? Region, string? Group, string Sort, IReadOnlyList<UnitRanking> Units);
