using System.Collections.Concurrent;
using System.Diagnostics;
using ParPipeline.Local;
using Microsoft.Extensions.DependencyInjection;

namespace ParPipeline.Bench;

/// <summary>
/// <c>GET /api/rankings/{index}/{year}</c> at a fixed request rate from a loop on loopback, against the same bytes
/// served as a static file by the same Kestrel (<c>/reports/</c>); latency from send to the last byte read.
/// </summary>
public sealed class ApiLoadBench(LocalHost host)
{
    private const int MaxInFlight = 256;

    private sealed record Run(IReadOnlyList<double> Latencies, double RequestsPerSecond, int Errors);

    public async Task<IReadOnlyList<BenchRow>> MeasureAsync(string apiPath, int rate, TimeSpan duration, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        var body = await http.GetByteArrayAsync(apiPath, ct);
        var folder = Directory.CreateDirectory(Path.Combine(host.Services.GetRequiredService<ReportMirror>().EnsureFolder(), "bench")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "rankings.json"), body, ct);
        const string staticPath = "reports/bench/rankings.json";

        // Warm both paths (JIT, connections, snapshot) before anything is counted.
        await PacedAsync(http, apiPath, rate, TimeSpan.FromSeconds(1), ct);
        await PacedAsync(http, staticPath, rate, TimeSpan.FromSeconds(1), ct);
        var api = await PacedAsync(http, apiPath, rate, duration, ct);
        var file = await PacedAsync(http, staticPath, rate, duration, ct);
        var apiMax = await ClosedLoopAsync(http, apiPath, 32, duration / 2, ct);
        var fileMax = await ClosedLoopAsync(http, staticPath, 32, duration / 2, ct);

        var wire = await BytesOnTheWireAsync(http, apiPath, ct);
        var brMax = await ClosedLoopAsync(http, apiPath, 32, duration / 2, ct, "br");

        var p99 = Stats.Percentile(api.Latencies, 99);
        var caseName = $"{body.Length / 1024} KiB at {rate}/s for {duration.TotalSeconds:0} s";
        var errors = api.Errors + file.Errors == 0 ? null : $"{api.Errors} API and {file.Errors} static errors";
        return
        [
            new BenchRow("API rankings latency (p50)", caseName, Stats.Median(api.Latencies), Stats.Median(file.Latencies), "ms", "static file, same Kestrel", null, null, errors),
            new BenchRow("API rankings latency (p99)", caseName, p99, Stats.Percentile(file.Latencies, 99), "ms", "static file, same Kestrel", "p99 ≤ 10 ms", p99 <= 10 && api.Errors == 0),
            new BenchRow("API rankings achieved rate", caseName, api.RequestsPerSecond, file.RequestsPerSecond, "req/s", "static file, same Kestrel",
                $"≥ {rate * 0.98:0}/s", api.RequestsPerSecond >= rate * 0.98),
            new BenchRow("API rankings max throughput", "32 concurrent, closed loop", apiMax.RequestsPerSecond, fileMax.RequestsPerSecond, "req/s", "static file, same Kestrel", null, null),
            // Compressed once per snapshot answer, so br costs no throughput against identity.
            new BenchRow("API rankings max throughput (br)", "32 concurrent, closed loop, Accept-Encoding: br", brMax.RequestsPerSecond, apiMax.RequestsPerSecond, "req/s", "same route, identity", null, null),
            new BenchRow("API rankings bytes on the wire (gzip)", apiPath, wire.Gzip, wire.Identity, "bytes", "same route, identity", null, null),
            new BenchRow("API rankings bytes on the wire (br)", apiPath, wire.Brotli, wire.Identity, "bytes", "same route, identity", null, null),
        ];
    }

    /// <summary>Body bytes as sent (Content-Length of the encoded answer) for identity, gzip and br.</summary>
    private static async Task<(double Identity, double Gzip, double Brotli)> BytesOnTheWireAsync(HttpClient http, string path, CancellationToken ct)
    {
        async Task<double> LengthAsync(string? coding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (coding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
            }
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (coding is not null && !response.Content.Headers.ContentEncoding.Contains(coding))
            {
                throw new InvalidOperationException($"{path} came back without {coding}");
            }
            return body.Length;
        }
        return (await LengthAsync(null), await LengthAsync("gzip"), await LengthAsync("br"));
    }

    /// <summary>Open loop: request i is sent at i / rate seconds whatever happened to the ones before.</summary>
    private static async Task<Run> PacedAsync(HttpClient http, string path, int rate, TimeSpan duration, CancellationToken ct)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds(i / (double)rate) - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }
            await inFlight.WaitAsync(ct);
            tasks.Add(OneAsync());
        }
        await Task.WhenAll(tasks);
        return new Run([.. latencies], total / clock.Elapsed.TotalSeconds, errors);

        async Task OneAsync()
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
            finally
            {
                inFlight.Release();
            }
        }
    }

    private static async Task<Run> ClosedLoopAsync(HttpClient http, string path, int concurrency, TimeSpan duration, CancellationToken ct, string? coding = null)
    {
        var count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (coding is not null)
                {
                    request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
                }
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                Interlocked.Increment(ref count);
            }
        }));
        return new Run([], count / clock.Elapsed.TotalSeconds, 0);
    }
}
