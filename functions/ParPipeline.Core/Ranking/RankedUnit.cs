namespace ParPipeline.Ranking;

/// <summary>A unit's place: <see cref="Rank"/> of <see cref="Of"/>, equal scores sharing a rank.</summary>
public sealed record RankedUnit(string UnitCode, string UnitName, double Score, int Rank, int Of);
