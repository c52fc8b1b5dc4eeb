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
