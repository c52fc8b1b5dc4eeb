using ParPipeline.Storage;

namespace ParPipeline.Ingest;

public enum IngestStatus
{
    Ingested,
    Rejected,
    Duplicate,
}

/// <summary>What one drop became; printed by the triggers in one log line.</summary>
public sealed record IngestOutcome(IngestStatus Status, string Sha256, IndexYear? IndexYear, int Units, IReadOnlyList<IngestProblem> Problems)
{
    public override string ToString() => Status switch
    {
        IngestStatus.Ingested => $"ingested {Units} units into {IndexYear} (version {Sha256[..12]})",
        IngestStatus.Duplicate => $"duplicate of version {Sha256[..12]}, nothing changed",
        _ => $"rejected with {Problems.Count} problem(s); first: {Problems.FirstOrDefault()}",
    };
}
