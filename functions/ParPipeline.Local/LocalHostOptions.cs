namespace ParPipeline.Local;

/// <summary>Settings under <c>Local</c> (environment variables <c>Local__HttpPort</c>, ... or command-line flags).</summary>
public sealed class LocalHostOptions
{
    public const string Section = "Local";

    /// <summary>Kestrel port on 127.0.0.1; the Functions Core Tools use 7071 too. 0 picks a free port (tests).</summary>
    public int HttpPort { get; set; } = 7071;

    /// <summary>Where Azurite keeps its data and the reports are mirrored; relative to the repository root.</summary>
    public string DataDirectory { get; set; } = ".local";

    /// <summary>Where the reports are mirrored and served at <c>/reports/</c>; relative to the repository root
    /// unless absolute. Null: <c>{DataDirectory}/reports</c>. Tests give each host its own.</summary>
    public string? ReportsDirectory { get; set; }

    /// <summary>The reports folder, absolute.</summary>
    public string ReportsFolder() =>
        Path.GetFullPath(Path.Combine(RepositoryRoot.TryFind() ?? Path.GetTempPath(), ReportsDirectory ?? Path.Combine(DataDirectory, "reports")));

    /// <summary>How long start-up waits for storage before giving up with a clear message.</summary>
    public TimeSpan StorageTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
