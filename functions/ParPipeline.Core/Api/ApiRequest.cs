namespace ParPipeline.Api;

/// <summary>
/// What the query handlers need of an HTTP request, without HTTP types: the query string (a repeated parameter
/// joined by commas), the client's validator and the key it presented (header <c>x-functions-key</c> or
/// <c>?code=</c>, as the Functions host accepts them).
/// </summary>
public sealed record ApiRequest(IReadOnlyDictionary<string, string> Query, string? IfNoneMatch = null, string? Key = null)
{
    public static ApiRequest Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The function key in a query string, which Azure accepts on every route.</summary>
    public const string KeyParameter = "code";

    public string? Get(string name) =>
        Query.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value.Trim() : null;
}
