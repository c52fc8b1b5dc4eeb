namespace ParPipeline.Ingest;

/// <summary>Where a sheet's table is: its header rows and which column holds what (0-based columns).</summary>
/// <param name="HeaderRow">1-based row of the (first) header row.</param>
/// <param name="FirstDataRow">1-based row where units start: after one header row, or two when merged.</param>
/// <param name="FieldColumns">Field key to the column of its score.</param>
/// <param name="RankColumns">Field key to the column of its published rank.</param>
public sealed record SheetLayout(int HeaderRow, int FirstDataRow, int UnitColumn, IReadOnlyDictionary<string, int> FieldColumns, IReadOnlyDictionary<string, int> RankColumns);
