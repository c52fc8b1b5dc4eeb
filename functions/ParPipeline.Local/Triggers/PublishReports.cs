using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using ParPipeline.Reports;

namespace ParPipeline.Local.Triggers;

public sealed class PublishReports(ReportPublisher publisher, ILogger<PublishReports> log)
{
    [FunctionName(nameof(PublishReports))]
    public async Task Run([TimerTrigger("%ReportSchedule%", UseMonitor = true)] TimerInfo timer, CancellationToken ct)
    {
        var published = await publisher.PublishChangedAsync(ct);
        log.LogInformation("Published {Count} index-years (past due: {PastDue})", published.Count, timer.IsPastDue);
    }
}
