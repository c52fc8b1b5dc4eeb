using ExcelDataReader;

namespace ParPipeline.Ingest;

/// <summary>Opens a streaming ExcelDataReader for a file by its extension (xlsx, xls, csv).</summary>
internal static class SpreadsheetOpener
{
    public static IExcelDataReader Open(Stream content, string extension)
    {
        CodePages.EnsureRegistered();
        return extension switch
        {
        ".xlsx" or ".xlsm" => ExcelReaderFactory.CreateOpenXmlReader(content),
        ".xls" => ExcelReaderFactory.CreateBinaryReader(content),
        ".csv" => ExcelReaderFactory.CreateCsvReader(content, new ExcelReaderConfiguration
        {
            FallbackEncoding = System.Text.Encoding.UTF8,
            AutodetectSeparators = [',', ';', '\t'],
        }),
            _ => throw new NotSupportedException($"'{extension}' is not a spreadsheet format the pipeline reads (xlsx, xls, csv)."),
        };
    }
}
