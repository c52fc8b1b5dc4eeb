using ParPipeline.TestInputs.Chaos;
using System.Globalization;
using System.Text.Json;
using ParPipeline.Local;

namespace ParPipeline.Bench.Chaos;

/// <summary><c>chaos [--size N]</c>: the chaos run from the command line, for a long run (the tests run it small).</summary>
public static class ChaosCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var size = 200;
        if (args is ["--size", var text] && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 10)
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/ParPipeline.Bench -- chaos [--size N]   (N ≥ 10 drops, default 200)");
            return 2;
        }
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var report = await ChaosRun.RunAsync(RepositoryRoot.Find(), new ChaosOptions(size), Console.Out, stop.Token);
        Console.WriteLine(JsonSerializer.Serialize(report, PipelineJson.Indented));
        Console.WriteLine(report.Violations.Count == 0 ? "chaos: nothing lost, nothing half-written" : $"chaos: {report.Violations.Count} violations");
        return report.Violations.Count == 0 ? 0 : 1;
    }
}
