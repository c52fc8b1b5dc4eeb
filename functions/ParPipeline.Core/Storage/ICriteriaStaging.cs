using ParPipeline.Ingest;

namespace ParPipeline.Storage;

/// <summary>
/// Where streamed criterion rows are staged: table <c>Criteria</c> (<see cref="CriteriaStore"/>) in the pipeline;
/// the benchmark measures reading and checking alone by staging nowhere.
/// </summary>
public interface ICriteriaStaging
{
    Task StageAsync(string partition, IReadOnlyList<CriterionScore> rows, CancellationToken ct);

    /// <summary>Removes every partition of a staged version (<see cref="CriteriaStore.StagedVersion"/>).</summary>
    Task DeleteStagedAsync(string version, CancellationToken ct);
}
