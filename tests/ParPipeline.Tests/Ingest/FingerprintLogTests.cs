using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

public sealed class FingerprintLogTests
{
    [Fact]
    public void Repeats_are_every_later_row_of_a_fingerprint_with_its_first_row_in_the_order_read()
    {
        var log = new FingerprintLog();
        var random = new Random(5);
        var values = Enumerable.Range(0, 50_000).Select(_ => (ulong)random.NextInt64()).Append(0UL).Append(ulong.MaxValue).Distinct().ToList();
        for (var i = 0; i < values.Count; i++)
        {
            log.Add(values[i], i + 2);
        }
        Assert.Empty(log.Repeats());

        // Repeats far apart (other batches), a value three times, and the extremes of the range.
        log.Add(values[10], 90_000);
        log.Add(values[40_000], 90_001);
        log.Add(values[10], 90_002);
        log.Add(0UL, 90_003);
        log.Add(ulong.MaxValue, 90_004);
        Assert.Equal(values.Count + 5, log.Count);
        Assert.Equal([(90_000, 12), (90_001, 40_002), (90_002, 12), (90_003, values.IndexOf(0UL) + 2), (90_004, values.IndexOf(ulong.MaxValue) + 2)], log.Repeats());
    }

    [Fact]
    public void It_grows_past_its_first_guess_without_losing_a_row()
    {
        var log = new FingerprintLog(expected: 10);
        for (var i = 0; i < 5_000; i++)
        {
            log.Add((ulong)(i % 2_500) * 0x9E3779B97F4A7C15UL, i);
        }
        var repeats = log.Repeats();
        Assert.Equal(2_500, repeats.Count);
        Assert.Equal(Enumerable.Range(2_500, 2_500).Select(i => (i, i - 2_500)), repeats);
    }
}
