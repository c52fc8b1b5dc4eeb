using ParPipeline.Indices;

namespace ParPipeline.Ingest;

/// <summary>A sheet as first looked at: its first rows (cleaned, for the header search), merges and visibility.</summary>
/// <param name="Index">0-based position in the workbook.</param>
/// <param name="Scanned">The same rows as the file holds them, with heights and formats, for the table reader.</param>
public sealed record SheetScan(int Index, string Name, IReadOnlyList<object?[]> Rows, IReadOnlyList<MergedRange> Merges, bool Hidden, IReadOnlyList<ScannedRow> Scanned)
{
    /// <summary>The rows' cells folded for header matching, once per sheet.</summary>
    public IReadOnlyList<string[]> Keys { get; } = HeaderLocator.KeysOf(Rows);
}

/// <summary>An index's table found on a sheet, with the year it is for and whether the sheet's title names the index.</summary>
public sealed record SheetPlan(SheetScan Sheet, IndexDefinition Index, int? Year, SheetLayout Layout, bool TitleNamesIndex);
