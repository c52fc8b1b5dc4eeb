using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ParPipeline.Api;

namespace ParPipeline.Local.Http;

/// <summary>The same /api routes as the Azure app's HTTP functions, over the same Core query handlers.</summary>
internal static class LocalApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/rankings/{index}/{year}", (string index, string year, RankingQueries queries, HttpContext http) =>
            Write(http, queries.GetAsync(index, year, http.RequestAborted)));
        api.MapGet("/indices", (IndexQueries queries, HttpContext http) => Write(http, queries.ListAsync(http.RequestAborted)));
        api.MapGet("/health", (HealthQuery health, HttpContext http) => Write(http, health.CheckAsync(http.RequestAborted)));
        api.MapPost("/admin/reports/{index}/{year}", (string index, string year, ReportCommands commands, AdminKey key, HttpContext http) =>
            key.Accepts(http.Request.Headers[AdminKey.Header])
                ? Write(http, commands.PublishAsync(index, year, http.RequestAborted))
                : Write(http, Task.FromResult(ApiResponse.Problem(401, "ADMIN_KEY_REQUIRED", "Admin key required",
                    $"Admin routes need the header {AdminKey.Header} with the local host's admin key (printed at start, kept in .local/admin.key)."))));
        return endpoints;
    }

    private static async Task Write(HttpContext http, Task<ApiResponse> pending)
    {
        var response = await pending;
        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        http.Response.ContentLength = response.Body.Length;
        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }
}
