using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ParPipeline.Api;
using ParPipeline.Http;

namespace ParPipeline.Local.Http;

/// <summary>
/// The routes of <see cref="ApiRoutes"/> on Kestrel, as the Azure app's HTTP functions serve them, over the same
/// <see cref="PipelineApi"/>. Admin routes ask for the admin key as the Functions host asks for a function key.
/// </summary>
internal static class LocalApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        Read(api, ApiRoutes.Indices, (p, h, r) => p.IndicesAsync(r, h.RequestAborted));
        Read(api, ApiRoutes.Rankings, (p, h, r) => p.RankingsAsync(Route(h, "index"), Route(h, "year"), r, h.RequestAborted));
        Read(api, ApiRoutes.Units, (p, h, r) => p.UnitsAsync(r, h.RequestAborted));
        Read(api, ApiRoutes.Unit, (p, h, r) => p.UnitAsync(Route(h, "unit"), r, h.RequestAborted));
        Read(api, ApiRoutes.History, (p, h, r) => p.HistoryAsync(Route(h, "unit"), r, h.RequestAborted));
        Read(api, ApiRoutes.Compare, (p, h, r) => p.CompareAsync(r, h.RequestAborted));
        Read(api, ApiRoutes.Movers, (p, h, r) => p.MoversAsync(Route(h, "index"), Route(h, "year"), r, h.RequestAborted));
        Read(api, ApiRoutes.Criteria, (p, h, r) => p.CriteriaAsync(Route(h, "index"), Route(h, "year"), r, h.RequestAborted));
        Read(api, ApiRoutes.Criterion, (p, h, r) => p.CriterionAsync(Route(h, "index"), Route(h, "year"), Route(h, "criterion"), r, h.RequestAborted));
        Read(api, ApiRoutes.UnitCriteria, (p, h, r) => p.UnitCriteriaAsync(Route(h, "unit"), Route(h, "index"), Route(h, "year"), r, h.RequestAborted));
        Read(api, ApiRoutes.Health, (p, h, r) => p.HealthAsync(r, h.RequestAborted));
        Read(api, ApiRoutes.OpenApi, (p, h, r) => p.OpenApiAsync(r, h.RequestAborted));
        Admin(api, ApiRoutes.Ingestions, (p, h, r) => p.IngestionsAsync(r, h.RequestAborted));
        Admin(api, ApiRoutes.IngestionFile, (p, h, r) => p.IngestionFileAsync(Route(h, "file"), r, h.RequestAborted));
        Admin(api, ApiRoutes.IngestionReport, (p, h, r) => p.IngestionReportAsync(Route(h, "file"), r, h.RequestAborted));
        Admin(api, ApiRoutes.Status, (p, h, r) => p.StatusAsync(r, h.RequestAborted));
        Admin(api, ApiRoutes.Redrive, (p, h, r) => p.RedriveAsync(r, h.RequestAborted));
        Admin(api, ApiRoutes.PublishReports, (p, h, r) => p.PublishReportsAsync(Route(h, "index"), Route(h, "year"), r, h.RequestAborted));
        // What no route owns answers a problem body too. (In Azure the Functions host answers these itself: 404, no body.)
        api.Map("/{**path}", (HttpContext http) => http.Response.WriteAsync(PipelineApi.NotFound(RawPath(http)), http.RequestAborted));
        return endpoints;
    }

    /// <summary>The longest request target (path and query) accepted, as Kestrel's MaxRequestLineSize had it.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>
    /// 414 with a problem body for a target over <see cref="MaxTargetLength"/>: Kestrel's own limit is set higher
    /// (<see cref="LocalWeb"/>) because its refusal has no body.
    /// </summary>
    public static async Task RefuseLongTargets(HttpContext http, Func<Task> next)
    {
        var target = RawPath(http).Length + (http.Request.QueryString.Value?.Length ?? 0);
        if (target > MaxTargetLength)
        {
            await http.Response.WriteAsync(ApiResponse.Problem(414, "URI_TOO_LONG", "URI too long",
                $"Request targets are limited to {MaxTargetLength / 1024} KiB; this one has {target:N0} characters."), http.RequestAborted);
            return;
        }
        await next();
    }

    private static string RawPath(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget?.Split('?', 2)[0] ?? http.Request.Path.ToUriComponent();

    /// <summary>The largest request body accepted; no route reads one.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>413 for a declared body over <see cref="MaxBodyBytes"/>, before any route sees it.</summary>
    public static async Task RefuseLargeBodies(HttpContext http, Func<Task> next)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await http.Response.WriteAsync(ApiResponse.Problem(413, "REQUEST_TOO_LARGE", "Request too large",
                $"Request bodies are limited to {MaxBodyBytes / 1024} KiB; this one declares {http.Request.ContentLength:N0} bytes."), http.RequestAborted);
            return;
        }
        await next();
    }

    private delegate Task<ApiResponse> Handler(PipelineApi api, HttpContext http, ApiRequest request);

    private static void Read(RouteGroupBuilder group, ApiRoute route, Handler handler) =>
        group.MapMethods("/" + route.Template, ApiRoute.BoundMethods, async (HttpContext http, PipelineApi api) =>
        {
            var request = http.Request.ToApiRequest();
            await http.Response.WriteAsync(await handler(api, http, request), http.RequestAborted);
        });

    private static void Admin(RouteGroupBuilder group, ApiRoute route, Handler handler) =>
        group.MapMethods("/" + route.Template, ApiRoute.BoundMethods, async (HttpContext http, PipelineApi api, AdminKey key) =>
        {
            // Only the header, as the Functions host also takes ?code= but a key in a URL ends up in logs.
            var response = key.Accepts(http.Request.Headers[AdminKey.Header])
                ? await handler(api, http, http.Request.ToApiRequest())
                : ApiResponse.Problem(401, "ADMIN_KEY_REQUIRED", "Admin key required",
                    $"Admin routes need the header {AdminKey.Header} with the local host's admin key (printed at start, kept in .local/admin.key).");
            await http.Response.WriteAsync(response, http.RequestAborted);
        });

    private static string Route(HttpContext http, string name) => http.GetRouteValue(name)?.ToString() ?? "";
}
