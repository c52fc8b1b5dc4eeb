using System.Buffers.Binary;
using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest.Office;

/// <summary>
/// The compound-file reader under the xls error probe, checked byte for byte against files whose every sector is known
/// (<see cref="CompoundFileWriter"/>): both sector sizes, the mini stream on each side of the 4096-byte cutoff, a FAT
/// listed through a DIFAT chain, a last sector cut short, and each damage that must give null rather than wrong bytes.
/// </summary>
public sealed class CompoundFileTests
{
    /// <summary>Bytes no two offsets share a pattern of, so a sector read from the wrong place shows.</summary>
    private static byte[] Content(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData(9, 4096)]
    [InlineData(9, 4608)]
    [InlineData(9, 10_001)]
    [InlineData(12, 4096)]
    [InlineData(12, 12_289)]
    public void A_stream_at_or_over_the_cutoff_comes_out_of_its_sectors_whole(int sectorShift, int length)
    {
        var workbook = Content(length);
        var file = new CompoundFileWriter { SectorShift = sectorShift }
            .Add("Other", Content(5000, seed: 2))
            .Add("Workbook", workbook)
            .Build();
        Assert.Equal(workbook, CompoundFile.ReadStream(file, "Workbook"));
        Assert.Equal(Content(5000, seed: 2), CompoundFile.ReadStream(file, "Other"));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(12)]
    public void A_stream_under_the_cutoff_comes_out_of_the_mini_stream_whole(int sectorShift)
    {
        // Three small streams, so the one asked for starts past mini sector 0 and spans 64 of them.
        var file = new CompoundFileWriter { SectorShift = sectorShift }
            .Add("SummaryInformation", Content(100, seed: 3))
            .Add("Workbook", Content(4095))
            .Add("Tail", Content(64, seed: 4))
            .Add("Empty", [])
            .Build();
        Assert.Equal(Content(4095), CompoundFile.ReadStream(file, "Workbook"));
        Assert.Equal(Content(100, seed: 3), CompoundFile.ReadStream(file, "SummaryInformation"));
        Assert.Equal(Content(64, seed: 4), CompoundFile.ReadStream(file, "Tail"));
        Assert.Equal([], CompoundFile.ReadStream(file, "Empty")!);
    }

