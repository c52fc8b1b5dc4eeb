namespace ParPipeline.Ingest;

/// <summary>Settings under <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest file accepted; a provincial year is tens of kilobytes, a criterion-level annex a few megabytes.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long reading one file may take before it is rejected with PARSE_TIMEOUT.</summary>
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How old a drop must be before the sweeper (<c>SweepDrops</c>) ingests it itself: its trigger died with its
    /// host, or never fired. Longer than the longest ingestion (a million rows take minutes).
    /// </summary>
    public TimeSpan SweepAfter { get; set; } = TimeSpan.FromMinutes(15);
}
