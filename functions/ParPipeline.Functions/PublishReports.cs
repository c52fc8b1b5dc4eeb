using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ParPipeline.Reports;

namespace ParPipeline.Functions;

/// <summary>On schedule (<c>ReportSchedule</c>): publish every index-year whose rankings changed.</summary>
public sealed class PublishReports(ReportPublisher publisher, ILogger<PublishReports> log)
{
    [Function(nameof(PublishReports))]
    public async Task Run([TimerTrigger("%ReportSchedule%", UseMonitor = true)] TimerInfo timer, CancellationToken ct)
    {
        // Past-due or not, one run catches up everything: it publishes whatever changed since the last success.
        var started = Stopwatch.GetTimestamp();
        var published = await publisher.PublishChangedAsync(ct);
        log.LogInformation("Published {Count} index-years (past due: {PastDue}, {DurationMs:0} ms)", published.Count, timer.IsPastDue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
