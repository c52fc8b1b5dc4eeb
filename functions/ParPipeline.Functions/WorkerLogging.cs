using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;

namespace ParPipeline.Functions;

/// <summary>
/// The worker's own log filters. In the isolated worker, host.json's levels do not reach the worker's categories:
/// its lines travel to the host as <c>Function.{Name}.User</c>, so host.json's <c>Azure.Core: Warning</c> never sees
/// the Azure SDK's request/response lines, which Microsoft.Extensions.Azure forwards at Information (1,907 of 1,962
/// lines in one run under the real host; each is Application Insights ingestion, billed per GB). Filtered here, for
/// the host channel and for Application Insights alike.
/// </summary>
public static class WorkerLogging
{
    /// <summary>Category prefixes of the Azure SDK's event sources (Azure.Core, Azure.Storage.Blobs, Azure.Identity ...).</summary>
    public const string AzureSdk = "Azure";

    public static ILoggingBuilder Configure(ILoggingBuilder logging)
    {
        logging.AddFilter(AzureSdk, LogLevel.Warning);
        logging.AddFilter<ApplicationInsightsLoggerProvider>(AzureSdk, LogLevel.Warning);
        // The Application Insights provider adds a rule that keeps only Warning and above for every category; the
        // pipeline's one line per drop, recompute and publication is Information and should reach it.
        logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            var defaultRule = options.Rules.FirstOrDefault(r =>
                r.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName && r.CategoryName is null);
            if (defaultRule is not null)
            {
                options.Rules.Remove(defaultRule);
            }
        });
        logging.AddFilter<ApplicationInsightsLoggerProvider>("ParPipeline", LogLevel.Information);
        return logging;
    }
}
