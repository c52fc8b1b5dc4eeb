namespace ParPipeline.Api;

/// <summary>Who may call a route.</summary>
public enum ApiAccess
{
    /// <summary>Anonymous unless <see cref="ApiOptions.ReadKey"/> is set.</summary>
    Read,

    /// <summary>A function key in Azure (checked by the Functions host), the admin key in the local host.</summary>
    Admin,
}

/// <summary>One route of the API: both hosts map it, the OpenAPI document describes it, tests walk the list.</summary>
/// <param name="Name">The Azure function's name (and the OpenAPI operation id).</param>
/// <param name="Template">Route under <c>/api</c>, as the Functions host and Kestrel write it.</param>
/// <param name="Method">The method the route serves: GET (HEAD too) or POST.</param>
public sealed record ApiRoute(string Name, string Method, string Template, ApiAccess Access, string Summary, Type Body,
    IReadOnlyList<string> Query, bool Csv = false, bool Html = false)
{
    /// <summary>
    /// Every method an HTTP function is bound to, so that the app itself, in both hosts, answers a method the route
    /// does not serve with 405 and <c>Allow</c>, and a CORS preflight (OPTIONS): bound to GET alone, the Functions
    /// host would answer 404 with no body. Kept in step with the functions' attributes by FunctionsHostRulesTests.
    /// </summary>
    public static readonly IReadOnlyList<string> BoundMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>The methods answered with the route's representation: a GET route answers HEAD alike, without the body.</summary>
    public IReadOnlyList<string> Allowed => Method == "GET" ? ["GET", "HEAD"] : [Method];

    /// <summary>The value of <c>Allow</c> on a 405.</summary>
    public string AllowHeader => string.Join(", ", Allowed);
}

/// <summary>
/// The API's routes. None starts with <c>admin</c> or <c>runtime</c>: the Functions host reserves both prefixes for
/// its own admin API and extension webhooks and puts a function claiming them in error (FunctionsHostRulesTests).
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute Indices = new("ApiIndices", "GET", "indices", ApiAccess.Read,
        "Indices, the years ranked so far, unit counts and when each year's file arrived", typeof(IReadOnlyList<IndexSummary>), []);

    public static readonly ApiRoute Rankings = new("ApiRankings", "GET", "rankings/{index}/{year}", ApiAccess.Read,
        "An index-year's full ranked table: every rank, score, component and movement", typeof(RankingResponse), RankingQueries.Parameters, Csv: true);

    public static readonly ApiRoute Units = new("ApiUnits", "GET", "units", ApiAccess.Read,
        "The gazetteer: provinces (to 2024 and from 2025, with lineage) and ministries", typeof(IReadOnlyList<UnitDescription>), UnitQueries.ListParameters);

    public static readonly ApiRoute Unit = new("ApiUnit", "GET", "units/{unit}", ApiAccess.Read,
        "A unit's profile across indices and years; {unit} is a code or any accepted name", typeof(UnitProfile), UnitQueries.ProfileParameters);

    public static readonly ApiRoute History = new("ApiUnitHistory", "GET", "units/{unit}/history", ApiAccess.Read,
        "A unit's score and rank year by year", typeof(UnitHistory), UnitQueries.HistoryParameters);

    public static readonly ApiRoute Compare = new("ApiCompare", "GET", "compare", ApiAccess.Read,
        "Several units' histories side by side (units=48,31)", typeof(Comparison), UnitQueries.CompareParameters);

    public static readonly ApiRoute Movers = new("ApiMovers", "GET", "movers/{index}/{year}", ApiAccess.Read,
        "The biggest risers and fallers against the year before", typeof(MoversResponse), MoverQueries.Parameters);

    public static readonly ApiRoute Criteria = new("ApiCriteria", "GET", "criteria/{index}/{year}", ApiAccess.Read,
        "An index-year's criteria annex: every criterion with its component, maximum, leader and mean", typeof(CriteriaListResponse), CriteriaQueries.Parameters, Csv: true);

    public static readonly ApiRoute Criterion = new("ApiCriterion", "GET", "criteria/{index}/{year}/{criterion}", ApiAccess.Read,
        "One criterion across all units, ranked, with the gap to the leader and the change since the year before", typeof(CriterionRankingResponse), CriteriaQueries.Parameters, Csv: true);

    public static readonly ApiRoute UnitCriteria = new("ApiUnitCriteria", "GET", "units/{unit}/criteria/{index}/{year}", ApiAccess.Read,
        "A unit's criterion scores with maximum, rank, leader, gap and change, and where it lost points", typeof(UnitCriteriaResponse), CriteriaQueries.Parameters, Csv: true);

    public static readonly ApiRoute Ingestions = new("ApiIngestions", "GET", "ingestions", ApiAccess.Admin,
        "The ingestion ledger, newest first, and poisoned recompute requests", typeof(IngestionsResponse), IngestionQueries.Parameters);

    public static readonly ApiRoute IngestionFile = new("ApiIngestionFile", "GET", "ingestions/{file}", ApiAccess.Admin,
        "What became of one dropped file, by drop name or SHA-256: status, every problem with its cell, links to its report", typeof(FileReport), []);

    public static readonly ApiRoute IngestionReport = new("ApiIngestionReport", "GET", "ingestions/{file}/report", ApiAccess.Admin,
        "A rejected file's report as the page its sender reads: Vietnamese first, English second", typeof(string), [], Html: true);

    public static readonly ApiRoute PublishReports = new("ApiPublishReports", "POST", "manage/reports/{index}/{year}", ApiAccess.Admin,
        "Publish an index-year's reports now", typeof(PublishResponse), []);

    public static readonly ApiRoute Redrive = new("ApiRedrive", "POST", "manage/redrive", ApiAccess.Admin,
        "Re-queue recompute requests that failed every try", typeof(RedriveResponse), []);

    public static readonly ApiRoute Health = new("ApiHealth", "GET", "health", ApiAccess.Read,
        "Whether storage answers (always anonymous, for probes)", typeof(HealthResponse), []);

    public static readonly ApiRoute Status = new("ApiStatus", "GET", "manage/status", ApiAccess.Admin,
        "Storage latency, queue lengths, poisoned requests, drops waiting and the last ingestion", typeof(StatusResponse), []);

    public static readonly ApiRoute OpenApi = new("ApiOpenApi", "GET", "openapi.json", ApiAccess.Read,
        "This API as an OpenAPI 3.1 document", typeof(object), []);

    public static IReadOnlyList<ApiRoute> All { get; } = [Indices, Rankings, Units, Unit, History, Compare, Movers, Criteria, Criterion, UnitCriteria, Ingestions, IngestionFile, IngestionReport, PublishReports, Redrive, Health, Status, OpenApi];
}
