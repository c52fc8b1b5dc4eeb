using ParPipeline.Storage;

namespace ParPipeline.Ranking;

/// <summary>An index-year's national ranking, best first, and the score version it was computed from.</summary>
public sealed record RankingTable(IndexYear IndexYear, string ScoreVersion, IReadOnlyList<RankedUnit> Units);
