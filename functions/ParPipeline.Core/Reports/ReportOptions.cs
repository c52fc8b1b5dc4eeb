namespace ParPipeline.Reports;

/// <summary>Settings under <c>Reports</c> (app settings <c>Reports__WebContainer</c>, ...).</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// A second container every report file is also written to, for the storage account's static website:
    /// <c>$web</c> in Azure (infra/app/function-app.bicep; infra/hooks/postdeploy.sh turns the website on, which
    /// Bicep cannot). Null locally, where the local host serves the mirrored <c>reports</c> container at /reports/.
    /// </summary>
    public string? WebContainer { get; set; }
}
