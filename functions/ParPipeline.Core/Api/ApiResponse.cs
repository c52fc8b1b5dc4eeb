using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace ParPipeline.Api;

/// <summary>
/// A finished HTTP answer as bytes, with its validator, cache policy and headers: both hosts write it as it is,
/// so the Azure app and the local host cannot drift apart in status, headers or body.
/// </summary>
public sealed record ApiResponse(int Status, string ContentType, byte[] Body)
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";

    /// <summary>Results change a few times a year: a minute of caching, then revalidation by ETag.</summary>
    public const string Cacheable = "public, max-age=60";

    public const string NotCacheable = "no-store";

    /// <summary>Compressed encodings of this answer, made once per answer: snapshot answers are kept, so once per snapshot.</summary>
    private readonly ConcurrentDictionary<string, ApiResponse> _encodings = new(StringComparer.Ordinal);

    /// <summary>A strong validator of the body (its SHA-256), set on every cacheable 200.</summary>
    public string? ETag { get; init; }

    public string CacheControl { get; init; } = NotCacheable;

    /// <summary>Further headers (Allow, Vary, Content-Encoding, Content-Disposition, Access-Control-*), written as they are.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A copy without the encodings made of the original, since a copy has another body or headers.</summary>
    private ApiResponse(ApiResponse original)
    {
        _encodings = new(StringComparer.Ordinal);
        Status = original.Status;
        ContentType = original.ContentType;
        Body = original.Body;
        ETag = original.ETag;
        CacheControl = original.CacheControl;
        Headers = original.Headers;
    }

    public static ApiResponse Ok<T>(T body, bool cacheable = true) =>
        Bytes(Json, JsonSerializer.SerializeToUtf8Bytes(body, PipelineJson.Options), cacheable);

    public static ApiResponse Bytes(string contentType, byte[] body, bool cacheable = true) => cacheable
        ? new ApiResponse(200, contentType, body) { ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"", CacheControl = Cacheable }
        : new ApiResponse(200, contentType, body);

    /// <summary>RFC 9457 problem details with a stable <paramref name="code"/> a client can match on.</summary>
    public static ApiResponse Problem(int status, string code, string title, string detail, IReadOnlyList<ApiSuggestion>? suggestions = null) =>
        new(status, ProblemJson, JsonSerializer.SerializeToUtf8Bytes(
            new ProblemDetails($"https://parpipeline.dev/problems/{code.ToLowerInvariant().Replace('_', '-')}", title, status, detail, code,
                suggestions is { Count: > 0 } ? suggestions : null),
            PipelineJson.Options));

    /// <summary>This answer with <paramref name="name"/> set (replacing any earlier value).</summary>
    public ApiResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    /// <summary>
    /// 304 with no body when the client already holds this representation (If-None-Match, weak comparison as
    /// RFC 9110 asks for GET); otherwise this response.
    /// </summary>
    public ApiResponse For(string? ifNoneMatch)
    {
        if (Status != 200 || ETag is null || string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return this;
        }
        var opaque = ETag.Trim('"');
        var matches = ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag).Trim('"') == opaque);
        return matches ? this with { Status = 304, Body = [] } : this;
    }

    /// <summary>
    /// This answer in <paramref name="coding"/> ("br" or "gzip"), compressed the first time it is asked for and kept.
    /// Its ETag differs from the identity one (RFC 9110 §8.8.3: a strong validator names one representation).
    /// </summary>
    public ApiResponse Encoded(string coding) => _encodings.GetOrAdd(coding, c =>
        new ApiResponse(this)
        {
            Body = ContentCoding.Compress(Body, c),
            ETag = ETag is null ? null : $"{ETag.TrimEnd('"')}-{c}\"",
            Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { ["Content-Encoding"] = c },
        });
}

/// <summary>RFC 9457 body, with the pipeline's stable error code and, for a near miss, what was probably meant.</summary>
public sealed record ProblemDetails(string Type, string Title, int Status, string Detail, string Code, IReadOnlyList<ApiSuggestion>? Suggestions = null);

/// <summary>"Did you mean": a value the route accepts (a unit code, a year) and what it names.</summary>
public sealed record ApiSuggestion(string Value, string Label);
