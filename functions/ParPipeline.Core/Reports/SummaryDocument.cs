using ParPipeline.Ranking;

namespace ParPipeline.Reports;

/// <summary>The content of <c>summary.json</c>.</summary>
public sealed record SummaryDocument(string Index, string IndexName, int Year, string ScoreVersion, string RankingHash, IReadOnlyList<UnitRanking> Units);
