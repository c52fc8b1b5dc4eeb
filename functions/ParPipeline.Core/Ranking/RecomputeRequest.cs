using System.Text.Json;

namespace ParPipeline.Ranking;

/// <summary>The message on <c>rankings-recompute</c>: <c>{"index":"PAR","year":2023}</c>.</summary>
public sealed record RecomputeRequest(string Index, int Year)
{
    public static RecomputeRequest Parse(string message) =>
        JsonSerializer.Deserialize<RecomputeRequest>(message, PipelineJson.Options) is { Index.Length: > 0 } request
            ? request
            : throw new FormatException($"'{message}' is not a recompute request like {{\"index\":\"PAR\",\"year\":2023}}.");
}
