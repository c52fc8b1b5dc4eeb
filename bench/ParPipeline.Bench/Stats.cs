namespace ParPipeline.Bench;

public static class Stats
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>
    /// Times two actions alternately, each warmed up once, so that drift in the machine or the emulator (caches,
    /// collections, a table growing) falls on both alike; milliseconds each.
    /// </summary>
    public static async Task<(List<double> First, List<double> Second)> TimeAlternatelyAsync(int iterations, Func<Task> first, Func<Task> second)
    {
        await first();
        await second();
        var (a, b) = (new List<double>(iterations), new List<double>(iterations));
        for (var i = 0; i < iterations; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await first();
            a.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await second();
            b.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (a, b);
    }

    /// <summary>
    /// Times two actions in alternating blocks of <paramref name="calls"/> calls each, <paramref name="rounds"/> times;
    /// milliseconds per call, one figure per block. Before a block of one call a full collection clears what came before,
    /// so the call pays for the collections its own allocations cause and nothing of the other side's (a block of many
    /// calls pays for its own by itself, and a full collection before it would shrink the young generation's budget
    /// and with it the block's collections); alternating blocks
    /// lets a slow minute of this shared machine fall on both sides, where one block after the other let it move
    /// the ratio by half.
    /// </summary>
    public static async Task<(List<double> First, List<double> Second)> TimeBlocksAsync(int rounds, int calls, Func<Task> first, Func<Task> second)
    {
        var (a, b) = (new List<double>(rounds), new List<double>(rounds));
        for (var round = 0; round < rounds; round++)
        {
            a.Add(await BlockAsync(calls, first));
            b.Add(await BlockAsync(calls, second));
        }
        return (a, b);

        static async Task<double> BlockAsync(int calls, Func<Task> action)
        {
            if (calls == 1)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await action();
            }
            return watch.Elapsed.TotalMilliseconds / calls;
        }
    }
}
