namespace ParPipeline.Api;

/// <summary>
/// What the query handlers need of an HTTP request, without HTTP types: the query string (a repeated parameter
/// joined by commas), the client's validator and the key it presented (header <c>x-functions-key</c> or
/// <c>?code=</c>, as the Functions host accepts them), and the headers that choose a representation or make a
/// request cross-origin. Both hosts build it in one adapter (<c>ApiHttp</c>), so they cannot read a request apart.
/// </summary>
public sealed record ApiRequest(IReadOnlyDictionary<string, string> Query, string? IfNoneMatch = null, string? Key = null)
{
    public static ApiRequest Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The function key in a query string, which Azure accepts on every route.</summary>
    public const string KeyParameter = "code";

    /// <summary>Upper case, as HTTP writes it.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The request target's path as the client sent it, still percent-encoded; null when the host does not say.</summary>
    public string? RawPath { get; init; }

    public string? Accept { get; init; }

    public string? AcceptEncoding { get; init; }

    /// <summary>The <c>Origin</c> header of a cross-origin (browser) request.</summary>
    public string? Origin { get; init; }

    /// <summary><c>Access-Control-Request-Method</c>: present on a CORS preflight only.</summary>
    public string? PreflightMethod { get; init; }

    /// <summary><c>Access-Control-Request-Headers</c> of a preflight.</summary>
    public string? PreflightHeaders { get; init; }

    public bool IsHead => Method == "HEAD";

    public string? Get(string name) =>
        Query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value.Trim() : null;
}
