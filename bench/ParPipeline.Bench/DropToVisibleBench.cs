using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.TestInputs;
using ParPipeline.Ingest;
using ParPipeline.Local;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Bench;

/// <summary>
/// From the upload of a 63-row year to the API serving rankings of exactly that file, through the local host's
/// real blob and queue triggers; the floor calls the same steps in process (ingest, recompute) and waits for
/// the same API, so the ratio is what the triggers add.
/// </summary>
public sealed class DropToVisibleBench(LocalHost host, InputGenerator inputs)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<BenchRow>> MeasureAsync(int drops, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var container = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        var triggered = new List<double>();
        for (var i = 1; i <= drops; i++)
        {
            var bytes = inputs.ProvincialYear(variant: i);
            var watch = Stopwatch.StartNew();
            await container.GetBlobClient($"PAR/{InputGenerator.Year}/drop-{i:000}.xlsx").UploadAsync(BinaryData.FromBytes(bytes), ct);
            await WaitVisibleAsync(http, $"api/rankings/PAR/{InputGenerator.Year}", Sha(bytes), ct);
            triggered.Add(watch.Elapsed.TotalMilliseconds);
        }

        var ingestion = host.Services.GetRequiredService<IngestionService>();
        var ranking = host.Services.GetRequiredService<RankingService>();
        var direct = new List<double>();
        const int floorYear = InputGenerator.Year - 1;
        for (var i = 1; i <= drops; i++)
        {
            var bytes = inputs.ProvincialYear(variant: 1000 + i);
            var watch = Stopwatch.StartNew();
            await ingestion.IngestAsync($"PAR/{floorYear}/direct-{i:000}.xlsx", new MemoryStream(bytes), ct);
            await ranking.RecomputeAsync(new RecomputeRequest("PAR", floorYear), ct);
            await WaitVisibleAsync(http, $"api/rankings/PAR/{floorYear}", Sha(bytes), ct);
            direct.Add(watch.Elapsed.TotalMilliseconds);
        }

        var median = Stats.Median(triggered);
        return
        [
            new BenchRow("drop-to-visible (median)", $"63 rows, {drops} drops", median, Stats.Median(direct), "ms",
                "same steps called in process", "median ≤ 3000 ms", median <= 3000),
            new BenchRow("drop-to-visible (p95)", $"63 rows, {drops} drops", Stats.Percentile(triggered, 95), Stats.Percentile(direct, 95), "ms",
                "same steps called in process", null, null),
        ];
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task WaitVisibleAsync(HttpClient http, string path, string sha, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            using var response = await http.GetAsync(path, ct);
            if (response.IsSuccessStatusCode)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
                if (body.RootElement.GetProperty("scoreVersion").GetString() == sha)
                {
                    return;
                }
            }
            await Task.Delay(10, ct);
        }
        throw new TimeoutException($"{path} did not serve version {sha[..12]} within {Patience.TotalSeconds:0} s.");
    }
}
