using System.Buffers.Binary;
using System.Security.Cryptography;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest.Office;

/// <summary>
/// Error cells of an xls, which ExcelDataReader 3.6 shows as empty: read from the sheet's BIFF records in files
/// LibreOffice saved (corpus/errors-second-sheet.*, error-cell.*), and never a crash on a damaged compound file.
/// </summary>
public sealed class BiffCellProbeTests
{
    private static readonly string Folder = RepositoryPaths.OfficeCorpus;
    private static readonly IReadOnlySet<string> Cells = new HashSet<string>(["C4", "C5", "C13", "C23"], StringComparer.Ordinal);

    private static byte[] Corpus(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    [Fact]
    public void The_errors_of_an_xls_sheet_are_read_with_Excels_text_as_the_xlsx_probe_reads_them()
    {
        var expected = new Dictionary<string, (ProbedCell, string?)>
        {
            ["C5"] = (ProbedCell.Error, "#N/A"),
            ["C13"] = (ProbedCell.Error, "#DIV/0!"),
            // LibreOffice's own error for SQRT(-1) (Err:502, invalid argument) is saved as Excel's #VALUE!.
            ["C23"] = (ProbedCell.Error, "#VALUE!"),
        };
        // C4 holds a plain score: asked for, not reported.
        Assert.Equal(expected, BiffCellProbe.Probe(Corpus("errors-second-sheet.xls"), 1, Cells));
        Assert.Equal(expected, OoxmlCellProbe.Probe(Corpus("errors-second-sheet.xlsx"), 1, Cells));
        // The first sheet (a note) has no cell at those addresses: the records of the right sheet were read.
        Assert.Empty(BiffCellProbe.Probe(Corpus("errors-second-sheet.xls"), 0, Cells));
        Assert.Empty(BiffCellProbe.Probe(Corpus("errors-second-sheet.xls"), 2, Cells));
    }

    [Fact]
    public void A_rejected_xls_names_the_error_in_both_languages_as_an_xlsx_does()
    {
        var indices = IndexCatalog.LoadEmbedded();
        var parser = new WorkbookParser(ProvinceTable.Gazetteer, indices);
        string[] Messages(string file)
        {
            var bytes = Corpus(file);
            var (target, _) = DropTarget.Parse($"PAR/2023/{file}", indices);
            var parsed = parser.Parse(new DroppedFile($"PAR/2023/{file}", bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), target!, CancellationToken.None);
            return [.. parsed.Problems.Select(p => $"{p.Code} {p.Sheet}!{p.Cell} {p.Found} | {p.Message} | {p.MessageVi}")];
        }

        string[] expected =
        [
            "EXCEL_ERROR PAR 2023!C7 #DIV/0! | Tuyên Quang has the Excel error #DIV/0! instead of its PAR INDEX. | Tuyên Quang có lỗi Excel #DIV/0! thay cho Chỉ số CCHC.",
        ];
        Assert.Equal(expected, Messages("error-cell.xls"));
        Assert.Equal(expected, Messages("error-cell.xlsx"));
    }

    [Fact]
    public void The_workbook_stream_comes_out_of_the_compound_file_whole()
    {
        var stream = CompoundFile.ReadStream(Corpus("error-cell.xls"), "Workbook");
        Assert.NotNull(stream);
        // A BIFF8 workbook globals substream: BOF (0x0809), version 0x0600, type 0x0005.
        Assert.Equal((ushort)0x0809, BinaryPrimitives.ReadUInt16LittleEndian(stream));
        Assert.Equal((ushort)0x0600, BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(4)));
        Assert.Equal((ushort)0x0005, BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(6)));
        Assert.Null(CompoundFile.ReadStream(Corpus("error-cell.xls"), "NoSuchStream"));
        Assert.Null(CompoundFile.ReadStream(Corpus("error-cell.xlsx"), "Workbook"));
    }

    public static TheoryData<string> Damaged() => ["cut in half", "FAT loops", "sector size 2^15", "FAT count past the file", "directory outside the file"];

    [Theory]
    [MemberData(nameof(Damaged))]
    public void A_damaged_compound_file_gives_no_errors_and_no_exception(string damage)
    {
        var bytes = Corpus("errors-second-sheet.xls");
        var firstFatSector = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x4C));
        var firstDirectory = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(0x30));
        switch (damage)
        {
            case "cut in half":
                bytes = bytes[..(bytes.Length / 2)];
                break;
            case "FAT loops":
                // The directory's first sector points back to itself.
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)((firstFatSector + 1) * 512) + (int)(firstDirectory * 4)), firstDirectory);
                break;
            case "sector size 2^15":
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x1E), 15);
                break;
            case "FAT count past the file":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x2C), 1_000_000);
                break;
            case "directory outside the file":
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x30), 0x00FF_FFFF);
                break;
        }
        var found = BiffCellProbe.Probe(bytes, 1, Cells);
        if (damage == "cut in half")
        {
            // What the half that is left holds may be read; nothing is made up.
            Assert.Subset(new HashSet<string>(["C5", "C13", "C23"]), found.Keys.ToHashSet());
        }
        else
        {
            Assert.Empty(found);
        }
    }
    /// <summary>A BIFF8 record: id, length, data.</summary>
    private static byte[] Record(ushort id, params byte[] data)
    {
        var bytes = new byte[4 + data.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, id);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), (ushort)data.Length);
        data.CopyTo(bytes, 4);
        return bytes;
    }

    private static byte[] Bof(ushort type) => Record(0x0809, [0x00, 0x06, (byte)type, (byte)(type >> 8), .. new byte[12]]);

    private static readonly byte[] Eof = Record(0x000A);

    private static byte[] Cell(int row, int column) => [(byte)row, (byte)(row >> 8), (byte)column, (byte)(column >> 8), 0x0F, 0x00];

    /// <summary>A BoolErr record (2.4.24): a value typed in, an error when fError is 1, else a boolean.</summary>
    private static byte[] BoolErr(int row, int column, byte value, bool isError = true) => Record(0x0205, [.. Cell(row, column), value, (byte)(isError ? 1 : 0)]);

    /// <summary>A Formula record (2.4.127) whose cached result is <paramref name="result"/> (8 bytes), with a formula of one token.</summary>
    private static byte[] Formula(int row, int column, byte[] result) => Record(0x0006, [.. Cell(row, column), .. result, 0x00, 0x00, 0, 0, 0, 0, 0x01, 0x00, 0x1E]);

    /// <summary>A formula's cached error (FormulaValue: byte 0 = 2, bytes 6-7 0xFFFF).</summary>
    private static byte[] ErrorResult(byte code) => [0x02, 0x00, code, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    /// <summary>A workbook stream: the globals with one BoundSheet8 per sheet (type 0 a worksheet, 2 a chart, 6 a
    /// macro sheet), each offset patched to where its substream starts, then the sheets.</summary>
    private static byte[] Workbook(params (byte Type, byte[][] Records)[] sheets)
    {
        var globals = new List<byte[]> { Bof(0x0005) };
        globals.AddRange(sheets.Select(s => Record(0x0085, [0, 0, 0, 0, 0x00, s.Type, 0x01, 0x00, (byte)'S'])));
        globals.Add(Eof);
        var bytes = globals.SelectMany(r => r).ToList();
        for (var i = 0; i < sheets.Length; i++)
        {
            var boundSheet = globals.Take(i + 1).Sum(r => r.Length) + 4;
            BinaryPrimitives.WriteUInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)[boundSheet..], (uint)bytes.Count);
            bytes.AddRange(sheets[i].Records.SelectMany(r => r));
        }
        return [.. bytes];
    }

    private static byte[] Xls(byte[] workbook) => new CompoundFileWriter().Add("Workbook", workbook).Build();

    private static IReadOnlyDictionary<string, (ProbedCell, string?)> Probe(byte[] workbook, int sheet, params string[] cells) =>
        BiffCellProbe.Probe(Xls(workbook), sheet, new HashSet<string>(cells, StringComparer.Ordinal));

    [Fact]
    public void Every_BIFF_error_code_is_named_as_Excel_names_it_whether_typed_or_a_formulas_result()
    {
        byte[] codes = [0x00, 0x07, 0x0F, 0x17, 0x1D, 0x24, 0x2A, 0x2B, 0x55];
        string[] texts = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#ERROR(55)"];
        var sheet = codes.SelectMany((code, i) => new[] { BoolErr(i, 0, code), Formula(i, 27, ErrorResult(code)) });
        var found = Probe(Workbook((0, [Bof(0x0010), .. sheet, Eof])), 0, [.. codes.SelectMany((_, i) => new[] { $"A{i + 1}", $"AB{i + 1}" })]);
        var expected = codes.Select((_, i) => i).SelectMany(i => new[]
        {
            KeyValuePair.Create($"A{i + 1}", (ProbedCell.Error, (string?)texts[i])),
            KeyValuePair.Create($"AB{i + 1}", (ProbedCell.Error, (string?)texts[i])),
        });
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)>(expected), found);
    }

    [Fact]
    public void A_cell_that_holds_no_error_is_not_reported()
    {
        var sheet = Workbook((0,
        [
            Bof(0x0010),
            BoolErr(0, 0, 0x01, isError: false), // TRUE typed in
            Formula(1, 0, BitConverter.GetBytes(88.68)), // a number
            Formula(2, 0, [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF]), // a string result (its text follows in a String record)
            Formula(3, 0, [0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0xFF, 0xFF]), // a boolean result
            Formula(4, 0, [0x02, 0x00, 0x07, 0x00, 0x00, 0x00, 0xFF, 0x00]), // bytes 6-7 not 0xFFFF: a number's bytes
            Formula(5, 0, [0x02, 0x00, 0x07, 0x00, 0x00, 0x00, 0x00, 0xFF]),
            Record(0x0006, [.. Cell(6, 0), 0x02, 0x00, 0x07, 0x00, 0x00, 0x00, 0xFF]), // cut before the formula's value ends
            Record(0x0205, [.. Cell(7, 0), 0x07]), // a BoolErr one byte short
            BoolErr(8, 0, 0x07), // an error
            Record(0x0006, [.. Cell(9, 0), .. ErrorResult(0x2A)]), // a Formula record that ends with its value: still an error
            Eof,
        ]));
        Assert.Equal(
            new Dictionary<string, (ProbedCell, string?)> { ["A9"] = (ProbedCell.Error, "#DIV/0!"), ["A10"] = (ProbedCell.Error, "#N/A") },
            Probe(sheet, 0, "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10"));
    }

    [Fact]
    public void Only_the_cells_asked_for_are_reported()
    {
        var sheet = Workbook((0, [Bof(0x0010), BoolErr(0, 2, 0x07), BoolErr(1, 2, 0x2A), BoolErr(2, 3, 0x2A), Eof]));
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["C2"] = (ProbedCell.Error, "#N/A") }, Probe(sheet, 0, "C2", "C4", "D2"));
        Assert.Empty(Probe(sheet, 0));
    }

    [Fact]
    public void Sheets_are_counted_as_ExcelDataReader_counts_them_worksheets_only()
    {
        var workbook = Workbook(
            (0, [Bof(0x0010), BoolErr(0, 0, 0x00), Eof]),
            (2, [Bof(0x0020), BoolErr(0, 0, 0x07), Eof]), // a chart sheet
            (6, [Bof(0x0040), BoolErr(0, 0, 0x0F), Eof]), // a macro sheet
            (0, [Bof(0x0010), BoolErr(0, 0, 0x17), Eof]));
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#NULL!") }, Probe(workbook, 0, "A1"));
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#REF!") }, Probe(workbook, 1, "A1"));
        Assert.Empty(Probe(workbook, 2, "A1"));
        Assert.Empty(Probe(workbook, -1, "A1"));
        // A BoundSheet8 cut to its offset, state and type (6 bytes, no name) still counts its sheet.
        var bare = Workbook((0, [Bof(0x0010), BoolErr(0, 0, 0x24), Eof]));
        var boundSheetAt = Bof(5).Length;
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(bare.AsSpan(boundSheetAt + 4)) - 3;
        byte[] cut = [.. bare[..boundSheetAt], .. Record(0x0085, [(byte)offset, (byte)(offset >> 8), 0, 0, 0, 0]), .. bare[(boundSheetAt + 13)..]];
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#NUM!") }, Probe(cut, 0, "A1"));
    }

    [Fact]
    public void A_chart_inside_a_sheet_is_skipped_and_the_sheet_read_on_after_it()
    {
        var workbook = Workbook(
            (0, [Bof(0x0010), BoolErr(0, 0, 0x07), Bof(0x0020), BoolErr(1, 0, 0x2A), Eof, BoolErr(2, 0, 0x24), Eof, BoolErr(3, 0, 0x1D)]),
            (0, [Bof(0x0010), BoolErr(4, 0, 0x0F), Eof]));
        Assert.Equal(
            new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#DIV/0!"), ["A3"] = (ProbedCell.Error, "#NUM!") },
            Probe(workbook, 0, "A1", "A2", "A3", "A4", "A5"));
    }

    [Fact]
    public void A_sheet_past_the_globals_end_or_the_stream_or_cut_short_gives_what_its_whole_records_hold()
    {
        var sheet = new byte[][] { Bof(0x0010), BoolErr(0, 0, 0x07), BoolErr(1, 0, 0x2A), Eof };
        var workbook = Workbook((0, sheet));
        // A BoundSheet8 after the globals' EOF names no sheet.
        var boundSheetAt = Bof(5).Length;
        byte[] late = [.. workbook[..boundSheetAt], .. Eof, .. workbook[boundSheetAt..]];
        BinaryPrimitives.WriteUInt32LittleEndian(late.AsSpan(boundSheetAt + Eof.Length + 4), (uint)workbook.Length - (uint)sheet.Sum(r => r.Length) + (uint)Eof.Length);
        Assert.Empty(Probe(late, 0, "A1"));
        // The same file with that EOF taken out again is read.
        byte[] mended = [.. late[..boundSheetAt], .. late[(boundSheetAt + Eof.Length)..]];
        BinaryPrimitives.WriteUInt32LittleEndian(mended.AsSpan(boundSheetAt + 4), (uint)workbook.Length - (uint)sheet.Sum(r => r.Length));
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#DIV/0!") }, Probe(mended, 0, "A1"));
        // An offset at or past the end of the stream.
        var outside = (byte[])workbook.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(outside.AsSpan(Bof(5).Length + 4), (uint)workbook.Length);
        Assert.Empty(Probe(outside, 0, "A1"));
        // A stream cut inside its second error: the first is read.
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#DIV/0!") }, Probe(workbook[..^(Eof.Length + 3)], 0, "A1", "A2"));
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#DIV/0!"), ["A2"] = (ProbedCell.Error, "#N/A") }, Probe(workbook[..^Eof.Length], 0, "A1", "A2"));
        // No Workbook stream at all (an xls of Excel 5 names it "Book").
        Assert.Empty(BiffCellProbe.Probe(new CompoundFileWriter().Add("Book", workbook).Build(), 0, new HashSet<string>(["A1"])));
    }
}
