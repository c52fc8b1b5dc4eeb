using System.Collections.Concurrent;
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
/// against a raw parallel batched loop writing the same entities in the same transactions to the same partitions,
/// with as many transactions in flight, on the same Azurite: what the pipeline adds to the storage's own time.
/// </summary>
/// <remarks>
/// Every pass starts on an empty table (dropped and created again), so each side inserts into the same state: on
/// Azurite a write costs more the more rows the table holds (its LokiJS collection keeps sorted indices), and a
/// side that came second onto a fuller table would look slower for it. The raw loop's transactions are the ones the
/// pipeline submitted, recorded on its first pass through the <see cref="ICriteriaStaging"/> seam: reading a million
/// rows back from Azurite is not possible in useful time (each page of a query scans and sorts the whole table).
/// </remarks>
public sealed class CriteriaWriteBench(TableServiceClient tables, CriteriaStore store, Gazetteer gazetteer, IndexCatalog indices)
{
    public async Task<BenchRow> MeasureAsync(string path, string blobName, int pairs, Action<string> progress, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var file = new DroppedFile(blobName, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var (target, _) = DropTarget.Parse(blobName, indices);
        var table = tables.GetTableClient(PipelineStorageNames.CriteriaTable);

        async Task<double> PipelineAsync(ICriteriaStaging staging)
        {
            await EmptyAsync(table, ct);
            var watch = Stopwatch.StartNew();
            var (reader, problem) = SpreadsheetOpener.TryOpen(bytes, blobName);
            using var open = reader ?? throw new InvalidOperationException(problem?.ToString());
            var plan = new WorkbookParser(gazetteer, indices).Parse(open, file, target!, ct).LongTables.Single();
            var result = await new CriteriaIngestion(gazetteer, staging, indices).StageAsync(open, file, plan, TimeSpan.FromHours(1), ct);
            var seconds = watch.Elapsed.TotalSeconds;
            return result.Problems.Count == 0 ? seconds : throw new InvalidOperationException($"{blobName}: {result.Problems[0]}");
        }

        // The first pass is timed as a pipeline pass and records what it submitted.
        var recorder = new RecordingStaging(store);
        var pipeline = new List<double> { await PipelineAsync(recorder) };
        progress($"pipeline pass 1: {pipeline[0]:0.0} s");
        var batches = Interleaved(recorder.Batches).Select(b => b.Rows.Select(r => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace, CriteriaStore.Entity(b.Partition, r))).ToList()).ToList();
        var rows = batches.Sum(b => b.Count);
        var partitions = recorder.Batches.Select(b => b.Partition).Distinct(StringComparer.Ordinal).Count();

        async Task<double> RawAsync()
        {
            await EmptyAsync(table, ct);
            var watch = Stopwatch.StartNew();
            using var slots = new SemaphoreSlim(CriteriaStore.Parallelism);
            var inFlight = new List<Task>(batches.Count);
            foreach (var actions in batches)
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
            return watch.Elapsed.TotalSeconds;
        }

        var raw = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            if (i > 0)
            {
                pipeline.Add(await PipelineAsync(store));
                progress($"pipeline pass {i + 1}: {pipeline[^1]:0.0} s");
            }
            raw.Add(await RawAsync());
            progress($"raw pass {i + 1}: {raw[^1]:0.0} s");
        }
        var ratio = Stats.Median(pipeline.Zip(raw, (p, r) => p / r).ToList());
        return new BenchRow("criteria: stage an annex", $"{rows:N0} rows csv, {partitions} partitions, {CriteriaStore.Parallelism} in flight",
            Stats.Median(pipeline), Stats.Median(raw), "s", "raw parallel SubmitTransactionAsync, same transactions, each pass on an empty table",
            "ratio ≤ 1.25", ratio <= 1.25, $"{rows / Stats.Median(pipeline):N0} rows/s staged")
        { PairedRatio = ratio };
    }

    // In the order the pipeline's buckets fill together: round-robin over the partitions.
    private static IEnumerable<(string Partition, IReadOnlyList<CriterionScore> Rows)> Interleaved(IEnumerable<(string Partition, IReadOnlyList<CriterionScore> Rows)> batches) =>
        batches.GroupBy(b => b.Partition, StringComparer.Ordinal)
            .SelectMany(g => g.Select((b, i) => (b, i)))
            .OrderBy(x => x.i)
            .Select(x => x.b);

    private static async Task EmptyAsync(TableClient table, CancellationToken ct)
    {
        await table.DeleteAsync(ct);
        await table.CreateIfNotExistsAsync(ct);
    }

    /// <summary>The store, with a note of every transaction it is handed.</summary>
    private sealed class RecordingStaging(ICriteriaStaging inner) : ICriteriaStaging
    {
        private readonly ConcurrentQueue<(string Partition, IReadOnlyList<CriterionScore> Rows)> batches = new();

        public IEnumerable<(string Partition, IReadOnlyList<CriterionScore> Rows)> Batches => batches;

        public Task StageAsync(string partition, IReadOnlyList<CriterionScore> rows, CancellationToken ct)
        {
            batches.Enqueue((partition, rows.ToList()));
            return inner.StageAsync(partition, rows, ct);
        }

        public Task DeleteStagedAsync(string version, CancellationToken ct) => inner.DeleteStagedAsync(version, ct);
    }
}
