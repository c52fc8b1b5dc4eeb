using ParPipeline.Indices;
using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>An index-year read from one sheet: every unit's scores, and the warnings kept with the ingestion.</summary>
public sealed record ScoreTable(IndexDefinition Index, IndexYear IndexYear, string Sheet, SheetLayout Layout, IReadOnlyList<UnitRecord> Units, IReadOnlyList<IngestProblem> Warnings);
