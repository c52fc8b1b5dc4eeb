using System.Runtime.InteropServices;

namespace ParPipeline.Bench;

/// <summary>Where the figures came from.</summary>
public sealed record Machine(string Cpu, int Cores, double MemoryGiB, string Os, string Runtime, string Configuration)
{
    public static Machine Current()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024d / 1024 / 1024;
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        return new Machine(cpu, Environment.ProcessorCount, Math.Round(memory, 1), RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, configuration);
    }
}
