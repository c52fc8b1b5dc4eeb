namespace ParPipeline.Local.Faults;

/// <summary>
/// Settings <c>Local__StorageFaults__*</c>: faults injected into the pipeline's storage calls in the local host, to
/// rehearse what Azure Storage does on a bad day. Off unless <see cref="Rate"/> or <see cref="OutageService"/> is set.
/// </summary>
public sealed class StorageFaultOptions
{
    public const string Section = "Local:StorageFaults";

    /// <summary>Share of storage calls that fail (0 to 1): 503 ServerBusy, 500, a timeout or a dropped connection in turn.</summary>
    public double Rate { get; set; }

    /// <summary>Seed of the fault sequence, so a run can be repeated.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>A service (Blob, Queue, Table) every call to which fails for <see cref="OutageDuration"/>.</summary>
    public string? OutageService { get; set; }

    /// <summary>When the outage starts, counted from the host's start.</summary>
    public TimeSpan OutageAfter { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan OutageDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => Rate > 0 || !string.IsNullOrEmpty(OutageService);
}
