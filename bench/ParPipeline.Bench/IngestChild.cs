using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Storage;

namespace ParPipeline.Bench;

/// <summary>
/// <c>ingest-child FILE BLOBNAME</c>: ingests one file through <see cref="IngestionService"/> against the storage
/// in <c>PipelineStorage</c> and prints its status and the process's peak resident memory, so each size is
/// measured in a fresh process.
/// </summary>
public static class IngestChild
{
    public sealed record Result(string Status, long PeakBytes, double Seconds);

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var services = new ServiceCollection().AddLogging().AddParPipeline(configuration).BuildServiceProvider();
        await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        await using var content = File.OpenRead(args[0]);
        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(args[1], content, CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(new Result(outcome.Status.ToString(), PeakResidentBytes(), watch.Elapsed.TotalSeconds)));
        return 0;
    }

    /// <summary>VmHWM: the most resident memory the process ever had.</summary>
    public static long PeakResidentBytes()
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is null
            ? Process.GetCurrentProcess().PeakWorkingSet64
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Runs this harness as a child on one file and reads its result line.</summary>
    public static async Task<Result> MeasureAsync(string storage, string file, string blobName, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(IngestChild).Assembly.Location);
        start.ArgumentList.Add("ingest-child");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(blobName);
        start.Environment[PipelineStorageNames.Connection] = storage;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var last = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        return process.ExitCode == 0 && last is not null
            ? JsonSerializer.Deserialize<Result>(last)!
            : throw new InvalidOperationException($"ingest-child failed ({process.ExitCode}): {await error}");
    }
}
