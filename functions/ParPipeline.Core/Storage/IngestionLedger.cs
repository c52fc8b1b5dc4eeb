using Azure.Data.Tables;

namespace ParPipeline.Storage;

/// <summary>
/// Table <c>Ingestions</c>: one row per distinct file, keyed by the SHA-256 of its bytes, so a re-drop of
/// the same bytes is recognised and every drop is accounted for.
/// </summary>
public sealed class IngestionLedger(TableServiceClient tables)
{
    private const string Partition = "files";

    private TableClient Table => tables.GetTableClient(PipelineStorageNames.IngestionsTable);

    public async Task<LedgerEntry?> GetAsync(string sha256, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, sha256, cancellationToken: ct);
        return row.HasValue ? ToEntry(row.Value!) : null;
    }

    public Task RecordAsync(LedgerEntry entry, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(Partition, entry.Sha256)
        {
            ["BlobName"] = entry.BlobName,
            ["Status"] = entry.Status.ToString().ToLowerInvariant(),
            ["IndexYear"] = entry.IndexYear,
            ["Units"] = entry.Units,
            ["Problems"] = entry.Problems,
            ["StoredAs"] = entry.StoredAs,
            ["ReceivedAt"] = entry.ReceivedAt,
        }, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(CancellationToken ct)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            entries.Add(ToEntry(row));
        }
        return entries;
    }

    private static LedgerEntry ToEntry(TableEntity row) => new(
        row.RowKey,
        row.GetString("BlobName") ?? "",
        Enum.TryParse<LedgerStatus>(row.GetString("Status"), ignoreCase: true, out var status) ? status : LedgerStatus.Rejected,
        row.GetString("IndexYear"),
        row.GetInt32("Units") ?? 0,
        row.GetInt32("Problems") ?? 0,
        row.GetString("StoredAs") ?? "",
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue);
}
