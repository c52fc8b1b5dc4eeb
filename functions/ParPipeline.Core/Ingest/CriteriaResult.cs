using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>What streaming a criteria sheet gave: problems (then nothing is made current), and the staged versions.</summary>
public sealed record CriteriaResult(IReadOnlyList<IngestProblem> Problems, IReadOnlyList<IndexYear> IndexYears)
{
    public IReadOnlyList<CriteriaVersion> Versions { get; init; } = [];

    /// <summary>Kept with the ingestion: cells whose invisible characters were removed.</summary>
    public IReadOnlyList<IngestProblem> Warnings { get; init; } = [];
}
