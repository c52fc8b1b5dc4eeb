namespace ParPipeline.Bench;

/// <summary>One measurement beside its floor, measured in the same run: the ratio is what is compared.</summary>
/// <param name="Target">What the issue asks for, as text ("ratio ≤ 1.25").</param>
/// <param name="Met">Whether the target holds; null when there is none.</param>
public sealed record BenchRow(string Measure, string Case, double Value, double FloorValue, string Unit, string Floor, string? Target, bool? Met, string? Note = null)
{
    /// <summary>The median of the ratios of paired measurements (each block beside the floor's block next to it), where
    /// the two were timed in pairs: on a shared machine it holds still where the ratio of two medians does not.</summary>
    public double? PairedRatio { get; init; }

    public double Ratio => PairedRatio ?? (FloorValue == 0 ? double.NaN : Value / FloorValue);
}

/// <summary>Everything one run measured, written to bench/results/*.json.</summary>
public sealed record BenchReport(string Size, DateTimeOffset StartedAt, double Seconds, Machine Machine, IReadOnlyList<BenchRow> Rows, IReadOnlyList<string> Notes);
