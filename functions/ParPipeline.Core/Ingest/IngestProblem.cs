namespace ParPipeline.Ingest;

/// <summary>
/// A located problem with a dropped file, in English and in Vietnamese (the language of most who drop files):
/// a user can open the sheet, go to the cell and see what to change.
/// </summary>
/// <param name="Row">1-based row number as a spreadsheet shows it; null when the problem is the whole file.</param>
/// <param name="Column">Column letter (A, B, ..., AA) as a spreadsheet shows it; null when not one cell.</param>
/// <param name="Code">A stable code: UNKNOWN_UNIT, DUPLICATE_UNIT, SCORE_OUT_OF_RANGE, HEADER_NOT_FOUND, ...</param>
/// <param name="MessageVi">The message in Vietnamese, saying the same as <paramref name="Message"/>.</param>
public sealed record IngestProblem(string? Sheet, int? Row, string? Column, string Code, string Message, string MessageVi)
{
    /// <summary>The cell in A1 style (<c>D8</c>) when the problem is one cell; the row (<c>8</c>) or column alone otherwise.</summary>
    public string? Cell => (Column, Row) switch
    {
        ({ } c, { } r) => $"{c}{r}",
        (null, { } r) => r.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ({ } c, null) => c,
        _ => null,
    };

    /// <summary>The value found in the cell, as the file holds it (after invisible characters are removed).</summary>
    public string? Found { get; init; }

    public override string ToString() =>
        $"{Code} at {Sheet ?? "(file)"}{(Row is { } r ? $" row {r}" : "")}{(Column is { } c ? $" column {c}" : "")}: {Message}";
}
