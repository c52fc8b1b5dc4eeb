using System.Buffers.Binary;
using System.Security.Cryptography;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Local;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest.Office;

/// <summary>
/// Error cells of an xls, which ExcelDataReader 3.6 shows as empty: read from the sheet's BIFF records in files
/// LibreOffice saved (corpus/errors-second-sheet.*, error-cell.*), and never a crash on a damaged compound file.
/// </summary>
public sealed class BiffCellProbeTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "tests", "ParPipeline.Tests", "Ingest", "Office", "corpus");
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
}
