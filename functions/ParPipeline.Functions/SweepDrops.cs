using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ParPipeline.Ingest;

namespace ParPipeline.Functions;

/// <summary>On schedule (<c>DropSweepSchedule</c>): ingest drops their trigger left behind.</summary>
public sealed class SweepDrops(DropSweeper sweeper, ILogger<SweepDrops> log)
{
    [Function(nameof(SweepDrops))]
    public async Task Run([TimerTrigger("%DropSweepSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        var swept = await sweeper.SweepAsync(ct);
        log.LogInformation("Swept {Count} drops left behind", swept);
    }
}
