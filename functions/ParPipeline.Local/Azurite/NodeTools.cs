using System.Diagnostics;

namespace ParPipeline.Local.Azurite;

/// <summary>Finds Node.js tools on PATH and installs the repository's pinned npm packages.</summary>
internal static class NodeTools
{
    public static string? Find(string tool)
    {
        var names = OperatingSystem.IsWindows() ? new[] { tool + ".exe", tool + ".cmd" } : [tool];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary><c>npm ci</c> in the repository root: installs exactly what package-lock.json pins.</summary>
    public static async Task NpmCiAsync(string repositoryRoot, CancellationToken ct)
    {
        var npm = Find("npm") ?? throw new LocalStartupException("npm was not found on PATH: install Node.js 20 or newer (it brings npm).");
        Console.Error.WriteLine("Installing Azurite from package-lock.json (npm ci), once ...");
        var start = new ProcessStartInfo(npm) { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new LocalStartupException("npm ci did not start.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new LocalStartupException($"npm ci failed with exit code {process.ExitCode}: {(await stderr).ReplaceLineEndings(" ").Trim()}");
        }
    }
}
