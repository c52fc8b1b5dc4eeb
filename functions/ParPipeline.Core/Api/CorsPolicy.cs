using Microsoft.Extensions.Options;

namespace ParPipeline.Api;

/// <summary>
/// Cross-origin reads for browser dashboards (the Fetch standard's CORS protocol), answered by the app in both
/// hosts: read routes send <c>Access-Control-Allow-Origin</c> for the origins <see cref="ApiOptions.AllowedOrigins"/>
/// allows and expose the ETag; a preflight is answered for GET and HEAD with the headers a dashboard sends
/// (If-None-Match to revalidate, the read key). Admin routes never answer cross-origin.
/// </summary>
public sealed class CorsPolicy(IOptions<ApiOptions> options)
{
    /// <summary>Response headers a page may read beyond the CORS-safelisted ones.</summary>
    public const string ExposedHeaders = "ETag, Content-Disposition, Content-Length";

    /// <summary>Request headers a preflight may ask for: revalidation, the read key, content negotiation.</summary>
    public static readonly IReadOnlyList<string> AllowedRequestHeaders = ["if-none-match", "x-functions-key", "accept", "accept-language", "content-language"];

    /// <summary>How long a browser may keep a preflight answer (Chromium caps it at 2 hours).</summary>
    public const int MaxAgeSeconds = 600;

    // Read once: the setting does not change while the app runs, and this is on every request's path.
    private readonly string[] _origins = options.Value.AllowedOrigins
        .Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Every origin may read: no need to vary cached answers by Origin.</summary>
    public bool AnyOrigin => _origins.Contains("*");

    /// <summary>The <c>Access-Control-Allow-Origin</c> value for <paramref name="origin"/> on a read route; null when not allowed.</summary>
    public string? AllowOrigin(ApiRoute route, string? origin)
    {
        if (route.Access != ApiAccess.Read || string.IsNullOrEmpty(origin))
        {
            return null;
        }
        return AnyOrigin ? "*" : _origins.FirstOrDefault(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)) is not null ? origin : null;
    }

    /// <summary>The CORS headers of an actual (not preflight) cross-origin request.</summary>
    public ApiResponse Decorate(ApiRoute route, ApiRequest request, ApiResponse response)
    {
        if (AllowOrigin(route, request.Origin) is not { } allowed)
        {
            return response;
        }
        return response.WithHeader("Access-Control-Allow-Origin", allowed).WithHeader("Access-Control-Expose-Headers", ExposedHeaders);
    }

    /// <summary>
    /// 204 with the permissions for an allowed preflight; 403 (no CORS headers, so the browser blocks the request)
    /// for an origin, method or header this policy does not allow, saying which.
    /// </summary>
    public ApiResponse Preflight(ApiRoute route, ApiRequest request)
    {
        var method = request.PreflightMethod!.Trim().ToUpperInvariant();
        var headers = (request.PreflightHeaders ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.ToLowerInvariant()).ToList();
        string? refusal =
            route.Access != ApiAccess.Read ? "admin routes do not answer cross-origin requests"
            : AllowOrigin(route, request.Origin) is null ? $"origin '{ApiParameters.Clip(request.Origin!)}' is not allowed (setting Api__AllowedOrigins)"
            : !route.Allowed.Contains(method) ? $"this route answers {route.AllowHeader}, not {ApiParameters.Clip(method)}"
            : headers.FirstOrDefault(h => !AllowedRequestHeaders.Contains(h)) is { } header ? $"request header '{ApiParameters.Clip(header)}' is not allowed"
            : null;
        if (refusal is not null)
        {
            return ApiResponse.Problem(403, "CORS_NOT_ALLOWED", "Cross-origin request not allowed", $"Preflight refused: {refusal}.");
        }
        var answer = new ApiResponse(204, "", [])
            .WithHeader("Access-Control-Allow-Origin", AllowOrigin(route, request.Origin)!)
            .WithHeader("Access-Control-Allow-Methods", route.AllowHeader)
            .WithHeader("Access-Control-Max-Age", MaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (headers.Count > 0)
        {
            answer = answer.WithHeader("Access-Control-Allow-Headers", string.Join(", ", headers));
        }
        return AnyOrigin ? answer : answer.WithHeader("Vary", "Origin");
    }
}
