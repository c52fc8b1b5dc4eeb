using ParPipeline.Storage;

namespace ParPipeline.Ranking;

/// <summary>An index-year's rankings, best first, and the score versions they were computed from.</summary>
public sealed record RankingTable(IndexYear IndexYear, string ScoreVersion, string? PreviousScoreVersion, IReadOnlyList<UnitRanking> Units);
