using System.Globalization;

namespace ParPipeline.Ingest;

/// <summary>
/// Reads a score as ministry files hold it: a number, or text with a comma or a dot for decimals, thousands
/// separators, a percent sign or spaces. A number shown with a percent format (0.8868 as 88.68%) is read as
/// the percent the reader sees.
/// </summary>
public static class NumberReader
{
    public static bool TryRead(object? value, string? numberFormat, out double number)
    {
        switch (value)
        {
            case double d:
                number = numberFormat is not null && numberFormat.Contains('%') && !numberFormat.Contains('"') ? d * 100 : d;
                number = Math.Round(number, 10);
                return double.IsFinite(number);
            case int or long or decimal or float or short:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            case string s:
                return TryParse(s, out number);
            default:
                number = 0;
                return false;
        }
    }

    public static bool TryParse(string text, out double number)
    {
        // Most cells are plain ("88.68", "2023"): what the general path below would read the same way.
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            return double.IsFinite(number);
        }
        number = 0;
        var t = text.Trim().Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        if (t.EndsWith('%'))
        {
            t = t[..^1];
        }
        if (t.Length == 0)
        {
            return false;
        }
        var commas = t.Count(c => c == ',');
        var dots = t.Count(c => c == '.');
        if (commas > 0 && dots > 0)
        {
            // Both: the last one is the decimal separator, the other groups thousands ("1.234,56" or "1,234.56").
            var decimalSeparator = t.LastIndexOf(',') > t.LastIndexOf('.') ? ',' : '.';
            var thousands = decimalSeparator == ',' ? '.' : ',';
            if (t.Count(c => c == decimalSeparator) > 1)
            {
                return false;
            }
            t = t.Replace(thousands.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (commas == 1)
        {
            t = t.Replace(',', '.');
        }
        else if (commas > 1)
        {
            t = t.Replace(",", "", StringComparison.Ordinal);
        }
        else if (dots > 1)
        {
            t = t.Replace(".", "", StringComparison.Ordinal);
        }
        return double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }
}
