using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
        Header(request, HeaderNames.IfNoneMatch),
        Header(request, KeyHeader) ?? (request.Query[ApiRequest.KeyParameter].ToString() is { Length: > 0 } code ? code : null))
    {
        Method = request.Method.ToUpperInvariant(),
        // As sent, before URL normalisation folds "/units/%2e" into "/units/" (null where a host gives no raw target).
        RawPath = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw.StartsWith('/')
            ? raw : request.PathBase.Add(request.Path).ToUriComponent(),
        Accept = Header(request, HeaderNames.Accept),
        AcceptEncoding = Header(request, HeaderNames.AcceptEncoding),
        Origin = Header(request, HeaderNames.Origin),
        PreflightMethod = Header(request, HeaderNames.AccessControlRequestMethod),
        PreflightHeaders = Header(request, HeaderNames.AccessControlRequestHeaders),
    };

    private static string? Header(HttpRequest request, string name) =>
        request.Headers[name].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>Status, headers and body; a HEAD answer has every header a GET has (Content-Length too) and no body.</summary>
    public static async Task WriteAsync(this HttpResponse http, ApiResponse response, CancellationToken ct)
    {
        http.StatusCode = response.Status;
        http.Headers.CacheControl = response.CacheControl;
        if (response.ETag is not null)
        {
            http.Headers.ETag = response.ETag;
        }
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }
        if (response.Status is StatusCodes.Status304NotModified or StatusCodes.Status204NoContent)
        {
            return;
        }
        http.ContentType = response.ContentType;
        http.ContentLength = response.Body.Length;
        http.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (HttpMethods.IsHead(http.HttpContext.Request.Method))
        {
            return;
        }
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
