using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>The Bicep compiler from the NuGet package Azure.Bicep.CommandLine.linux-x64 (PackageDownload).</summary>
public static class Bicep
{
    public static string Executable =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepExecutable").Value!;

    /// <summary>Builds a .bicep file; returns the ARM template and everything the compiler printed.</summary>
    public static async Task<(int ExitCode, string Output, JsonNode? Template)> BuildAsync(string bicepFile)
    {
        if (!OperatingSystem.IsWindows())
        {
            // NuGet does not always keep the executable bit of a package's files.
            File.SetUnixFileMode(Executable, File.GetUnixFileMode(Executable) | UnixFileMode.UserExecute);
        }
        var outFile = Path.Combine(Path.GetTempPath(), $"parpipeline-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "build", bicepFile, "--outfile", outFile })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = (await stdout + await stderr).Trim();
        try
        {
            return (process.ExitCode, output, File.Exists(outFile) ? JsonNode.Parse(await File.ReadAllTextAsync(outFile)) : null);
        }
        finally
        {
            File.Delete(outFile);
        }
    }
}
