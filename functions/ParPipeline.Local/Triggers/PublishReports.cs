using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;
using ParPipeline.Reports;

namespace ParPipeline.Local.Triggers;

public sealed class PublishReports(ReportPublisher publisher, ReportMirror mirror, ILogger<PublishReports> log)
{
    [FunctionName(nameof(PublishReports))]
    public async Task Run([TimerTrigger("%ReportSchedule%", UseMonitor = true)] TimerInfo timer, CancellationToken ct)
    {
        var published = await publisher.PublishChangedAsync(ct);
        // Locally the reports are also files to open in a browser.
        var folder = published.Count > 0 ? await mirror.MirrorAsync(ct) : mirror.Folder;
        log.LogInformation("Published {Count} index-years (past due: {PastDue}); reports in {Folder}", published.Count, timer.IsPastDue, folder);
    }
}
