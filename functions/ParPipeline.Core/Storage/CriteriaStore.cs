using Azure;
using Azure.Data.Tables;
using ParPipeline.Ingest;

namespace ParPipeline.Storage;

/// <summary>
/// Table <c>Criteria</c>: criterion-level scores, far more rows than one transaction holds (100), so each file
/// version is staged in its own partition <c>{INDEX}-{YEAR}@{sha256}</c> (RowKey <c>{unit}~{criterion}</c>) and made
/// current by flipping one pointer row (partition <c>current</c>, RowKey <c>{INDEX}-{YEAR}</c>): a reader follows the
/// pointer and sees the old version or the new one, never half of either.
/// </summary>
public sealed class CriteriaStore(TableServiceClient tables) : ICriteriaStaging
{
    private const string PointerPartition = "current";

    private TableClient Table => tables.GetTableClient(PipelineStorageNames.CriteriaTable);

    public static string StagedPartition(IndexYear indexYear, string sha256) => $"{indexYear.PartitionKey}@{sha256}";

    /// <summary>Writes up to 100 rows of one staged partition in one transaction (upserts: a retry rewrites them).</summary>
    public async Task StageAsync(string partition, IReadOnlyList<CriterionScore> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await Table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, RowKey(r.UnitCode, r.Criterion))
            {
                ["Unit"] = r.UnitCode,
                ["Criterion"] = r.Criterion,
                ["Score"] = r.Score,
                ["Row"] = r.Row,
            })), ct);
    }

    public Task FlipAsync(CriteriaVersion version, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(PointerPartition, version.IndexYear.PartitionKey)
        {
            ["Version"] = version.Version,
            ["DataHash"] = version.DataHash,
            ["Rows"] = version.Rows,
            ["Units"] = version.Units,
        }, TableUpdateMode.Replace, ct);

    public async Task<CriteriaVersion?> GetCurrentAsync(IndexYear indexYear, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, indexYear.PartitionKey, cancellationToken: ct);
        if (!row.HasValue)
        {
            return null;
        }
        var pointer = row.Value!;
        return new CriteriaVersion(indexYear, pointer.GetString("Version") ?? "", pointer.GetString("DataHash") ?? "",
            pointer.GetInt64("Rows") ?? 0, pointer.GetInt32("Units") ?? 0);
    }

    /// <summary>The current version's rows, following the pointer.</summary>
    public async IAsyncEnumerable<CriterionScore> ReadCurrentAsync(IndexYear indexYear, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var current = await GetCurrentAsync(indexYear, ct);
        if (current is null)
        {
            yield break;
        }
        await foreach (var row in ReadVersionAsync(indexYear, current.Version, ct))
        {
            yield return row;
        }
    }

    /// <summary>The rows of one file version, current or superseded.</summary>
    public async IAsyncEnumerable<CriterionScore> ReadVersionAsync(IndexYear indexYear, string sha256, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var partition = StagedPartition(indexYear, sha256);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct))
        {
            yield return new CriterionScore(indexYear, row.GetString("Unit") ?? "", row.GetString("Criterion") ?? "", row.GetDouble("Score") ?? double.NaN, row.GetInt32("Row") ?? 0);
        }
    }

    /// <summary>Removes a staged version that will never be made current (its file was rejected).</summary>
    public async Task DeleteStagedAsync(string partition, CancellationToken ct)
    {
        var batch = new List<TableTransactionAction>(100);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: ct))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row.RowKey), ETag.All));
            if (batch.Count == 100)
            {
                await Table.SubmitTransactionAsync(batch, ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            await Table.SubmitTransactionAsync(batch, ct);
        }
    }

    // RowKey may not hold / \ # ? or control characters; escaping keeps it one-to-one with the criterion.
    private static string RowKey(string unit, string criterion) => $"{unit}~{Uri.EscapeDataString(criterion)}";
}
