using System.Globalization;

namespace ParPipeline.Ingest;

/// <summary>What a score cell turned out to hold.</summary>
public enum NumberKind
{
    Number,
    NotANumber,

    /// <summary>Text that reads as two different numbers within the range (<c>1,234</c> where 1234 is a score too).</summary>
    Ambiguous,

    /// <summary>An Excel error value (<c>#N/A</c>, <c>#DIV/0!</c>, ...) or LibreOffice's <c>Err:502</c>.</summary>
    ExcelError,

    /// <summary>A date: Excel turned what was typed into one; <see cref="NumberReading.Hint"/> says what it probably was.</summary>
    Date,
}

/// <param name="Hint">For a date, the number it probably was; for an ambiguous text, its two readings.</param>
public readonly record struct NumberReading(NumberKind Kind, double Value, string? Hint = null)
{
    public bool IsNumber => Kind == NumberKind.Number;
}

/// <summary>
/// Reads a score as ministry files hold it: a number, or text with a comma or a dot for decimals, Vietnamese or
/// English thousands separators in groups of three, a trailing unit (<c>88,68 điểm</c>, <c>88.68%</c>) or spaces.
/// A number shown with a percent format (0.8868 as 88.68%) is read as the percent the reader sees. What could be
/// read two ways within the range is ambiguous, never guessed.
/// </summary>
public static class NumberReader
{
    private static readonly string[] ExcelErrors = ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"];

    // What people write after a score; compared after folding case.
    private static readonly string[] Units = ["%", "điểm", "diem", "đ", "points", "point", "pts", "pt"];

    public static bool TryRead(object? value, string? numberFormat, out double number)
    {
        var reading = Read(value, numberFormat, double.MaxValue);
        number = reading.Value;
        return reading.IsNumber;
    }

    /// <param name="maximum">The most the cell may hold: a text that reads as two numbers is ambiguous only when both fit.</param>
    public static NumberReading Read(object? value, string? numberFormat, double maximum)
    {
        switch (value)
        {
            case double d:
                var shown = IsPercentFormat(numberFormat) ? d * 100 : d;
                shown = Math.Round(shown, 10);
                return double.IsFinite(shown) ? new(NumberKind.Number, shown) : new(NumberKind.NotANumber, 0);
            case int or long or decimal or float or short or byte:
                return new(NumberKind.Number, Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case DateTime date:
                return new(NumberKind.Date, 0, ProbablyTyped(date));
            case string s:
                return ReadText(s, maximum);
            default:
                return new(NumberKind.NotANumber, 0);
        }
    }

    public static bool TryParse(string text, out double number)
    {
        var reading = ReadText(text, double.MaxValue);
        number = reading.Value;
        return reading.IsNumber;
    }

    public static bool IsExcelError(string text) =>
        ExcelErrors.Contains(text, StringComparer.OrdinalIgnoreCase) || (text.StartsWith("Err:", StringComparison.Ordinal) && text.Length <= 8);

    /// <summary>"1.234", "+12.345": one dot after one to three digits (the first not 0), then exactly three.</summary>
    private static bool MayGroupThousands(string text)
    {
        var t = text.AsSpan().TrimStart("+-");
        var dot = t.IndexOf('.');
        return dot is >= 1 and <= 3 && t[0] != '0' && t.Length - dot - 1 == 3;
    }

    private static bool IsPercentFormat(string? format) => format is not null && format.Contains('%') && !format.Contains('"');

    /// <summary>What a date in a score column was probably typed as: a serial number before 1910 (88.68 shown as a date
    /// in 1900), else day and month as typed with a dot ("8.12" read as 8 December).</summary>
    private static string ProbablyTyped(DateTime date) => date.Year < 1910
        ? Math.Round(date.ToOADate(), 6).ToString(CultureInfo.InvariantCulture)
        : $"{date.Day}.{date.Month}";

    private static NumberReading ReadText(string text, double maximum)
    {
        // Most cells are plain ("88.68", "2023"): what the general path below would read the same way, unless a
        // thousands reading ("1.234" as 1234) is a score too.
        if (DecimalText.TryParsePlain(text, out var fast) && (maximum < 1000 || !MayGroupThousands(text)))
        {
            return new(NumberKind.Number, fast);
        }
        var t = text.Trim();
        if (IsExcelError(t))
        {
            return new(NumberKind.ExcelError, 0);
        }
        t = WithoutUnit(t);
        if (t.Length == 0)
        {
            return new(NumberKind.NotANumber, 0);
        }
        var sign = 1.0;
        if (t[0] is '+' or '-')
        {
            sign = t[0] == '-' ? -1 : 1;
            t = t[1..];
        }
        // Spaces, no-break spaces and apostrophes only ever group thousands ("1 234,5", "1'234.5").
        foreach (var c in t)
        {
            if (!char.IsAsciiDigit(c) && c is not ('.' or ',' or ' ' or '\u00A0' or '\u202F' or '\''))
            {
                return new(NumberKind.NotANumber, 0);
            }
        }
        var readings = new List<double>(2);
        foreach (var decimalSeparator in new[] { ',', '.' })
        {
            if (Reading(t, decimalSeparator) is { } r)
            {
                readings.Add(sign * r);
            }
        }
        var distinct = readings.Distinct().ToList();
        var fitting = distinct.Where(r => r >= 0 && r <= maximum).ToList();
        return (distinct.Count, fitting.Count) switch
        {
            (0, _) => new(NumberKind.NotANumber, 0),
            (1, _) => new(NumberKind.Number, distinct[0]),
            (_, 1) => new(NumberKind.Number, fitting[0]),
            (_, 0) => new(NumberKind.Number, distinct[0]),
            _ => new(NumberKind.Ambiguous, 0, string.Join(" / ", distinct.Select(r => r.ToString(CultureInfo.InvariantCulture)))),
        };
    }

    /// <summary>The number the text makes with the given decimal separator, the other mark (and spaces) grouping
    /// thousands in threes; null when it does not read that way.</summary>
    private static double? Reading(string t, char decimalSeparator)
    {
        var point = t.IndexOf(decimalSeparator);
        if (point >= 0 && t.IndexOf(decimalSeparator, point + 1) >= 0)
        {
            return null;
        }
        var whole = point >= 0 ? t[..point] : t;
        var fraction = point >= 0 ? t[(point + 1)..] : "";
        if (!fraction.All(char.IsAsciiDigit) || (point >= 0 && fraction.Length == 0))
        {
            return null;
        }
        var groups = whole.Split('.', ',', ' ', '\u00A0', '\u202F', '\'');
        if (groups.Length > 1)
        {
            // Grouped: 1 to 3 digits first, then groups of exactly three.
            if (groups[0].Length is 0 or > 3 || groups[0] == "0" || groups.Skip(1).Any(g => g.Length != 3))
            {
                return null;
            }
        }
        else if (whole.Length == 0 && fraction.Length == 0)
        {
            return null;
        }
        var digits = string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : "");
        return double.TryParse(digits.Length > 0 && digits[0] == '.' ? "0" + digits : digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
            ? n
            : null;
    }

    private static string WithoutUnit(string t)
    {
        // An abbreviated unit ends with a dot ("88,68 đ.", "88,68 điểm."): a dot after a letter is the unit's.
        if (t.Length > 2 && t[^1] == '.' && char.IsLetter(t[^2]))
        {
            t = t[..^1];
        }
        foreach (var unit in Units)
        {
            if (t.Length > unit.Length && t.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return t[..^unit.Length].TrimEnd().TrimEnd('.');
            }
        }
        return t;
    }
}
