namespace ParPipeline.Ingest;

/// <summary>
/// What a file yielded: one table per index-year it holds, or long-format sheets to stream, or the problems
/// that stop it.
/// </summary>
public sealed record ParsedWorkbook(IReadOnlyList<ScoreTable> Tables, IReadOnlyList<IngestProblem> Problems)
{
    public IReadOnlyList<LongTablePlan> LongTables { get; init; } = [];

    public static ParsedWorkbook Rejected(params IngestProblem[] problems) => new([], problems);
}
