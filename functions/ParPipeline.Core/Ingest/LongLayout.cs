namespace ParPipeline.Ingest;

/// <summary>
/// Where a long-format table is (one row per unit, year and criterion, the way criterion-level annexes come):
/// 0-based columns; <see cref="YearColumn"/> null when the year comes from the drop's path or title.
/// </summary>
public sealed record LongLayout(int HeaderRow, int UnitColumn, int? YearColumn, int CriterionColumn, int ScoreColumn)
{
    public int FirstDataRow => HeaderRow + 1;
}
