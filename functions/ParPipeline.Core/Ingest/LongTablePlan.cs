using ParPipeline.Indices;

namespace ParPipeline.Ingest;

/// <summary>A long-format sheet found in a workbook: read later, streaming, by <see cref="CriteriaReader"/>.</summary>
/// <param name="SheetIndex">0-based position of the sheet in the workbook.</param>
/// <param name="Year">The year from the drop's path or the sheet's title; null when the rows carry it.</param>
public sealed record LongTablePlan(int SheetIndex, string Sheet, IndexDefinition Index, int? Year, LongLayout Layout);
