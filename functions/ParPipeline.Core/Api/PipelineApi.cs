using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ParPipeline.Ranking;

namespace ParPipeline.Api;

/// <summary>
/// The API as both hosts call it, one method per route of <see cref="ApiRoutes"/>: bounds the query, asks for
/// the read key when one is set, runs the route's handler and answers 304 when the client's ETag still holds.
/// Admin routes are checked by the host (the Functions host's function keys, the local host's admin key).
/// </summary>
public sealed class PipelineApi(
    IOptions<ApiOptions> options, IndexQueries indices, RankingQueries rankings, UnitQueries units, MoverQueries movers,
    IngestionQueries ingestions, ReportCommands reports, RecomputeRedrive redrive, HealthQuery health)
{
    private readonly Lazy<ApiResponse> _openApi = new(() => ApiResponse.Bytes(ApiResponse.Json, OpenApiDescription.Json()));

    public Task<ApiResponse> IndicesAsync(ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.Indices, request, () => indices.ListAsync(ct));

    public Task<ApiResponse> RankingsAsync(string index, string year, ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.Rankings, request, () => rankings.GetAsync(index, year, request, ct));

    public Task<ApiResponse> UnitsAsync(ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.Units, request, () => Task.FromResult(units.List(request)));

    public Task<ApiResponse> UnitAsync(string unit, ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.Unit, request, () => units.ProfileAsync(unit, ct));

    public Task<ApiResponse> HistoryAsync(string unit, ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.History, request, () => units.HistoryAsync(unit, request, ct));

    public Task<ApiResponse> CompareAsync(ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.Compare, request, () => units.CompareAsync(request, ct));

    public Task<ApiResponse> MoversAsync(string index, string year, ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.Movers, request, () => movers.GetAsync(index, year, request, ct));

    public Task<ApiResponse> HealthAsync(ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.Health, request, () => health.CheckAsync(ct));

    public Task<ApiResponse> OpenApiAsync(ApiRequest request, CancellationToken ct) =>
        ReadAsync(ApiRoutes.OpenApi, request, () => Task.FromResult(_openApi.Value));

    public Task<ApiResponse> IngestionsAsync(ApiRequest request, CancellationToken ct) =>
        Guarded(ApiRoutes.Ingestions, request, () => ingestions.ListAsync(request, ct));

    public Task<ApiResponse> PublishReportsAsync(string index, string year, ApiRequest request, CancellationToken ct) =>
        Guarded(ApiRoutes.PublishReports, request, () => reports.PublishAsync(index, year, ct));

    public Task<ApiResponse> RedriveAsync(ApiRequest request, CancellationToken ct) =>
        Guarded(ApiRoutes.Redrive, request, async () =>
        {
            var sent = await redrive.RedriveAsync(ct);
            return ApiResponse.Ok(new RedriveResponse(sent.Count, sent), cacheable: false);
        });

    private Task<ApiResponse> ReadAsync(ApiRoute route, ApiRequest request, Func<Task<ApiResponse>> handler) =>
        options.Value.ReadKey is { Length: > 0 } key && !KeyMatches(request.Key, key)
            ? Task.FromResult(ApiResponse.Problem(401, "READ_KEY_REQUIRED", "Key required",
                "This API is configured to need a key: send it as the x-functions-key header or the code query parameter."))
            : Guarded(route, request, handler);

    private static async Task<ApiResponse> Guarded(ApiRoute route, ApiRequest request, Func<Task<ApiResponse>> handler)
    {
        if (ApiParameters.Check(request, route.Query) is { } bad)
        {
            return bad;
        }
        return (await handler()).For(request.IfNoneMatch);
    }

    /// <summary>Constant-time comparison, so a key cannot be guessed from response times.</summary>
    public static bool KeyMatches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
