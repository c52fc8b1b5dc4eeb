using Azure;
using Azure.Data.Tables;

namespace ParPipeline.Storage;

/// <summary>Makes one table partition hold exactly the given entities, in a single entity group transaction.</summary>
internal static class PartitionWriter
{
    // An entity group transaction holds at most 100 operations, all in one partition (Table Storage limit).
    internal const int MaxTransactionOperations = 100;

    public static async Task ReplacePartitionAsync(TableClient table, string partitionKey, IReadOnlyCollection<TableEntity> entities, CancellationToken ct) =>
        await ReplacePartitionAsync(table, partitionKey, entities, await RowKeysAsync(table, partitionKey, ct), ct);

    /// <summary>The row keys a partition holds now (what a replace must delete unless rewritten).</summary>
    public static async Task<HashSet<string>> RowKeysAsync(TableClient table, string partitionKey, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(PartitionFilter.Of(partitionKey), select: ["RowKey"], cancellationToken: ct))
        {
            keys.Add(row.RowKey);
        }
        return keys;
    }

    /// <summary>Upserts the entities and deletes <paramref name="stale"/> rows they do not rewrite, in one transaction.</summary>
    public static async Task ReplacePartitionAsync(TableClient table, string partitionKey, IReadOnlyCollection<TableEntity> entities, HashSet<string> stale, CancellationToken ct)
    {

        var actions = new List<TableTransactionAction>(entities.Count + stale.Count);
        foreach (var entity in entities)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            stale.Remove(entity.RowKey);
        }
        foreach (var rowKey in stale)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All));
        }

        if (actions.Count > MaxTransactionOperations)
        {
            // Provincial years (63 or 34 units) and ministries (17) fit. Larger partitions need staging under
            // a version and a pointer flip (ARCHITECTURE.md, Table design), which is not built yet.
            throw new InvalidOperationException(
                $"Partition {partitionKey} needs {actions.Count} operations; one transaction holds {MaxTransactionOperations}.");
        }
        if (actions.Count > 0)
        {
            await table.SubmitTransactionAsync(actions, ct);
        }
    }
}
