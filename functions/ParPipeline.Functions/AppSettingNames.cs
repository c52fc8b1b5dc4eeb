using ParPipeline.Ingest;
using ParPipeline.Storage;

namespace ParPipeline.Functions;

/// <summary>
/// Every app setting the Azure app reads. infra/app/function-app.bicep sets each of them; a test compiles
/// the Bicep and checks, so a setting added here and forgotten there fails the build, not the deployment.
/// </summary>
public static class AppSettingNames
{
    private const string Host = "AzureWebJobsStorage";
    private const string Pipeline = PipelineStorageNames.Connection;

    public static IReadOnlyList<string> All { get; } =
    [
        // The Functions host's own storage, identity-based.
        $"{Host}__credential", $"{Host}__clientId", $"{Host}__blobServiceUri", $"{Host}__queueServiceUri", $"{Host}__tableServiceUri",
        // The triggers' Connection and the Core storage clients, identity-based.
        $"{Pipeline}__credential", $"{Pipeline}__clientId", $"{Pipeline}__blobServiceUri", $"{Pipeline}__queueServiceUri", $"{Pipeline}__tableServiceUri",
        // PublishReports' %ReportSchedule%.
        "ReportSchedule",
        // SweepDrops' %DropSweepSchedule%.
        "DropSweepSchedule",
        $"{IngestionOptions.Section}__{nameof(IngestionOptions.MaxFileBytes)}",
        $"{IngestionOptions.Section}__{nameof(IngestionOptions.ParseTimeout)}",
        $"{IngestionOptions.Section}__{nameof(IngestionOptions.SweepAfter)}",
        // The API: CORS for dashboards (the app answers it, not the platform), the optional read key, the snapshot refresh.
        $"{Api.ApiOptions.Section}__{nameof(Api.ApiOptions.AllowedOrigins)}",
        $"{Api.ApiOptions.Section}__{nameof(Api.ApiOptions.ReadKey)}",
        $"{Api.ApiOptions.Section}__{nameof(Api.ApiOptions.SnapshotRefresh)}",
        // A folder of index definitions read beside the embedded ones (empty: the embedded ones alone).
        $"{Indices.IndexOptions.Section}__{nameof(Indices.IndexOptions.DefinitionsDirectory)}",
        // The reports site: every report file also goes to the static website's $web container.
        $"{Reports.ReportOptions.Section}__{nameof(Reports.ReportOptions.WebContainer)}",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];
}
