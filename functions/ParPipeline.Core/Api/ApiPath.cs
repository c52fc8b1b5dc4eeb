namespace ParPipeline.Api;

/// <summary>
/// Paths no route owns, answered alike in both hosts: an empty segment (<c>/api/units/</c>, <c>/api/units//history</c>),
/// a dot segment (<c>/api/units/%2e</c>, which URL normalisation would turn into the unit list) or a control
/// character (<c>%00</c>) is a 404 with a problem body, never another route's answer.
/// </summary>
public static class ApiPath
{
    /// <summary>A 404 for <paramref name="rawPath"/> (as sent, percent-encoded) when no route owns it; null when it is well formed.</summary>
    public static ApiResponse? Check(string? rawPath)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return null;
        }
        var path = rawPath.Split('?', 2)[0];
        foreach (var segment in path.TrimStart('/').Split('/'))
        {
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(segment);
            }
            catch (UriFormatException)
            {
                return NotFound(path);
            }
            if (segment.Length == 0 || decoded is "." or ".." || decoded.Any(char.IsControl))
            {
                return NotFound(path);
            }
        }
        return null;
    }

    public static ApiResponse NotFound(string path) =>
        ApiResponse.Problem(404, "NOT_FOUND", "No such route",
            $"'{ApiParameters.Clip(path)}' is not a route of this API; GET /api/openapi.json lists them: " +
            string.Join(", ", ApiRoutes.All.Select(r => $"{r.Method} /api/{r.Template}")) + ".");
}
