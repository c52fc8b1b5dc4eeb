using System.Security.Cryptography;
using Azure.Data.Tables;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Bench;

/// <summary>
/// The Scores writer (kept version partition, then the current partition, each replaced in one transaction)
/// against a raw loop of <c>SubmitTransactionAsync</c> upserting the same entities, on the same Azurite.
/// </summary>
public sealed class WriteBench(TableServiceClient tables, ScoreStore store, Gazetteer gazetteer, IndexCatalog indices)
{
    public async Task<BenchRow> MeasureAsync(byte[] provincialYear, int iterations, CancellationToken ct)
    {
        // A year no other measurement uses.
        const string blobName = "PAR/2019/bench-provinces.xlsx";
        var file = new DroppedFile(blobName, provincialYear, Convert.ToHexStringLower(SHA256.HashData(provincialYear)));
        var (target, _) = DropTarget.Parse(blobName, indices);
        var table = new WorkbookParser(gazetteer, indices).Parse(file, target!, ct).Tables.Single();

        // Ingestion reads the current version anyway (to tell a duplicate), under the year's lock, and hands it to
        // the writer; that read is not the writer's.
        await store.ReplaceAsync(table, file, ct);
        var current = await store.GetAsync(table.IndexYear, ct);
        var scores = tables.GetTableClient(PipelineStorageNames.ScoresTable);
        var partitions = new List<List<TableEntity>>();
        foreach (var partition in new[] { $"{table.IndexYear.PartitionKey}@{file.Sha256}", table.IndexYear.PartitionKey })
        {
            var entities = new List<TableEntity>();
            await foreach (var entity in scores.QueryAsync<TableEntity>(filter: TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
            {
                entities.Add(entity);
            }
            partitions.Add(entities);
        }
        var (writer, raw) = await Stats.TimeAlternatelyAsync(iterations, () => store.ReplaceAsync(table, file, current, ct), async () =>
        {
            foreach (var entities in partitions)
            {
                await scores.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct);
            }
        });
        var (value, floor) = (Stats.Median(writer), Stats.Median(raw));
        return new BenchRow("write: Scores writer", $"{table.Units.Count} units, 2 partitions", value, floor, "ms",
            "raw SubmitTransactionAsync loop, same entities", "ratio ≤ 1.15", value / floor <= 1.15);
    }
}
