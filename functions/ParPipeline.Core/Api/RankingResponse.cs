using ParPipeline.Ranking;

namespace ParPipeline.Api;

/// <summary>Body of <c>GET /api/rankings/{index}/{year}</c>.</summary>
public sealed record RankingResponse(string Index, int Year, string ScoreVersion, IReadOnlyList<UnitRanking> Units);
