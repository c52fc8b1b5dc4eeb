using BenchmarkDotNet.Attributes;
using ParPipeline.Indices;
using ParPipeline.Units;

namespace ParPipeline.Bench;

/// <summary>
/// The 63-row provincial year, where one parse takes about a millisecond: BenchmarkDotNet's statistics (warm-up,
/// pilot, outliers) fit better than a stopwatch. The file comes from the harness through an environment
/// variable because BenchmarkDotNet creates this class itself.
/// </summary>
[MemoryDiagnoser]
public class ParseMicroBenchmarks
{
    public const string FileVariable = "PARPIPELINE_BENCH_PROVINCES";
    public const string BlobName = "PAR/2023/provinces-63.xlsx";

    private byte[] _bytes = [];
    private ParseBench? _bench;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(Environment.GetEnvironmentVariable(FileVariable) ?? throw new InvalidOperationException($"{FileVariable} is not set."));
        _bench = new ParseBench(Gazetteer.LoadEmbedded(), IndexCatalog.LoadEmbedded());
    }

    [Benchmark(Baseline = true)]
    public long RawRead() => ParseBench.RawRead(_bytes, csv: false);

    [Benchmark]
    public Task Parse() => _bench!.ParseAsync(BlobName, _bytes, CancellationToken.None);
}
