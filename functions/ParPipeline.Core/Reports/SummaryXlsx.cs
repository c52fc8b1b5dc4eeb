using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ParPipeline.Reports;

/// <summary>
/// Writes the table as an xlsx for ministry staff with MiniExcel (streaming; ClosedXML 0.95.4 breaks beside
/// DocumentFormat.OpenXml 3.x and took 1.5 GB for 100k rows here): the header row frozen, each column as wide
/// as its longest text (so "Quảng Ninh" is not cut to "Quảng Nin"), scores formatted with two decimals and ranks
/// as whole numbers. Text cells are neutralised as in the CSV.
/// </summary>
public static class SummaryXlsx
{
    public static async Task<byte[]> RenderAsync(IReadOnlyList<string> header, IReadOnlyList<object?[]> rows, string sheetName, CancellationToken ct)
    {
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(header.Count);
            for (var i = 0; i < header.Count; i++)
            {
                record[header[i]] = row[i] is string s ? SummaryCsv.Neutralise(s) : row[i];
            }
            return record;
        }).ToList();
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            EnableAutoWidth = false,
            DynamicColumns = [.. header.Select((name, i) => new DynamicExcelColumn(name)
            {
                Width = ColumnWidth(name, rows.Select(r => r[i])),
                Format = rows.Any(r => r[i] is double) ? "0.00" : rows.Any(r => r[i] is int or long) ? "0" : null,
            })],
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(records, printHeader: true, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>Characters of the widest cell (header included) plus a margin, within Excel's sensible range.</summary>
    public static double ColumnWidth(string header, IEnumerable<object?> cells)
    {
        var widest = cells.Select(c => c switch { null => 0, double d => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Length, _ => Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture)?.Length ?? 0 })
            .Append(header.Length).Max();
        return Math.Clamp(widest + 2, 6, 60);
    }
}
