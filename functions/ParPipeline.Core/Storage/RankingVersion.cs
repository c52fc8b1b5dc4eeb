namespace ParPipeline.Storage;

/// <summary>What a stored ranking was computed from, and a hash of its content.</summary>
public sealed record RankingVersion(IndexYear IndexYear, string ScoreVersion, string RankingHash, int Units, DateTimeOffset RankedAt);
