using Azure.Data.Tables;
using ParPipeline.Ranking;

namespace ParPipeline.Storage;

/// <summary>Table <c>Rankings</c>: PartitionKey <c>{INDEX}-{YEAR}</c>, RowKey the unit code.</summary>
public sealed class RankingStore(TableServiceClient tables)
{
    private TableClient Table => tables.GetTableClient(PipelineStorageNames.RankingsTable);

    public Task ReplaceAsync(RankingTable ranking, CancellationToken ct) =>
        PartitionWriter.ReplacePartitionAsync(Table, ranking.IndexYear.PartitionKey,
            ranking.Units.Select(u => new TableEntity(ranking.IndexYear.PartitionKey, u.UnitCode)
            {
                ["UnitName"] = u.UnitName,
                ["Score"] = u.Score,
                ["Rank"] = u.Rank,
                ["Of"] = u.Of,
                ["ScoreVersion"] = ranking.ScoreVersion,
            }).ToList(), ct);

    public async Task<RankingTable?> GetAsync(IndexYear indexYear, CancellationToken ct)
    {
        var units = new List<RankedUnit>();
        string? version = null;
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == indexYear.PartitionKey, cancellationToken: ct))
        {
            version ??= row.GetString("ScoreVersion");
            units.Add(new RankedUnit(
                row.RowKey, row.GetString("UnitName") ?? row.RowKey, row.GetDouble("Score") ?? double.NaN,
                row.GetInt32("Rank") ?? 0, row.GetInt32("Of") ?? 0));
        }
        return units.Count == 0 ? null
            : new RankingTable(indexYear, version ?? "", [.. units.OrderBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal)]);
    }
}
