using System.Text;
using System.Text.Json;

namespace ParPipeline.Ranking;

/// <summary>The message on <c>rankings-recompute</c>: <c>{"index":"PAR","year":2023}</c>.</summary>
public sealed record RecomputeRequest(string Index, int Year)
{
    public static RecomputeRequest Parse(string message) =>
        TryDecode(message) ?? throw new FormatException($"'{DisplayText.Clip(message, 60)}' is not a recompute request like {{\"index\":\"PAR\",\"year\":2023}} (as JSON, or JSON in base64).");

    /// <summary>
    /// The request a message holds, as JSON or as JSON in base64 (what the app's queue client sends); null for
    /// anything else. The hosts hand messages over undecoded (host.json messageEncoding "none"), so a message
    /// someone typed by hand reaches the function and is recorded, instead of being lost in the host's decoder.
    /// </summary>
    public static RecomputeRequest? TryDecode(string message)
    {
        var text = message.Trim();
        if (!text.StartsWith('{'))
        {
            var bytes = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, bytes, out var length))
            {
                return null;
            }
            text = Encoding.UTF8.GetString(bytes, 0, length).Trim();
        }
        try
        {
            return JsonSerializer.Deserialize<RecomputeRequest>(text, PipelineJson.Options) is { Index.Length: > 0, Year: > 0 } request ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
