using System.Globalization;
using System.Text;

namespace ParPipeline.Ingest;

/// <summary>What <see cref="CellText"/> changed in a cell; flags, since one cell can need several.</summary>
[Flags]
public enum CellRepair
{
    None = 0,

    /// <summary>An OOXML <c>_xHHHH_</c> escape decoded (ECMA-376 Part 1, §22.9.2.19 ST_Xstring).</summary>
    Escape = 1,

    /// <summary>Leading or trailing white space (any Unicode kind, zero-width included) removed.</summary>
    Whitespace = 2,

    /// <summary>Text put in Unicode normal form C (decomposed or combining-mark input composed).</summary>
    Normalisation = 4,
}

/// <summary>Which OOXML <c>_xHHHH_</c> escapes are still in a text when it reaches the pipeline.</summary>
public enum EscapeMode
{
    /// <summary>None: a csv or an xls, where the text <c>_x000D_</c> is what was typed.</summary>
    None,

    /// <summary>
    /// An xlsx cell value: ExcelDataReader 3.6 decodes escapes written with upper-case hex (<c>_x000D_</c>, as Excel
    /// writes them) and <c>_x005F_</c>, but leaves those with lower-case hex (<c>_x000d_</c>, as other writers do).
    /// Only those are left to decode: an upper-case one still there is the literal text a <c>_x005F_</c> protected.
    /// </summary>
    LeftByReader,

    /// <summary>Every escape: an xlsx sheet name, which ExcelDataReader passes on as the XML has it.</summary>
    All,
}

/// <summary>
/// Cell text as a person reading the sheet sees it: OOXML escapes decoded (xlsx only), invisible white space at
/// either end trimmed, and NFC, so that names typed decomposed or converted from TCVN3/VNI match. Pure;
/// <see cref="CellCleaner"/> counts the repairs.
/// </summary>
public static class CellText
{
    /// <summary>The text and what was repaired; the same instance back when nothing needed repair.</summary>
    public static (string Text, CellRepair Repairs) Clean(string text, EscapeMode escapes)
    {
        var repairs = CellRepair.None;
        if (escapes != EscapeMode.None && text.Contains("_x", StringComparison.Ordinal))
        {
            var decoded = DecodeEscapes(text, lowerCaseOnly: escapes == EscapeMode.LeftByReader);
            if (!ReferenceEquals(decoded, text))
            {
                (text, repairs) = (decoded, CellRepair.Escape);
            }
        }
        var trimmed = Trim(text);
        if (trimmed.Length != text.Length)
        {
            (text, repairs) = (trimmed, repairs | CellRepair.Whitespace);
        }
        // ASCII is always in NFC; only other text pays for the check.
        if (!System.Text.Ascii.IsValid(text) && !text.IsNormalized(NormalizationForm.FormC))
        {
            (text, repairs) = (text.Normalize(NormalizationForm.FormC), repairs | CellRepair.Normalisation);
        }
        return (text, repairs);
    }

    /// <summary>True when <see cref="Clean"/> would return the text unchanged, decided without allocating.</summary>
    public static bool IsClean(string text, EscapeMode escapes)
    {
        if (text.Length == 0)
        {
            return true;
        }
        // Printable ASCII at both ends (nearly every cell) is decided without a look-up.
        var (first, last) = (text[0], text[^1]);
        if ((first is <= ' ' or > '~' && IsTrimmable(first)) || (last is <= ' ' or > '~' && IsTrimmable(last)))
        {
            return false;
        }
        if (System.Text.Ascii.IsValid(text))
        {
            return escapes == EscapeMode.None || !text.Contains("_x", StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>Decodes every <c>_xHHHH_</c> left to right, once: <c>_x005F_x000D_</c> is the literal text <c>_x000D_</c>,
    /// as Excel means it. With <paramref name="lowerCaseOnly"/>, only escapes with a lower-case hex digit.</summary>
    public static string DecodeEscapes(string text, bool lowerCaseOnly = false)
    {
        var start = text.IndexOf("_x", StringComparison.Ordinal);
        StringBuilder? builder = null;
        var copied = 0;
        for (var i = start; i >= 0 && i + 7 <= text.Length; i = text.IndexOf("_x", i, StringComparison.Ordinal))
        {
            var hex = text.AsSpan(i + 2, 4);
            if (text[i + 6] == '_' && ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                && (!lowerCaseOnly || hex.IndexOfAnyInRange('a', 'f') >= 0))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, i - copied).Append((char)code);
                i += 7;
                copied = i;
            }
            else
            {
                i += 1;
            }
        }
        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>White space of every Unicode kind, the zero-width ones and the byte-order mark included.</summary>
    public static bool IsTrimmable(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static string Trim(string text)
    {
        var (from, to) = (0, text.Length);
        while (from < to && IsTrimmable(text[from]))
        {
            from++;
        }
        while (to > from && IsTrimmable(text[to - 1]))
        {
            to--;
        }
        return from == 0 && to == text.Length ? text : text[from..to];
    }
}
