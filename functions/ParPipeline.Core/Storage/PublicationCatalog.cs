using Azure.Data.Tables;

namespace ParPipeline.Storage;

/// <summary>
/// Table <c>Publications</c>: one row per ranked index-year with the score version behind it and a content
/// hash of its ranking, so reports and API snapshots know when something changed without scanning tables.
/// </summary>
public sealed class PublicationCatalog(TableServiceClient tables)
{
    private const string Partition = "rankings";

    private TableClient Table => tables.GetTableClient(PipelineStorageNames.PublicationsTable);

    public Task RecordAsync(RankingVersion version, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(Partition, version.IndexYear.PartitionKey)
        {
            ["ScoreVersion"] = version.ScoreVersion,
            ["RankingHash"] = version.RankingHash,
            ["Units"] = version.Units,
            ["RankedAt"] = version.RankedAt,
        }, TableUpdateMode.Replace, ct);

    public async Task<RankingVersion?> GetAsync(IndexYear indexYear, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, indexYear.PartitionKey, cancellationToken: ct);
        return row.HasValue ? ToVersion(row.Value!) : null;
    }

    public async Task<IReadOnlyList<RankingVersion>> ListAsync(CancellationToken ct)
    {
        var versions = new List<RankingVersion>();
        await foreach (var row in Table.QueryAsync<TableEntity>(PartitionFilter.Of(Partition), cancellationToken: ct))
        {
            if (ToVersion(row) is { } version)
            {
                versions.Add(version);
            }
        }
        return versions;
    }

    private static RankingVersion? ToVersion(TableEntity row) =>
        IndexYear.TryParse(row.RowKey, out var indexYear)
            ? new RankingVersion(indexYear, row.GetString("ScoreVersion") ?? "", row.GetString("RankingHash") ?? "",
                row.GetInt32("Units") ?? 0, row.GetDateTimeOffset("RankedAt") ?? DateTimeOffset.MinValue)
            : null;
}
