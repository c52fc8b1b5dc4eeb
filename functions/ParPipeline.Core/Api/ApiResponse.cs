using System.Text.Json;

namespace ParPipeline.Api;

/// <summary>
/// A finished HTTP answer as bytes: both hosts write it as it is, so the Azure app and the local host cannot
/// drift apart in status, content type or body.
/// </summary>
public sealed record ApiResponse(int Status, string ContentType, byte[] Body)
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";

    public static ApiResponse Ok<T>(T body) => new(200, Json, JsonSerializer.SerializeToUtf8Bytes(body, PipelineJson.Options));

    /// <summary>RFC 7807 problem details with a stable <paramref name="code"/> a client can match on.</summary>
    public static ApiResponse Problem(int status, string code, string title, string detail) =>
        new(status, ProblemJson, JsonSerializer.SerializeToUtf8Bytes(
            new ProblemDetails($"https://parpipeline.dev/problems/{code.ToLowerInvariant().Replace('_', '-')}", title, status, detail, code),
            PipelineJson.Options));
}

/// <summary>RFC 7807 body, with the pipeline's stable error code as an extension member.</summary>
public sealed record ProblemDetails(string Type, string Title, int Status, string Detail, string Code);
