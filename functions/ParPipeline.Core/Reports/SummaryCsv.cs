using System.Globalization;
using System.Text;

namespace ParPipeline.Reports;

/// <summary>
/// Writes the table as CSV: UTF-8 with a byte-order mark (so Excel shows Vietnamese names), RFC 4180 quoting,
/// and any text cell starting with = + - @ (or a tab or carriage return) prefixed with ' so a spreadsheet does
/// not run it as a formula (OWASP CSV injection). Numbers are written invariantly and never prefixed.
/// <see cref="RenderVietnamese"/> is the variant Excel opens as columns in a Vietnamese locale, whose list
/// separator is ';' and decimal separator ','.
/// </summary>
public static class SummaryCsv
{
    public static byte[] Render(IReadOnlyList<string> header, IReadOnlyList<object?[]> rows) => Render(header, rows, ',', Cell);

    public static byte[] RenderVietnamese(IReadOnlyList<string> header, IReadOnlyList<object?[]> rows) => Render(header, rows, ';', VietnameseCell);

    private static byte[] Render(IReadOnlyList<string> header, IReadOnlyList<object?[]> rows, char separator, Func<object?, string> cell)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(separator, header.Select(cell)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(separator, row.Select(cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Cell(object? value) => Cell(value, ',', '.');

    /// <summary>As <see cref="Cell"/>, with a decimal comma and quoting for ';'.</summary>
    public static string VietnameseCell(object? value) => Cell(value, ';', ',');

    private static string Cell(object? value, char separator, char decimalPoint) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', decimalPoint),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""), separator),
    };

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text, char separator) =>
        text.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
