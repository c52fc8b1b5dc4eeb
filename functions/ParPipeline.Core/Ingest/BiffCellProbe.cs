using System.Buffers.Binary;

namespace ParPipeline.Ingest;

/// <summary>
/// The xls half of <see cref="OoxmlCellProbe"/>: ExcelDataReader 3.6 shows an xls cell holding an error value as
/// empty, whether it is a formula whose cached result is an error (=1/0 saved as #DIV/0!) or an error typed as a
/// value. When a score is missing from an xls, this reads the sheet's BIFF8 records ([MS-XLS] 2.4.127 Formula,
/// 2.4.24 BoolErr) for those cells only, so the sender is told "#DIV/0!" instead of "empty". Read only on the way
/// to a rejection.
/// </summary>
public static class BiffCellProbe
{
    private const ushort Bof = 0x0809;
    private const ushort Eof = 0x000A;
    private const ushort BoundSheet = 0x0085;
    private const ushort Formula = 0x0006;
    private const ushort BoolErr = 0x0205;

    /// <summary>The error cells among <paramref name="addresses"/> (A1 style) of the worksheet at
    /// <paramref name="sheetIndex"/> (counting worksheets only, as ExcelDataReader does), with Excel's text for each.</summary>
    public static IReadOnlyDictionary<string, (ProbedCell Kind, string? Text)> Probe(byte[] content, int sheetIndex, IReadOnlySet<string> addresses)
    {
        var found = new Dictionary<string, (ProbedCell, string?)>(StringComparer.Ordinal);
        var workbook = CompoundFile.ReadStream(content, "Workbook");
        if (workbook is null || SheetOffset(workbook, sheetIndex) is not { } start)
        {
            return found;
        }
        var depth = 0;
        foreach (var (id, data) in Records(workbook, start))
        {
            // A chart embedded in the sheet is a substream of its own, inside the sheet's BOF ... EOF.
            if (id == Bof)
            {
                depth++;
            }
            else if (id == Eof && --depth <= 0)
            {
                break;
            }
            else if (depth == 1 && (id == Formula || id == BoolErr) && data.Length >= 8 && Error(id, data) is { } error)
            {
                var address = ScoreColumns.Letter(BinaryPrimitives.ReadUInt16LittleEndian(data[2..])) + (BinaryPrimitives.ReadUInt16LittleEndian(data) + 1);
                if (addresses.Contains(address))
                {
                    found[address] = (ProbedCell.Error, error);
                }
            }
        }
        return found;
    }

    /// <summary>Where the worksheet's substream starts in the workbook stream (a BoundSheet8 record per sheet, in the
    /// globals; chart and macro sheets are not counted).</summary>
    private static int? SheetOffset(byte[] workbook, int sheetIndex)
    {
        var worksheets = 0;
        foreach (var (id, data) in Records(workbook, 0))
        {
            if (id == Eof)
            {
                break;
            }
            if (id == BoundSheet && data.Length >= 6 && data[5] == 0 && worksheets++ == sheetIndex)
            {
                var offset = BinaryPrimitives.ReadUInt32LittleEndian(data);
                return offset < workbook.Length ? (int)offset : null;
            }
        }
        return null;
    }

    /// <summary>The error text of a Formula record whose cached result is an error (FormulaValue: bytes 6-7 0xFFFF,
    /// byte 0 = 2) or of a BoolErr record that holds an error (fError = 1).</summary>
    private static string? Error(ushort id, ReadOnlySpan<byte> data)
    {
        if (id == Formula)
        {
            var value = data.Length >= 14 ? data.Slice(6, 8) : default;
            return value.Length == 8 && value[6] == 0xFF && value[7] == 0xFF && value[0] == 2 ? Text(value[2]) : null;
        }
        return data[7] == 1 ? Text(data[6]) : null;
    }

    private static string Text(byte code) => code switch
    {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => $"#ERROR({code:X2})",
    };

    private static IEnumerable<(ushort Id, byte[] Data)> Records(byte[] stream, int start)
    {
        for (var at = start; at + 4 <= stream.Length;)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(at));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(at + 2));
            if (at + 4 + length > stream.Length)
            {
                yield break;
            }
            yield return (id, stream.AsSpan(at + 4, length).ToArray());
            at += 4 + length;
        }
    }
}
