namespace ParPipeline.Storage;

/// <summary>What became of a distinct file (by SHA-256).</summary>
public enum LedgerStatus
{
    /// <summary>Its scores are the current version of their index-year(s).</summary>
    Ingested,

    /// <summary>Quarantined with an error report.</summary>
    Rejected,

    /// <summary>Different bytes, same figures as the current version: archived, nothing changed.</summary>
    Duplicate,

    /// <summary>Was ingested; a later file for the same index-year replaced it (still kept and queryable).</summary>
    Superseded,
}
