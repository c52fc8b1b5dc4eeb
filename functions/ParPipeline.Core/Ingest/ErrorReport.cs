namespace ParPipeline.Ingest;

/// <summary>The content of <c>{sha256}.errors.json</c> beside a quarantined file.</summary>
public sealed record ErrorReport(string File, string Sha256, string Expected, IReadOnlyList<IngestProblem> Problems, DateTimeOffset RejectedAt);
