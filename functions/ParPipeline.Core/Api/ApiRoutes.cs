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
public sealed record ApiRoute(string Name, string Method, string Template, ApiAccess Access, string Summary, Type Body,
    IReadOnlyList<string> Query, bool Csv = false);

public static class ApiRoutes
{
    public static readonly ApiRoute Indices = new("ApiIndices", "GET", "indices", ApiAccess.Read,
        "Indices, the years ranked so far, unit counts and when each year's file arrived", typeof(IReadOnlyList<IndexSummary>), []);

    public static readonly ApiRoute Rankings = new("ApiRankings", "GET", "rankings/{index}/{year}", ApiAccess.Read,
        "An index-year's full ranked table: every rank, score, component and movement", typeof(RankingResponse), RankingQueries.Parameters, Csv: true);

    public static readonly ApiRoute Units = new("ApiUnits", "GET", "units", ApiAccess.Read,
        "The gazetteer: provinces (to 2024 and from 2025, with lineage) and ministries", typeof(IReadOnlyList<UnitDescription>), UnitQueries.ListParameters);

    public static readonly ApiRoute Unit = new("ApiUnit", "GET", "units/{unit}", ApiAccess.Read,
        "A unit's profile across indices and years; {unit} is a code or any accepted name", typeof(UnitProfile), []);

    public static readonly ApiRoute History = new("ApiUnitHistory", "GET", "units/{unit}/history", ApiAccess.Read,
        "A unit's score and rank year by year", typeof(UnitHistory), UnitQueries.HistoryParameters);

    public static readonly ApiRoute Compare = new("ApiCompare", "GET", "compare", ApiAccess.Read,
        "Several units' histories side by side (units=48,31)", typeof(Comparison), UnitQueries.CompareParameters);

    public static readonly ApiRoute Movers = new("ApiMovers", "GET", "movers/{index}/{year}", ApiAccess.Read,
        "The biggest risers and fallers against the year before", typeof(MoversResponse), MoverQueries.Parameters);

    public static readonly ApiRoute Ingestions = new("ApiIngestions", "GET", "ingestions", ApiAccess.Admin,
        "The ingestion ledger, newest first, and poisoned recompute requests", typeof(IngestionsResponse), IngestionQueries.Parameters);

    public static readonly ApiRoute PublishReports = new("ApiPublishReports", "POST", "admin/reports/{index}/{year}", ApiAccess.Admin,
        "Publish an index-year's reports now", typeof(PublishResponse), []);

    public static readonly ApiRoute Redrive = new("ApiRedrive", "POST", "admin/redrive", ApiAccess.Admin,
        "Re-queue recompute requests that failed every try", typeof(RedriveResponse), []);

    public static readonly ApiRoute Health = new("ApiHealth", "GET", "health", ApiAccess.Read,
        "Whether storage answers", typeof(HealthResponse), []);

    public static readonly ApiRoute OpenApi = new("ApiOpenApi", "GET", "openapi.json", ApiAccess.Read,
        "This API as an OpenAPI 3.1 document", typeof(object), []);

    public static IReadOnlyList<ApiRoute> All { get; } = [Indices, Rankings, Units, Unit, History, Compare, Movers, Ingestions, PublishReports, Redrive, Health, OpenApi];
}
