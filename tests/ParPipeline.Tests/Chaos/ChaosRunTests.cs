using ParPipeline.TestInputs.Chaos;
using ParPipeline.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ParPipeline.Tests.Chaos;

/// <summary>
/// The chaos run at CI size: files dropped concurrently, a third malformed and a fifth copies, while the host is
/// SIGKILLed twice and Azurite restarted once; afterwards nothing is lost or half-written. A long run:
/// <c>dotnet run -c Release --project bench/ParPipeline.Bench -- chaos --size 200</c>.
/// </summary>
[Trait("Category", "Chaos")]
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Through_kills_and_restarts_every_drop_is_accounted_for_and_every_year_is_whole_and_current()
    {
        using var log = new StringWriter();
        var report = await ChaosRun.RunAsync(RepositoryPaths.Root, new ChaosOptions(Drops: 40), log, CancellationToken.None);
        output.WriteLine(log.ToString());
        foreach (var note in report.Notes)
        {
            output.WriteLine(note);
        }

        Assert.Empty(report.Violations);
        Assert.Equal((40, 12, 2, 1), (report.Drops, report.Malformed, report.HostKills, report.AzuriteRestarts));
        Assert.True(report.Copies >= 1 && report.Versions >= 3, $"{report.Copies} copies, {report.Versions} versions of PAR 2023");
        Assert.InRange(report.HostPeakResidentBytes, 1, new ChaosOptions(40).PeakResidentCeiling);
    }
}
