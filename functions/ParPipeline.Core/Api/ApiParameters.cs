using System.Globalization;

namespace ParPipeline.Api;

/// <summary>Bounds every request: few parameters, short values, only the ones a route knows.</summary>
internal static class ApiParameters
{
    public const int MaxParameters = 16;
    public const int MaxValueLength = 256;

    public static ApiResponse? Check(ApiRequest request, IReadOnlyCollection<string> allowed)
    {
        if (request.Query.Count > MaxParameters)
        {
            return Bad("TOO_MANY_PARAMETERS", $"A request takes at most {MaxParameters} query parameters; this one has {request.Query.Count}.");
        }
        foreach (var (name, value) in request.Query)
        {
            if (name.Length > MaxValueLength || value.Length > MaxValueLength)
            {
                return Bad("PARAMETER_TOO_LONG", $"Query parameter '{Clip(name)}' is longer than {MaxValueLength} characters.");
            }
            if (!name.Equals(ApiRequest.KeyParameter, StringComparison.OrdinalIgnoreCase) && !allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return Bad("UNKNOWN_PARAMETER", allowed.Count == 0
                    ? $"This route takes no query parameter ('{Clip(name)}' given)."
                    : $"Unknown query parameter '{Clip(name)}'; this route takes {string.Join(", ", allowed)}.");
            }
        }
        return null;
    }

    /// <summary>An optional whole number within bounds; null value when absent.</summary>
    public static (int? Value, ApiResponse? Problem) Int(ApiRequest request, string name, int min, int max)
    {
        if (request.Get(name) is not { } text)
        {
            return (null, null);
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? (value, null)
            : (null, Bad("BAD_PARAMETER", $"'{name}' must be a whole number from {min} to {max}; '{Clip(text)}' is not."));
    }

    public static (string? Value, ApiResponse? Problem) OneOf(ApiRequest request, string name, IReadOnlyList<string> values)
    {
        if (request.Get(name) is not { } text)
        {
            return (null, null);
        }
        return values.FirstOrDefault(v => v.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } match
            ? (match, null)
            : (null, Bad("BAD_PARAMETER", $"'{name}' takes {string.Join(", ", values)}; '{Clip(text)}' is not one of them."));
    }

    public static ApiResponse Bad(string code, string detail) => ApiResponse.Problem(400, code, "Bad request", detail);

    /// <summary>Echoes at most 40 characters of what the client sent, never control characters.</summary>
    public static string Clip(string text) => DisplayText.Clip(text, 40);
}
