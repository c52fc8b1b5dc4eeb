using Azure;
using Azure.Data.Tables;
using ParPipeline.Ingest;

namespace ParPipeline.Storage;

/// <summary>
/// Table <c>Criteria</c>: criterion-level scores, far more rows than one transaction holds (100). Each file version is
/// staged under its own prefix <c>{INDEX}-{YEAR}@{sha256}</c>, spread over up to <see cref="MaxBuckets"/> partitions
/// <c>{prefix}_{bucket}</c> ('#' is not allowed in a key) (RowKey <c>{unit}~{criterion}</c>, the bucket a hash of both), so its batches can be
/// written in parallel without queueing on one partition; and made current by flipping one pointer row (partition
/// <c>current</c>, RowKey <c>{INDEX}-{YEAR}</c>): a reader follows the pointer and sees the old version or the new
/// one, never half of either. Versions staged before buckets (the prefix alone as partition) read the same way.
/// </summary>
public sealed class CriteriaStore(TableServiceClient tables) : ICriteriaStaging
{
    private const string PointerPartition = "current";

    /// <summary>Rows of one transaction (Table Storage's limit for an entity group transaction).</summary>
    public const int MaxBatch = 100;

    /// <summary>Transactions in flight at once while staging.</summary>
    public const int Parallelism = 16;

    /// <summary>Partitions a large version is spread over.</summary>
    public const int MaxBuckets = 32;

    // A bucket per this many rows expected: a small annex stays in few partitions (few, full transactions), a
    // large one uses them all.
    private const int RowsPerBucket = 2_000;

    private TableClient Table => tables.GetTableClient(PipelineStorageNames.CriteriaTable);

    /// <summary>The prefix of every partition of one staged file version of an index-year.</summary>
    public static string StagedVersion(IndexYear indexYear, string sha256) => $"{indexYear.PartitionKey}@{sha256}";

    public static string BucketPartition(string version, int bucket) => $"{version}_{bucket:00}";

    /// <summary>How many partitions a version of about <paramref name="expectedRows"/> rows is spread over.</summary>
    public static int BucketCount(long expectedRows) => (int)Math.Clamp(expectedRows / RowsPerBucket, 1, MaxBuckets);

    /// <summary>The bucket of a row, from its 64-bit fingerprint (unit, criterion and year), folded so that every
    /// bit counts.</summary>
    public static int Bucket(ulong fingerprint, int buckets) => (int)((fingerprint ^ (fingerprint >> 32)) % (ulong)buckets);

    /// <summary>Writes up to 100 rows of one staged partition in one transaction (upserts: a retry rewrites them).</summary>
    public async Task StageAsync(string partition, IReadOnlyList<CriterionScore> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await Table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity(partition, r))), ct);
    }

    /// <summary>The entity a staged row is written as (the benchmark's raw loop writes the same).</summary>
    public static TableEntity Entity(string partition, CriterionScore row) => new(partition, RowKey(row.UnitCode, row.Criterion))
    {
        ["Unit"] = row.UnitCode,
        ["Criterion"] = row.Criterion,
        ["Score"] = row.Score,
        ["Row"] = row.Row,
    };

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
        return Version(indexYear, row.Value!);
    }

    /// <summary>Every index-year's current pointer (the index-years that have an annex).</summary>
    public async Task<IReadOnlyList<CriteriaVersion>> ListCurrentAsync(CancellationToken ct)
    {
        var list = new List<CriteriaVersion>();
        await foreach (var pointer in Table.QueryAsync<TableEntity>(PartitionFilter.Of(PointerPartition), cancellationToken: ct))
        {
            if (IndexYear.TryParse(pointer.RowKey, out var indexYear))
            {
                list.Add(Version(indexYear, pointer));
            }
        }
        return list;
    }

    private static CriteriaVersion Version(IndexYear indexYear, TableEntity pointer) =>
        new(indexYear, pointer.GetString("Version") ?? "", pointer.GetString("DataHash") ?? "", pointer.GetInt64("Rows") ?? 0, pointer.GetInt32("Units") ?? 0);

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

    /// <summary>The rows of one file version, current or superseded, from all of its partitions.</summary>
    public async IAsyncEnumerable<CriterionScore> ReadVersionAsync(IndexYear indexYear, string sha256, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(VersionFilter(StagedVersion(indexYear, sha256)), cancellationToken: ct))
        {
            yield return new CriterionScore(indexYear, row.GetString("Unit") ?? "", row.GetString("Criterion") ?? "", row.GetDouble("Score") ?? double.NaN, row.GetInt32("Row") ?? 0);
        }
    }

    /// <summary>Removes a staged version that will never be made current (its file was rejected), every partition.</summary>
    public async Task DeleteStagedAsync(string version, CancellationToken ct)
    {
        var batches = new Dictionary<string, List<TableTransactionAction>>(StringComparer.Ordinal);
        var window = new TransactionWindow(Parallelism);
        await foreach (var row in Table.QueryAsync<TableEntity>(VersionFilter(version), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            if (!batches.TryGetValue(row.PartitionKey, out var batch))
            {
                batches[row.PartitionKey] = batch = new List<TableTransactionAction>(MaxBatch);
            }
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), ETag.All));
            if (batch.Count == MaxBatch)
            {
                await SubmitAsync(window, batch, ct);
                batches[row.PartitionKey] = new List<TableTransactionAction>(MaxBatch);
            }
        }
        foreach (var batch in batches.Values.Where(b => b.Count > 0))
        {
            await SubmitAsync(window, batch, ct);
        }
        await window.DrainAsync();
    }

    private async Task SubmitAsync(TransactionWindow window, List<TableTransactionAction> batch, CancellationToken ct)
    {
        if (window.Full)
        {
            await window.WaitForRoomAsync();
        }
        window.Add(Table.SubmitTransactionAsync(batch, ct));
    }

    /// <summary>Every partition of a version: the prefix itself (the layout before buckets) and <c>{prefix}_nn</c>.
    /// '`' follows '_' in ordinal order, and the prefix ends in a SHA-256 of fixed length, so no other version falls
    /// in the range.</summary>
    public static string VersionFilter(string version) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {version} and PartitionKey lt {version + "`"}");

    // RowKey may not hold / \ # ? or control characters; escaping keeps it one-to-one with the criterion.
    private static string RowKey(string unit, string criterion) => $"{unit}~{Uri.EscapeDataString(criterion)}";
}
