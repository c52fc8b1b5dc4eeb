using ExcelDataReader;

namespace ParPipeline.Ingest;

/// <summary>A row as the header search read it: its values as the file holds them, its height and the number
/// formats of its numeric cells.</summary>
public sealed record ScannedRow(object?[] Values, double Height, IReadOnlyDictionary<int, string>? Formats);

/// <summary>
/// The rows of one sheet for the table reader: first those the header search kept, then the reader's own from where
/// the search stopped, so a sheet is not read again from its start (a reset makes ExcelDataReader pass over the
/// whole sheet once more before its first row: for a 63-row workbook, as long as the read itself).
/// </summary>
public sealed class SheetRows(IExcelDataReader reader, IReadOnlyList<ScannedRow>? kept)
{
    private int _next;
    private ScannedRow? _current;

    public bool Read()
    {
        if (kept is not null && _next < kept.Count)
        {
            _current = kept[_next++];
            return true;
        }
        _current = null;
        return reader.Read();
    }

    public int FieldCount => _current?.Values.Length ?? reader.FieldCount;

    public object? GetValue(int column) => _current is { } row ? (column < row.Values.Length ? row.Values[column] : null) : reader.GetValue(column);

    public double RowHeight => _current?.Height ?? reader.RowHeight;

    public string? NumberFormat(int column) => _current is { } row ? row.Formats?.GetValueOrDefault(column) : FormatOf(reader, column);

    /// <summary>The format of the reader's current cell; null where the reader cannot tell (a csv).</summary>
    public static string? FormatOf(IExcelDataReader reader, int column)
    {
        try
        {
            return reader.GetNumberFormatString(column);
        }
        catch (Exception e) when (e is NotSupportedException or IndexOutOfRangeException or ArgumentException or NullReferenceException)
        {
            return null;
        }
    }
}
