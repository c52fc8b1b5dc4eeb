using System.Globalization;
using System.Text.RegularExpressions;
using ParPipeline.Indices;

namespace ParPipeline.Ingest;

/// <summary>Which index and year a sheet's title rows (and its name) speak of: "PAR INDEX 2023", "Chỉ số CCHC năm 2023".</summary>
public static partial class SheetTitle
{
    public static IReadOnlyList<IndexDefinition> Indices(string title, IndexCatalog catalog)
    {
        var key = HeaderText.Key(title);
        return [.. catalog.All
            .Where(d => d.TitleKeys.All(group => group.Any(phrase => key.Contains(phrase, StringComparison.Ordinal))))
            .Where(d => !d.TitleExcludeKeys.Any(phrase => key.Contains(phrase, StringComparison.Ordinal)))
            .OrderBy(d => d.Code, StringComparer.Ordinal)];
    }

    /// <summary>The year the title is about; null when it names none or several without saying which.</summary>
    public static int? Year(string title)
    {
        var marked = MarkedYear().Matches(title).Select(m => int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (marked.Count == 1)
        {
            return marked[0];
        }
        var all = AnyYear().Matches(title).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        return all.Count == 1 ? all[0] : null;
    }

    [GeneratedRegex(@"(?i)(?:năm|nam|year|index|sipas|cchc)\s*[:\-]?\s*(?<year>20\d{2})(?!\d)")]
    private static partial Regex MarkedYear();

    [GeneratedRegex(@"(?<![\d/.\-])20\d{2}(?![\d/.\-]\d)")]
    private static partial Regex AnyYear();
}
