using System.Globalization;
using System.Text;

namespace ParPipeline.Ingest;

/// <summary>Folds a header cell for matching: case, diacritics (đ too), punctuation and spaces do not count.</summary>
public static partial class HeaderText
{
    // A synonym this long may match the start of a header ("Chỉ số CCHC năm 2023", "PAR INDEX 2023 (%)").
    private const int PrefixMatchLength = 8;

    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var folded = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
            else if (c == '%')
            {
                builder.Append('%');
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// How well a folded header matches a list of synonyms, themselves folded with <see cref="Key"/>: 0 for no match; an exact match outranks any prefix
    /// match, a longer synonym outranks a shorter one (so "Chỉ số hài lòng về ... chính sách" is the policy
    /// sub-index, not the overall "Chỉ số hài lòng").
    /// </summary>
    public static int Score(string headerKey, IReadOnlyList<string> synonymKeys)
    {
        if (headerKey.Length == 0)
        {
            return 0;
        }
        // "SIPAS 2022 (%)", "Chỉ số CCHC năm 2023": the year and the unit sign do not name the column.
        // Most headers hold no digit and no '%': nothing to take out, and no regex to run.
        var bare = headerKey.AsSpan().IndexOfAny(YearOrUnitMarks) < 0 ? headerKey : YearOrUnit().Replace(headerKey, "");
        var best = 0;
        foreach (var key in synonymKeys)
        {
            if (key.Length == 0)
            {
                continue;
            }
            if (headerKey == key || (bare.Length > 0 && bare == key))
            {
                best = Math.Max(best, 10_000 + key.Length);
            }
            else if (key.Length >= PrefixMatchLength && headerKey.StartsWith(key, StringComparison.Ordinal))
            {
                best = Math.Max(best, key.Length);
            }
        }
        return best;
    }

    private static readonly System.Buffers.SearchValues<char> YearOrUnitMarks = System.Buffers.SearchValues.Create("0123456789%");

    [System.Text.RegularExpressions.GeneratedRegex("(?:nam|year)?(?:19|20)[0-9]{2}|%")]
    private static partial System.Text.RegularExpressions.Regex YearOrUnit();

    public static bool Matches(string headerKey, IReadOnlyList<string> synonymKeys) => Score(headerKey, synonymKeys) > 0;
}
