using ParPipeline.Storage;

namespace ParPipeline.Ingest;

public enum IngestStatus
{
    Ingested,
    Rejected,
    Duplicate,
}

/// <summary>What one drop became; printed by the triggers in one log line.</summary>
public sealed record IngestOutcome(
    IngestStatus Status, string Sha256, IReadOnlyList<IndexYear> IndexYears, int Units, IReadOnlyList<IngestProblem> Problems, IReadOnlyList<IngestProblem> Warnings)
{
    public IndexYear? IndexYear => IndexYears.Count > 0 ? IndexYears[0] : null;

    public override string ToString() => Status switch
    {
        IngestStatus.Ingested => $"ingested {Units} units into {string.Join(", ", IndexYears)} (version {Sha256[..12]}){(Warnings.Count > 0 ? $", {Warnings.Count} warning(s)" : "")}",
        IngestStatus.Duplicate => $"duplicate of data already stored ({Sha256[..12]}), nothing changed",
        _ => $"rejected with {Problems.Count} problem(s); first: {Problems.FirstOrDefault()}",
    };
}
