namespace ParPipeline.Indices;

/// <summary>
/// Fields that add up to another (appraisal + survey = total), checked when a file has them all. With
/// <see cref="Weights"/>, the total is the weighted sum (each part times its weight), as a composite index of
/// sub-indices on their own scale is; without, every weight is 1.
/// </summary>
public sealed record SumRule(string Total, IReadOnlyList<string> Parts, IReadOnlyList<double>? Weights = null)
{
    public double WeightOf(int part) => Weights is { } w ? w[part] : 1;

    /// <summary>The total the parts make: Σ weight × part.</summary>
    public double Combine(IReadOnlyList<double> parts)
    {
        var sum = 0.0;
        for (var i = 0; i < parts.Count; i++)
        {
            sum += WeightOf(i) * parts[i];
        }
        return sum;
    }

    /// <summary>
    /// How far the published total may be from the parts' sum when each value is rounded to
    /// <paramref name="decimals"/>: half a unit of the last place for the total and each part, times its weight.
    /// </summary>
    public double Tolerance(int decimals)
    {
        var half = 0.5 * Math.Pow(10, -decimals);
        var weights = 0.0;
        for (var i = 0; i < Parts.Count; i++)
        {
            weights += Math.Abs(WeightOf(i));
        }
        return half * (weights + 1) + 1e-9;
    }
}
