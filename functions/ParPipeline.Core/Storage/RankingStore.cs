using System.Text.Json;
using Azure.Data.Tables;
using ParPipeline.Ranking;

namespace ParPipeline.Storage;

/// <summary>
/// Table <c>Rankings</c>: PartitionKey <c>{INDEX}-{YEAR}</c>, RowKey the unit code, one transaction per partition.
/// The national rank, score and movement are typed columns (to filter and sort on); the whole
/// <see cref="UnitRanking"/> (regional, city and field places, predecessors) is the JSON column <c>Detail</c>.
/// </summary>
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
                ["PointsChange"] = u.Movement?.PointsChange,
                ["PlacesChange"] = u.Movement?.PlacesChange,
                ["FirstYear"] = u.FirstYear,
                ["LikeForLike"] = u.LikeForLike,
                ["ScoreVersion"] = ranking.ScoreVersion,
                ["PreviousScoreVersion"] = ranking.PreviousScoreVersion,
                ["Detail"] = JsonSerializer.Serialize(u, PipelineJson.Options),
            }).ToList(), ct);

    public async Task<RankingTable?> GetAsync(IndexYear indexYear, CancellationToken ct)
    {
        var units = new List<UnitRanking>();
        string? version = null, previous = null;
        await foreach (var row in Table.QueryAsync<TableEntity>(PartitionFilter.Of(indexYear.PartitionKey), cancellationToken: ct))
        {
            version ??= row.GetString("ScoreVersion");
            previous ??= row.GetString("PreviousScoreVersion");
            units.Add(JsonSerializer.Deserialize<UnitRanking>(row.GetString("Detail") ?? "null", PipelineJson.Options)
                ?? throw new InvalidOperationException($"Rankings row {indexYear}/{row.RowKey} has no detail."));
        }
        return units.Count == 0 ? null
            : new RankingTable(indexYear, version ?? "", previous, [.. units.OrderBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal)]);
    }
}
