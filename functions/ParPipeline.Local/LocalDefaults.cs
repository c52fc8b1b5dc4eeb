namespace ParPipeline.Local;

/// <summary>Defaults the Azure app gets from its app settings (infra/) and the local host sets itself.</summary>
internal static class LocalDefaults
{
    // 02:00 in Viet Nam (UTC+7, no daylight saving) is 19:00 UTC the day before. NCrontab, with seconds.
    public const string ReportSchedule = "0 0 19 * * *";

    // Every 5 minutes in Azure, for drops left 15 minutes; on one machine a killed host is the usual cause and
    // nothing else ingests for it, so every 20 seconds for drops left a minute.
    public const string DropSweepSchedule = "0 */5 * * * *";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ReportSchedule"] = ReportSchedule,
        ["DropSweepSchedule"] = "*/20 * * * * *",
        ["Ingestion:SweepAfter"] = "00:01:00",
    };
}
