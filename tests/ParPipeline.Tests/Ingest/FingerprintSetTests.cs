using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

public sealed class FingerprintSetTests
{
    [Fact]
    public void It_tells_new_fingerprints_from_repeats_through_growth_and_zero()
    {
        var set = new FingerprintSet();
        var random = new Random(5);
        var values = Enumerable.Range(0, 50_000).Select(_ => (ulong)random.NextInt64()).Append(0UL).Append(1UL << 40).Distinct().ToList();

        Assert.All(values, v => Assert.True(set.Add(v)));
        Assert.All(values, v => Assert.False(set.Add(v)));
        Assert.Equal(values.Count, set.Count);
    }
}
