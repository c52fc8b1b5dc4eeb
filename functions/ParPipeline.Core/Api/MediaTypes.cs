namespace ParPipeline.Api;

/// <summary>Content negotiation by <c>Accept</c> (RFC 9110 §12.5.1) between the JSON and CSV of a route that has both.</summary>
public static class MediaTypes
{
    /// <summary>True when the client weighs text/csv above JSON; JSON on a tie or when it names neither.</summary>
    public static bool PrefersCsv(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return false;
        }
        double csv = 0, json = 0;
        foreach (var (token, q) in QualityValues.Parse(accept))
        {
            switch (token)
            {
                case "text/csv": csv = Math.Max(csv, q); break;
                case "application/json" or "application/problem+json" or "application/*" or "*/*": json = Math.Max(json, q); break;
            }
        }
        return csv > json;
    }
}
