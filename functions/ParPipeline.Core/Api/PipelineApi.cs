using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ParPipeline.Ranking;

namespace ParPipeline.Api;

/// <summary>
/// The API as both hosts call it, one method per route of <see cref="ApiRoutes"/>. Every request goes the same
/// way: a path no route owns is a 404; a CORS preflight is answered; a method the route does not serve is a 405
/// with <c>Allow</c>; the read key is asked for when one is set; the query is bounded; the handler answers; the
/// answer is compressed when the client accepts it, 304 when the client's ETag still holds, and carries the CORS
/// headers its origin may see. Admin routes are checked by the host first (the Functions host's function keys,
/// the local host's admin key).
/// </summary>
public sealed class PipelineApi(
    IOptions<ApiOptions> options, CorsPolicy cors, Indices.IndexCatalog catalog, IndexQueries indices, RankingQueries rankings, UnitQueries units, MoverQueries movers,
    CriteriaQueries criteria, IngestionQueries ingestions, FileQueries files, ReportCommands reports, RecomputeRedrive redrive, HealthQuery health, StatusQuery status)
{
    private readonly Lazy<ApiResponse> _openApi = new(() => ApiResponse.Bytes(ApiResponse.Json, OpenApiDescription.Json(catalog)));

    public Task<ApiResponse> IndicesAsync(ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Indices, request, () => indices.ListAsync(ct));

    public Task<ApiResponse> RankingsAsync(string index, string year, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Rankings, request, () => rankings.GetAsync(index, year, request, ct));

    public Task<ApiResponse> UnitsAsync(ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Units, request, () => Task.FromResult(units.List(request)));

    public Task<ApiResponse> UnitAsync(string unit, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Unit, request, () => units.ProfileAsync(unit, request, ct));

    public Task<ApiResponse> HistoryAsync(string unit, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.History, request, () => units.HistoryAsync(unit, request, ct));

    public Task<ApiResponse> CompareAsync(ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Compare, request, () => units.CompareAsync(request, ct));

    public Task<ApiResponse> MoversAsync(string index, string year, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Movers, request, () => movers.GetAsync(index, year, request, ct));

    public Task<ApiResponse> CriteriaAsync(string index, string year, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Criteria, request, () => criteria.ListAsync(index, year, request, ct));

    public Task<ApiResponse> CriterionAsync(string index, string year, string criterion, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Criterion, request, () => criteria.CriterionAsync(index, year, criterion, request, ct));

    public Task<ApiResponse> UnitCriteriaAsync(string unit, string index, string year, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.UnitCriteria, request, () => criteria.UnitAsync(unit, index, year, request, ct));

    public Task<ApiResponse> HealthAsync(ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Health, request, () => health.CheckAsync(ct));

    public Task<ApiResponse> StatusAsync(ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Status, request, () => status.GetAsync(ct));

    public Task<ApiResponse> OpenApiAsync(ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.OpenApi, request, () => Task.FromResult(_openApi.Value));

    public Task<ApiResponse> IngestionsAsync(ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Ingestions, request, () => ingestions.ListAsync(request, ct));

    public Task<ApiResponse> IngestionFileAsync(string file, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.IngestionFile, request, () => files.FileAsync(file, ct));

    public Task<ApiResponse> IngestionReportAsync(string file, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.IngestionReport, request, () => files.ReportAsync(file, ct));

    public Task<ApiResponse> PublishReportsAsync(string index, string year, ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.PublishReports, request, () => reports.PublishAsync(index, year, ct));

    public Task<ApiResponse> RedriveAsync(ApiRequest request, CancellationToken ct) =>
        ServeAsync(ApiRoutes.Redrive, request, async () =>
        {
            var result = await redrive.RedriveAsync(ct);
            return ApiResponse.Ok(new RedriveResponse(result.Requeued.Count, result.Requeued, result.Skipped), cacheable: false);
        });

    /// <summary>The answer for a path under <c>/api</c> that no route owns (the local host's fallback).</summary>
    public static ApiResponse NotFound(string rawPath) => ApiPath.NotFound(rawPath);

    private async Task<ApiResponse> ServeAsync(ApiRoute route, ApiRequest request, Func<Task<ApiResponse>> handler)
    {
        if (ApiPath.Check(request.RawPath) is { } notFound)
        {
            return notFound;
        }
        if (request is { Method: "OPTIONS", Origin: not null, PreflightMethod: not null })
        {
            return cors.Preflight(route, request);
        }
        if (!route.Allowed.Contains(request.Method))
        {
            return cors.Decorate(route, request, ApiResponse.Problem(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                    $"/api/{route.Template} answers {route.AllowHeader}, not {ApiParameters.Clip(request.Method)}.")
                .WithHeader("Allow", route.AllowHeader));
        }
        // Health stays anonymous so a platform probe can use it; it tells only whether storage answers.
        var response = route.Access == ApiAccess.Read && route != ApiRoutes.Health && options.Value.ReadKey is { Length: > 0 } key && !KeyMatches(request.Key, key)
            ? ApiResponse.Problem(401, "READ_KEY_REQUIRED", "Key required",
                "This API is configured to need a key: send it as the x-functions-key header or the code query parameter.")
            : ApiParameters.Check(request, route.Query) ?? await handler();
        return cors.Decorate(route, request, Represent(route, request, response));
    }

    /// <summary>The representation the client asked for: compressed when it accepts it, 304 when it holds it already.</summary>
    private ApiResponse Represent(ApiRoute route, ApiRequest request, ApiResponse response)
    {
        if (response.Status != 200)
        {
            return response;
        }
        if (ContentCoding.Choose(request.AcceptEncoding, response.Body.Length) is { } coding)
        {
            response = response.Encoded(coding);
        }
        if (route.Access == ApiAccess.Read)
        {
            // Every answer of a read route names what it varies by, so a shared cache keeps them apart.
            var vary = route.Csv ? "Accept, Accept-Encoding" : "Accept-Encoding";
            response = response.WithHeader("Vary", cors.AnyOrigin ? vary : vary + ", Origin");
        }
        return response.For(request.IfNoneMatch);
    }

    /// <summary>Constant-time comparison, so a key cannot be guessed from response times.</summary>
    public static bool KeyMatches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
