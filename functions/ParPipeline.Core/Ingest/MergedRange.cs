namespace ParPipeline.Ingest;

/// <summary>A merged cell range, 0-based and inclusive, as ExcelDataReader reports it.</summary>
public readonly record struct MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn);
