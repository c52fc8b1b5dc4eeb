using System.Globalization;

namespace ParPipeline.Api;

/// <summary>
/// The items of an Accept or Accept-Encoding header with their weights (RFC 9110 §12.4.2): <c>gzip;q=0.5</c> is
/// ("gzip", 0.5); no <c>q</c> is 1; a weight that is not a number counts as 0, so a malformed item is never preferred.
/// </summary>
public static class QualityValues
{
    public static IEnumerable<(string Token, double Q)> Parse(string? header)
    {
        foreach (var item in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(';', StringSplitOptions.TrimEntries);
            var q = 1.0;
            foreach (var parameter in parts.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase) &&
                    !double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out q))
                {
                    q = 0;
                }
            }
            yield return (parts[0].ToLowerInvariant(), q);
        }
    }
}
