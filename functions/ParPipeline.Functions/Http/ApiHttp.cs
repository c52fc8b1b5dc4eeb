using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ParPipeline.Api;

namespace ParPipeline.Http;

/// <summary>
/// Between ASP.NET Core and the Core API, compiled into both hosts (the local host links this file), so the
/// Azure app and the local host read requests and write answers byte for byte alike.
/// </summary>
internal static class ApiHttp
{
    public const string KeyHeader = "x-functions-key";

    public static ApiRequest ToApiRequest(this HttpRequest request) => new(
        request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        request.Headers.IfNoneMatch.ToString() is { Length: > 0 } tags ? tags : null,
        request.Headers[KeyHeader].ToString() is { Length: > 0 } header ? header : request.Query[ApiRequest.KeyParameter].ToString() is { Length: > 0 } code ? code : null);

    public static async Task WriteAsync(this HttpResponse http, ApiResponse response, CancellationToken ct)
    {
        http.StatusCode = response.Status;
        http.Headers.CacheControl = response.CacheControl;
        if (response.ETag is not null)
        {
            http.Headers.ETag = response.ETag;
        }
        if (response.Status == StatusCodes.Status304NotModified)
        {
            return;
        }
        http.ContentType = response.ContentType;
        http.ContentLength = response.Body.Length;
        http.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        await http.Body.WriteAsync(response.Body, ct);
    }
}

/// <summary>An <see cref="ApiResponse"/> as the Functions worker's ASP.NET Core integration expects a result.</summary>
internal sealed class ApiResult(ApiResponse response) : IActionResult
{
    public ApiResponse Response { get; } = response;

    public Task ExecuteResultAsync(ActionContext context) =>
        context.HttpContext.Response.WriteAsync(Response, context.HttpContext.RequestAborted);
}
