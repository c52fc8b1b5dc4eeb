namespace ParPipeline.Ranking;

/// <summary>One unit's total in one index-year.</summary>
public sealed record UnitScore(string UnitCode, string UnitName, double Total);
