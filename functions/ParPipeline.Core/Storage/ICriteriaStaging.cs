using ParPipeline.Ingest;

namespace ParPipeline.Storage;

/// <summary>
/// Where streamed criterion rows are staged: table <c>Criteria</c> (<see cref="CriteriaStore"/>) in the pipeline;
/// the benchmark measures reading and checking alone by staging nowhere.
/// </summary>
public interface ICriteriaStaging
{
    Task StageAsync(string partition, IReadOnlyList<CriterionScore> rows, CancellationToken ct);

    Task DeleteStagedAsync(string partition, CancellationToken ct);
}
