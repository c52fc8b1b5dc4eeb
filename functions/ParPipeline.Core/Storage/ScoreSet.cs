using ParPipeline.Ranking;

namespace ParPipeline.Storage;

/// <summary>The scores of one index-year as stored, with the file version (SHA-256) and data hash they came from.</summary>
public sealed record ScoreSet(IndexYear IndexYear, string Version, string DataHash, IReadOnlyList<UnitScore> Scores)
{
    /// <summary>When the file behind these scores was uploaded (its blob's Last-Modified); null for rows written before it was kept.</summary>
    public DateTimeOffset? DroppedAt { get; init; }
}
