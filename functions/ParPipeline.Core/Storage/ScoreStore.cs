using Azure.Data.Tables;
using ParPipeline.Ranking;

namespace ParPipeline.Storage;

/// <summary>
/// Table <c>Scores</c>: PartitionKey <c>{INDEX}-{YEAR}</c>, RowKey the unit code, one row per unit, the
/// file version (SHA-256 of the ministry file) on every row.
/// </summary>
public sealed class ScoreStore(TableServiceClient tables)
{
    private TableClient Table => tables.GetTableClient(PipelineStorageNames.ScoresTable);

    /// <summary>Replaces a whole index-year in one transaction: every reader sees the old year or the new one.</summary>
    public Task ReplaceAsync(IndexYear indexYear, string version, IReadOnlyList<UnitScore> scores, CancellationToken ct) =>
        PartitionWriter.ReplacePartitionAsync(Table, indexYear.PartitionKey,
            scores.Select(s => new TableEntity(indexYear.PartitionKey, s.UnitCode)
            {
                ["UnitName"] = s.UnitName,
                ["Total"] = s.Total,
                ["Version"] = version,
            }).ToList(), ct);

    public async Task<ScoreSet?> GetAsync(IndexYear indexYear, CancellationToken ct)
    {
        var scores = new List<UnitScore>();
        string? version = null;
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == indexYear.PartitionKey, cancellationToken: ct))
        {
            version ??= row.GetString("Version");
            scores.Add(new UnitScore(row.RowKey, row.GetString("UnitName") ?? row.RowKey, row.GetDouble("Total") ?? double.NaN));
        }
        return scores.Count == 0 ? null : new ScoreSet(indexYear, version ?? "", scores);
    }
}