    [Fact]
    public void The_cutoff_is_the_one_the_header_names()
    {
        // A writer may set its own cutoff: with 8192 in the header, a 5000-byte stream is in the mini stream. This file
        // keeps it in regular sectors, so read through the mini FAT with the header's cutoff it is not those bytes.
        var file = new CompoundFileWriter().Add("Workbook", Content(5000)).Build();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x38), 8192);
        Assert.NotEqual(Content(5000), CompoundFile.ReadStream(file, "Workbook"));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x38), 5000);
        Assert.Equal(Content(5000), CompoundFile.ReadStream(file, "Workbook"));
    }

    [Theory]
    [InlineData(110)]
    [InlineData(237)]
    public void A_FAT_longer_than_the_header_lists_is_followed_through_its_DIFAT_chain(int fatSectors)
    {
        // The stream fills the sectors those FAT sectors cover but for their own and ten more, so its last sectors' chain
        // is in the last FAT sector, which only the DIFAT lists; 237 needs a second DIFAT sector (each lists 127 and
        // points to the next).
        var workbook = Content(((fatSectors * 127) - 10) * 512);
        var writer = new CompoundFileWriter { MinimumFatSectors = fatSectors };
        var file = writer.Add("Workbook", workbook).Build();
        Assert.Equal((uint)fatSectors, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x2C)));
        Assert.Equal(workbook, CompoundFile.ReadStream(file, "Workbook"));
        // The DIFAT pointing outside the file: null, not a FAT cut at 109 sectors.
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x44), 0x00FF_FFFF);
        Assert.Null(CompoundFile.ReadStream(file, "Workbook"));
    }

    [Theory]
    [InlineData(300, (9 * 512) + 212)]
    [InlineData(600, (8 * 512) + 424)]
    public void A_last_sector_cut_short_by_its_writer_gives_what_is_there(int cut, int kept)
    {
        // 5000 bytes take 9 sectors and 392 bytes of a tenth, written out to 512: 300 bytes off the file leave 212 of
        // the tenth; 600 take the tenth and 88 bytes of the ninth.
        var workbook = Content(5000);
        var file = new CompoundFileWriter { CutFromEnd = cut }.Add("Workbook", workbook).Build();
        Assert.Equal(workbook[..kept], CompoundFile.ReadStream(file, "Workbook"));
    }

    [Fact]
    public void Only_a_stream_whose_whole_name_matches_is_read()
    {
        var name31 = new string('W', 31);
        var file = new CompoundFileWriter()
            .Add("Workbook", [], type: 1)
            .Add("Workbook2", Content(100, seed: 5))
            .Add("Work", Content(100, seed: 6))
            .Add("Workbook", Content(100))
            .Add(name31, Content(4100, seed: 7))
            .Build();
        // The storage of the same name holds nothing: the stream after it is the one read.
        Assert.Equal(Content(100), CompoundFile.ReadStream(file, "Workbook"));
        Assert.Equal(Content(100, seed: 6), CompoundFile.ReadStream(file, "Work"));
        Assert.Equal(Content(4100, seed: 7), CompoundFile.ReadStream(file, name31));
        Assert.Null(CompoundFile.ReadStream(file, "Book"));
        Assert.Null(CompoundFile.ReadStream(file, "workbook"));
        // Three streams and the root fill one 512-byte directory sector exactly: the last entry is read too.
        var full = new CompoundFileWriter().Add("A", Content(10, seed: 9)).Add("B", Content(10, seed: 10)).Add("Workbook", Content(100)).Build();
        Assert.Equal(Content(100), CompoundFile.ReadStream(full, "Workbook"));
    }

    public static TheoryData<string> Damages() =>
    [
        "not a compound file", "511 bytes", "sector shift 8", "sector shift 10", "mini sector shift 7",
        "FAT count past the file", "a FAT sector outside the file", "the chain loops",
        "the chain leaves the table", "the chain names a reserved sector", "the directory outside the file",
        "the mini FAT chain loops", "the mini chain loops", "the mini chain leaves the mini FAT",
    ];

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_file_gives_null_and_never_other_bytes(string damage)
    {
        var writer = new CompoundFileWriter();
        var file = writer.Add("Small", Content(200, seed: 8)).Add("Workbook", Content(5000)).Build();
        var name = "Workbook";
        void Word(long at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan((int)at), value);
        long FatEntry(uint sector) => writer.OffsetOf(0) + (4 * sector);
        switch (damage)
        {
            case "not a compound file":
                file[0] = 0x50;
                break;
            case "511 bytes":
                file = file[..511];
                break;
            case "sector shift 8":
                BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1E), 8);
                break;
            case "sector shift 10":
                BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1E), 10);
                break;
            case "mini sector shift 7":
                BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x20), 7);
                break;
            case "FAT count past the file":
                Word(0x2C, (uint)(file.Length / 512) + 2);
                break;
            case "a FAT sector outside the file":
                Word(0x4C, 100_000);
                break;
            case "the chain loops":
                Word(FatEntry(writer.FirstStreamSector + 3), writer.FirstStreamSector);
                break;
            case "the chain leaves the table":
                Word(FatEntry(writer.FirstStreamSector + 3), 128);
                break;
            case "the chain names a reserved sector":
                Word(FatEntry(writer.FirstStreamSector + 3), 0xFFFFFFFB);
                break;
            case "the directory outside the file":
                Word(0x30, 0x00FF_FFFF);
                break;
            case "the mini FAT chain loops":
                name = "Small";
                Word(FatEntry(writer.MiniFatSector), writer.MiniFatSector);
                break;
            case "the mini chain loops":
                name = "Small";
                Word(writer.OffsetOf(writer.MiniFatSector) + 4, 0);
                break;
            case "the mini chain leaves the mini FAT":
                name = "Small";
                Word(writer.OffsetOf(writer.MiniFatSector) + 4, 128);
                break;
        }
        Assert.Null(CompoundFile.ReadStream(file, name));
    }

    [Fact]
    public void The_files_LibreOffice_wrote_give_the_same_stream_as_the_writer_of_these_tests_reads_back()
    {
        // A file LibreOffice saved, its Workbook stream rewritten by CompoundFileWriter: the same bytes out of both.
        var corpus = File.ReadAllBytes(Path.Combine(RepositoryPaths.OfficeCorpus, "errors-second-sheet.xls"));
        var workbook = CompoundFile.ReadStream(corpus, "Workbook")!;
        Assert.Equal((ushort)0x0809, BinaryPrimitives.ReadUInt16LittleEndian(workbook));
        Assert.Equal(workbook, CompoundFile.ReadStream(new CompoundFileWriter().Add("Workbook", workbook).Build(), "Workbook"));
        Assert.Equal(workbook, CompoundFile.ReadStream(new CompoundFileWriter { SectorShift = 12 }.Add("Workbook", workbook).Build(), "Workbook"));
        // And ExcelDataReader, which has a compound-file reader of its own, reads the rewritten file as the original. Not
        // the version 4 one: it puts sector n at 512 + n x 4096, where [MS-CFB] 2.2 has the header fill the first 4096
        // bytes, so it cannot open such a file (Excel writes xls files in version 3).
        var original = Cells(corpus);
        Assert.Equal(66 + 2, original.Count); // two sheets, 66 rows: not two empty lists
        Assert.Equal(original, Cells(new CompoundFileWriter().Add("Workbook", workbook).Build()));
    }

    /// <summary>Every sheet's cells as ExcelDataReader reads them, a line per row.</summary>
    private static List<string> Cells(byte[] xls)
    {
        var (opened, problem) = SpreadsheetOpener.TryOpen(xls, "x.xls");
        using var reader = opened ?? throw new InvalidDataException(problem?.Message);
        var lines = new List<string>();
        do
        {
            lines.Add($"# {reader.Name}");
            while (reader.Read())
            {
                lines.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        while (reader.NextResult());
        return lines;
    }
}
