namespace ParPipeline.Ingest;

/// <summary>A located problem with a dropped file: a user can open the sheet and go to the cell.</summary>
/// <param name="Row">1-based row number as a spreadsheet shows it; null when the problem is the whole file.</param>
/// <param name="Column">Column letter (A, B, ..., AA) as a spreadsheet shows it; null when not one cell.</param>
/// <param name="Code">A stable code: UNKNOWN_UNIT, DUPLICATE_UNIT, SCORE_OUT_OF_RANGE, HEADER_NOT_FOUND, ...</param>
public sealed record IngestProblem(string? Sheet, int? Row, string? Column, string Code, string Message)
{
    public override string ToString() =>
        $"{Code} at {Sheet ?? "(file)"}{(Row is { } r ? $" row {r}" : "")}{(Column is { } c ? $" column {c}" : "")}: {Message}";
}
