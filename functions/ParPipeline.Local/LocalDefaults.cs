namespace ParPipeline.Local;

/// <summary>Defaults the Azure app gets from its app settings (infra/) and the local host sets itself.</summary>
internal static class LocalDefaults
{
    // 02:00 in Viet Nam (UTC+7, no daylight saving) is 19:00 UTC the day before. NCrontab, with seconds.
    public const string ReportSchedule = "0 0 19 * * *";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ReportSchedule"] = ReportSchedule,
    };
}
