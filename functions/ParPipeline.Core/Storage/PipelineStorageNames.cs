namespace ParPipeline.Storage;

/// <summary>
/// The containers, queues and tables the pipeline uses. They are fixed names, not settings: the trigger
/// attributes of both hosts name them as constants, as Azure Functions requires, and infra/ creates them.
/// </summary>
public static class PipelineStorageNames
{
    public const string Connection = "PipelineStorage";

    public const string DropsContainer = "ministry-drops";
    public const string ArchiveContainer = "ministry-archive";
    public const string QuarantineContainer = "ministry-quarantine";
    public const string ReportsContainer = "reports";

    /// <summary>One empty blob per index-year, leased while a file's scores become current (IndexYearLocks).</summary>
    public const string LocksContainer = "pipeline-locks";

    public const string RecomputeQueue = "rankings-recompute";

    /// <summary>Where the Functions host and the WebJobs SDK move a message after 5 failed tries.</summary>
    public const string RecomputePoisonQueue = RecomputeQueue + "-poison";

    public const string ScoresTable = "Scores";
    public const string RankingsTable = "Rankings";
    public const string IngestionsTable = "Ingestions";
    public const string PublicationsTable = "Publications";
    public const string CriteriaTable = "Criteria";

    public static IReadOnlyList<string> Containers { get; } =
        [DropsContainer, ArchiveContainer, QuarantineContainer, ReportsContainer, LocksContainer];

    public static IReadOnlyList<string> Queues { get; } = [RecomputeQueue, RecomputePoisonQueue];

    public static IReadOnlyList<string> Tables { get; } =
        [ScoresTable, RankingsTable, IngestionsTable, PublicationsTable, CriteriaTable];
}
