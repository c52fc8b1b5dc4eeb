using System.Globalization;
using System.Text;

namespace ParPipeline.Reports;

/// <summary>
/// Writes the table as CSV: UTF-8 with a byte-order mark (so Excel shows Vietnamese names), RFC 4180 quoting,
/// and any text cell starting with = + - @ (or a tab or carriage return) prefixed with ' so a spreadsheet does
/// not run it as a formula (OWASP CSV injection). Numbers are written invariantly and never prefixed.
/// </summary>
public static class SummaryCsv
{
    public static byte[] Render(IReadOnlyList<string> header, IReadOnlyList<object?[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
