using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using ParPipeline.Ingest;

namespace ParPipeline.Local.Triggers;

public sealed class SweepDrops(DropSweeper sweeper, ILogger<SweepDrops> log)
{
    [FunctionName(nameof(SweepDrops))]
    public async Task Run([TimerTrigger("%DropSweepSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        var swept = await sweeper.SweepAsync(ct);
        if (swept > 0)
        {
            log.LogInformation("Swept {Count} drops left behind", swept);
        }
    }
}
