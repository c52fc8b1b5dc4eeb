using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>What streaming a criteria sheet gave: problems (then nothing is made current), and the staged versions.</summary>
public sealed record CriteriaResult(IReadOnlyList<IngestProblem> Problems, IReadOnlyList<IndexYear> IndexYears)
{
    public IReadOnlyList<CriteriaVersion> Versions { get; init; } = [];

    /// <summary>Kept with the ingestion: cells whose invisible characters were removed.</summary>
    public IReadOnlyList<IngestProblem> Warnings { get; init; } = [];

    /// <summary>Where the definition lists criteria: each unit's criterion points per component, to hold against
    /// the provincial table (<see cref="CriteriaSums"/>).</summary>
    public IReadOnlyList<ComponentSum> ComponentSums { get; init; } = [];

    /// <summary>The sheet read and the letter of its score column, to place a warning about the sums.</summary>
    public string Sheet { get; init; } = "";

    public string ScoreColumn { get; init; } = "";
}

/// <summary>A unit's criterion points in one component of an index-year: their sum, how many criteria, the first row.</summary>
public sealed record ComponentSum(IndexYear IndexYear, string UnitCode, string Component, double Sum, int Criteria, int FirstRow);
