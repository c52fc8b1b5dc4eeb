namespace ParPipeline.Storage;

/// <summary>What became of one dropped file.</summary>
/// <param name="StoredAs">Where the original now lives: <c>ministry-archive/...</c> or <c>ministry-quarantine/...</c>.</param>
public sealed record LedgerEntry(
    string Sha256, string BlobName, LedgerStatus Status, string? IndexYear, int Units, int Problems, string StoredAs, DateTimeOffset ReceivedAt);
