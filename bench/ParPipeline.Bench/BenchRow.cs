namespace ParPipeline.Bench;

/// <summary>One measurement beside its floor, measured in the same run: the ratio is what is compared.</summary>
/// <param name="Target">What the issue asks for, as text ("ratio ≤ 1.25").</param>
/// <param name="Met">Whether the target holds; null when there is none.</param>
public sealed record BenchRow(string Measure, string Case, double Value, double FloorValue, string Unit, string Floor, string? Target, bool? Met, string? Note = null)
{
    public double Ratio => FloorValue == 0 ? double.NaN : Value / FloorValue;
}

/// <summary>Everything one run measured, written to bench/results/*.json.</summary>
public sealed record BenchReport(string Size, DateTimeOffset StartedAt, double Seconds, Machine Machine, IReadOnlyList<BenchRow> Rows, IReadOnlyList<string> Notes);
