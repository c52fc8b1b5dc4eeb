using MiniExcelLibs;

namespace ParPipeline.Reports;

/// <summary>
/// Writes the table as an xlsx for ministry staff with MiniExcel (streaming; ClosedXML 0.95.4 breaks beside
/// DocumentFormat.OpenXml 3.x and took 1.5 GB for 100k rows here). Text cells are neutralised as in the CSV.
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
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(records, printHeader: true, sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }
}
