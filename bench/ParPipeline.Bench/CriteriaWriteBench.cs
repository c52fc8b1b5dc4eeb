using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Data.Tables;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Bench;

/// <summary>
/// Staging a large criteria annex (read, checked and written to its partitions by <see cref="CriteriaIngestion"/>)
/// against a raw parallel batched loop writing the same entities to the same partitions, with as many transactions
/// in flight, on the same Azurite: what the pipeline adds to the storage's own time. The two alternate, so a slow
/// minute of the machine falls on both.
/// </summary>
public sealed class CriteriaWriteBench(TableServiceClient tables, CriteriaStore store, Gazetteer gazetteer, IndexCatalog indices)
{
    public async Task<BenchRow> MeasureAsync(string path, string blobName, int pairs, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var file = new DroppedFile(blobName, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var (target, _) = DropTarget.Parse(blobName, indices);
        var staging = new CriteriaIngestion(gazetteer, store, indices);

        async Task<CriteriaResult> PipelineAsync()
        {
            var (reader, problem) = SpreadsheetOpener.TryOpen(bytes, blobName);
            using var open = reader ?? throw new InvalidOperationException(problem?.ToString());
            var plan = new WorkbookParser(gazetteer, indices).Parse(open, file, target!, ct).LongTables.Single();
            var result = await staging.StageAsync(open, file, plan, TimeSpan.FromHours(1), ct);
            return result.Problems.Count == 0 ? result : throw new InvalidOperationException($"{blobName}: {result.Problems[0]}");
        }

        // The first pass stages the version; the raw loop rewrites exactly what it wrote, partition by partition.
        var first = await PipelineAsync();
        var version = CriteriaStore.StagedVersion(first.Versions.Single().IndexYear, file.Sha256);
        var table = tables.GetTableClient(PipelineStorageNames.CriteriaTable);
        var batches = new List<(string Partition, List<TableTransactionAction> Actions)>();
        var open = new Dictionary<string, List<TableTransactionAction>>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(CriteriaStore.VersionFilter(version), cancellationToken: ct))
        {
            if (!open.TryGetValue(entity.PartitionKey, out var actions) || actions.Count == CriteriaStore.MaxBatch)
            {
                open[entity.PartitionKey] = actions = new List<TableTransactionAction>(CriteriaStore.MaxBatch);
                batches.Add((entity.PartitionKey, actions));
            }
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }
        // Interleaved across partitions, as the pipeline's buckets fill together.
        batches = [.. batches.Select((b, i) => (b, i)).OrderBy(x => x.i % Math.Max(1, open.Count)).ThenBy(x => x.i).Select(x => x.b)];
        var rows = batches.Sum(b => b.Actions.Count);

        async Task RawAsync()
        {
            using var slots = new SemaphoreSlim(CriteriaStore.Parallelism);
            var inFlight = new List<Task>(batches.Count);
            foreach (var (_, actions) in batches)
            {
                await slots.WaitAsync(ct);
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        await table.SubmitTransactionAsync(actions, ct);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, ct));
            }
            await Task.WhenAll(inFlight);
        }

        var (pipeline, raw) = (new List<double>(), new List<double>());
        for (var i = 0; i < pairs; i++)
        {
            var watch = Stopwatch.StartNew();
            await RawAsync();
            raw.Add(watch.Elapsed.TotalSeconds);
            watch.Restart();
            await PipelineAsync();
            pipeline.Add(watch.Elapsed.TotalSeconds);
        }
        var ratio = Stats.Median(pipeline.Zip(raw, (p, r) => p / r).ToList());
        return new BenchRow("criteria: stage an annex", $"{rows:N0} rows csv, {open.Count} partitions, {CriteriaStore.Parallelism} in flight",
            Stats.Median(pipeline), Stats.Median(raw), "s", "raw parallel SubmitTransactionAsync, same entities and partitions", "ratio ≤ 1.25", ratio <= 1.25,
            $"{rows / Stats.Median(pipeline):N0} rows/s staged")
        { PairedRatio = ratio };
    }
}
