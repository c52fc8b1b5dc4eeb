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
        // One pass through a table made once (lower case, diacritics and đ folded away, what is neither letter,
        // digit nor '%' dropped): a sheet's first rows are folded cell by cell, and Normalize per cell cost as much
        // as reading them.
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length * 3] : new char[text.Length * 3];
        var n = 0;
        foreach (var c in text)
        {
            if (c < Fold.Length)
            {
                var folded = Fold[c];
                if (folded != '\0')
                {
                    buffer[n++] = folded;
                }
            }
            else
            {
                n = Slow(c, buffer, n);
            }
        }
        return new string(buffer[..n]);
    }

    /// <summary>What each character up to U+2FFF folds to, '\0' for nothing (Vietnamese, Latin and combining marks
    /// all lie below it); immutable once built.</summary>
    private static readonly char[] Fold = BuildFold();

    private static char[] BuildFold()
    {
        var table = new char[0x3000];
        Span<char> scratch = stackalloc char[8];
        for (var i = 0; i < table.Length; i++)
        {
            var n = Slow((char)i, scratch, 0);
            // A character folds to at most one kept character (a letter with its marks dropped).
            table[i] = n == 1 ? scratch[0] : '\0';
        }
        return table;
    }

    /// <summary>The general fold of one character, appended to <paramref name="into"/> at <paramref name="at"/>.</summary>
    private static int Slow(char c, Span<char> into, int at)
    {
        if (char.IsSurrogate(c))
        {
            return at;
        }
        var lower = char.ToLowerInvariant(c) == 'đ' ? "d" : char.ToLowerInvariant(c).ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in lower)
        {
            if (char.IsLetterOrDigit(d) && CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                into[at++] = d;
            }
            else if (d == '%')
            {
                into[at++] = '%';
            }
        }
        return at;
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
        // Indexed, not foreach: the header search calls this for every cell and field, and an interface's enumerator is
        // an allocation each time.
        for (var i = 0; i < synonymKeys.Count; i++)
        {
            var key = synonymKeys[i];
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
