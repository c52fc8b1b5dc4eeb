namespace ParPipeline.Bench;

/// <summary>How much a run measures: <c>small</c> (CI, seconds, numbers not meaningful) or <c>full</c>.</summary>
/// <param name="LongRows">Sizes of the generated criterion-level files (csv and xlsx each).</param>
/// <param name="MemoryRows">The two sizes whose ingestion peak memory is compared.</param>
public sealed record BenchSize(
    string Name, IReadOnlyList<int> LongRows, int Iterations, int Drops, int ApiRate, TimeSpan ApiDuration, (int Small, int Large) MemoryRows, bool DryMicro)
{
    public static BenchSize Small { get; } = new("small", [2_000, 10_000], 3, 4, 200, TimeSpan.FromSeconds(1), (2_000, 10_000), DryMicro: true);

    public static BenchSize Full { get; } = new("full", [100_000, 1_000_000], 5, 20, 1_000, TimeSpan.FromSeconds(10), (100_000, 1_000_000), DryMicro: false);

    public static BenchSize? Parse(string name) => name switch { "small" => Small, "full" => Full, _ => null };
}
