using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>One row of a criterion-level annex: a unit's score on one criterion in one index-year.</summary>
public sealed record CriterionScore(IndexYear IndexYear, string UnitCode, string Criterion, double Score, int Row);
