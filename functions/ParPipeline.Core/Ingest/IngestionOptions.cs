namespace ParPipeline.Ingest;

/// <summary>Settings under <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest file accepted; a provincial year is tens of kilobytes, a criterion-level file a few megabytes.</summary>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;
}
