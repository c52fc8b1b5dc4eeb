namespace ParPipeline.Local.Azurite;

/// <summary>How to start Azurite.</summary>
/// <param name="DataDirectory">Folder for its data; null keeps everything in memory (tests).</param>
/// <param name="ExtraAccounts">Accounts beside devstoreaccount1, so that tests can isolate whole hosts.</param>
public sealed record AzuriteOptions(string RepositoryRoot, string? DataDirectory, IReadOnlyList<AzuriteAccount> ExtraAccounts)
{
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Blob, queue and table ports; null picks free ones. A restart on the same ports is a storage outage
    /// the running host must ride out (the chaos run).</summary>
    public IReadOnlyList<int>? Ports { get; init; }
}
