namespace ParPipeline.Ranking;

/// <summary>A pre-2025 province's previous-year result, shown beside the merged unit it became part of.</summary>
public sealed record PredecessorResult(string UnitCode, string UnitName, int Year, double Score, int Rank, int Of);
