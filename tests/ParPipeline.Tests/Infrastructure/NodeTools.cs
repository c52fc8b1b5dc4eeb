using System.Diagnostics;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>The npm tools package.json pins (linters, html-validate, Lighthouse), run from node_modules/.bin.</summary>
public static class NodeTools
{
    /// <summary>Runs a tool, installing package-lock.json's pins first when it is missing.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var root = RepositoryPaths.Root;
        var executable = Path.Combine(root, "node_modules", ".bin", tool);
        if (!File.Exists(executable))
        {
            var (exit, output) = await ProcessAsync("npm", root, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            Assert.True(exit == 0, $"npm ci failed: {output}");
        }
        return await ProcessAsync(executable, root, arguments);
    }

    public static Task<(int Exit, string Output)> ProcessAsync(string file, string directory, params string[] arguments) =>
        ProcessAsync(file, directory, arguments, new Dictionary<string, string>());

    /// <summary>Runs a program to its end (3 minutes at most) with extra environment variables; stdout then stderr.</summary>
    public static async Task<(int Exit, string Output)> ProcessAsync(string file, string directory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
