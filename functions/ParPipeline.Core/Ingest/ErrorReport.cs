namespace ParPipeline.Ingest;

/// <summary>The content of <c>{sha256}.errors.json</c> beside a quarantined file (and of its page, <c>{sha256}.errors.html</c>).</summary>
/// <param name="Expected">What a file must be, in English; <paramref name="ExpectedVi"/> in Vietnamese.</param>
public sealed record ErrorReport(string File, string Sha256, string Expected, string ExpectedVi, IReadOnlyList<IngestProblem> Problems, DateTimeOffset RejectedAt);
