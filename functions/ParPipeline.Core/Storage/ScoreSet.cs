using ParPipeline.Ranking;

namespace ParPipeline.Storage;

/// <summary>The scores of one index-year as stored, with the file version they came from.</summary>
public sealed record ScoreSet(IndexYear IndexYear, string Version, IReadOnlyList<UnitScore> Scores);
