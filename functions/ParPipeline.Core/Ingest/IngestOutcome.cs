using ParPipeline.Storage;

namespace ParPipeline.Ingest;

public enum IngestStatus
{
    Ingested,
    Rejected,
    Duplicate,

    /// <summary>Stored as a version, not current: a newer upload of its index-year was ingested first.</summary>
    Superseded,

    /// <summary>The drop was no longer there: another delivery of its event had taken it.</summary>
    Gone,
}

/// <summary>What one drop became; printed by the triggers in one log line.</summary>
public sealed record IngestOutcome(
    IngestStatus Status, string Sha256, IReadOnlyList<IndexYear> IndexYears, int Units, IReadOnlyList<IngestProblem> Problems, IReadOnlyList<IngestProblem> Warnings)
{
    public IndexYear? IndexYear => IndexYears.Count > 0 ? IndexYears[0] : null;

    public static IngestOutcome Gone { get; } = new(IngestStatus.Gone, "", [], 0, [], []);

    public override string ToString() => Status switch
    {
        IngestStatus.Ingested => $"ingested {Units} units into {string.Join(", ", IndexYears)} (version {Sha256[..12]}){(Warnings.Count > 0 ? $", {Warnings.Count} warning(s)" : "")}",
        IngestStatus.Duplicate => $"duplicate of data already stored ({Sha256[..12]}), nothing changed",
        IngestStatus.Superseded => $"older than the current version of {string.Join(", ", IndexYears)}: kept as superseded ({Sha256[..12]})",
        IngestStatus.Gone => "already taken by an earlier delivery of its event, nothing to do",
        _ => $"rejected with {Problems.Count} problem(s); first: {Problems.FirstOrDefault()}",
    };
}
