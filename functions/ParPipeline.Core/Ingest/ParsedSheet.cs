using ParPipeline.Ranking;

namespace ParPipeline.Ingest;

/// <summary>What a sheet yielded: its scores, or the problems that stop it from being ingested.</summary>
public sealed record ParsedSheet(IReadOnlyList<UnitScore> Scores, IReadOnlyList<IngestProblem> Problems);
