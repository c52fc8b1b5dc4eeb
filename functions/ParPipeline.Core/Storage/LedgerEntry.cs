using ParPipeline.Ingest;

namespace ParPipeline.Storage;

/// <summary>What became of one distinct file, keyed by the SHA-256 of its bytes.</summary>
/// <param name="BlobNames">Every drop name these bytes arrived under, first one first.</param>
/// <param name="IndexYears">Partition keys it holds (PAR-2023, ...).</param>
/// <param name="StoredAs">Where the original now lives: <c>ministry-archive/...</c>, <c>ministry-quarantine/...</c>
/// or, for a file refused unread, <c>ministry-drops/...</c>.</param>
/// <param name="RelatedVersion">For a duplicate: the version it repeats; for a superseded file: the version that replaced it.</param>
public sealed record LedgerEntry(
    string Sha256,
    IReadOnlyList<string> BlobNames,
    LedgerStatus Status,
    IReadOnlyList<string> IndexYears,
    int Units,
    int Problems,
    IReadOnlyList<IngestProblem> Warnings,
    string StoredAs,
    string? RelatedVersion,
    DateTimeOffset ReceivedAt,
    TimeSpan Duration)
{
    public string BlobName => BlobNames.Count > 0 ? BlobNames[0] : "";

    /// <summary>
    /// Every distinct drop of these bytes, as <c>{blob name}@{ETag}</c>: an upload is one drop however many times
    /// Event Grid delivers its event (at least once), and a second upload under the same name is another.
    /// </summary>
    public IReadOnlyList<string> DropTags { get; init; } = [];

    /// <summary>How many distinct drops brought these bytes (the ledger keeps the latest 200 tags, and counts on).</summary>
    public int Drops { get; init; } = 1;

    public string? IndexYear => IndexYears.Count > 0 ? IndexYears[0] : null;
}
