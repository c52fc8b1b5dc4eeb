using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>One row of a criterion-level annex: a unit's score on one criterion in one index-year.</summary>
/// <remarks>A struct: a million-row annex makes one per row, and as objects they were a tenth of what reading allocated.</remarks>
public readonly record struct CriterionScore(IndexYear IndexYear, string UnitCode, string Criterion, double Score, int Row);
