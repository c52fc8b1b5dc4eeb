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

    /// <summary>Runs <paramref name="action"/> once to warm up, then <paramref name="iterations"/> times; milliseconds each.</summary>
    public static async Task<List<double>> TimeAsync(int iterations, Func<Task> action)
    {
        await action();
        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }
}
