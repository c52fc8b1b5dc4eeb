using System.Globalization;

namespace ParPipeline.Reports;

/// <summary>Numbers and lists the way an English report writes them.</summary>
public static class EnglishText
{
    /// <summary>1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 101st 111th.</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    public static string Points(double value) =>
        $"{Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture)} {(Math.Abs(value) == 1 ? "point" : "points")}";

    public static string Places(int count) => $"{Math.Abs(count)} {(Math.Abs(count) == 1 ? "place" : "places")}";

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };
}
