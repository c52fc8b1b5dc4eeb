using System.IO.Compression;
using System.Text;
using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest;

/// <summary>How bytes are told apart before any reader sees them, and the file-level refusals, word for word:
/// OpenDocument, text against binary, the csv's encoding, and the exceptions a damaged file raises.</summary>
public sealed class SpreadsheetOpenerTests
{
    private static byte[] ZipOf(string name, byte[] content, CompressionLevel level = CompressionLevel.NoCompression)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(name, level).Open();
            entry.Write(content);
        }
        return memory.ToArray();
    }

    // An ODF package's first entry is "mimetype", stored: its name at byte 30, its text right after.
    private static byte[] OpenDocument(string mimetype) => ZipOf("mimetype", Encoding.ASCII.GetBytes(mimetype));

    [Fact]
    public void An_OpenDocument_spreadsheet_is_refused_with_how_to_save_it_as_xlsx()
    {
        var (reader, problem) = SpreadsheetOpener.TryOpen(OpenDocument("application/vnd.oasis.opendocument.spreadsheet" + new string(' ', 40)), "par.ods");
        Assert.Null(reader);
        Assert.Equal((ProblemCodes.OpenDocument, null, null, null), (problem!.Code, problem.Sheet, problem.Row, problem.Column));
        Assert.Equal("par.ods is an OpenDocument spreadsheet (.ods), which the pipeline does not read: in LibreOffice choose File > Save As, file type Excel 2007-365 (.xlsx), and drop that file.", problem.Message);
        Assert.Equal("par.ods là bảng tính OpenDocument (.ods), hệ thống không đọc được: trong LibreOffice chọn Tệp > Lưu thành, kiểu tệp Excel 2007-365 (.xlsx), rồi gửi tệp đó.", problem.MessageVi);
    }

    [Fact]
    public void A_zip_whose_first_entry_is_not_an_OpenDocument_mimetype_is_not_taken_for_one()
    {
        Assert.NotEqual(ProblemCodes.OpenDocument, SpreadsheetOpener.TryOpen(OpenDocument("text/plain" + new string(' ', 80)), "a.xlsx").Problem?.Code);
        Assert.NotEqual(ProblemCodes.OpenDocument, SpreadsheetOpener.TryOpen(ZipOf("mimetypx", Encoding.ASCII.GetBytes("application/vnd.oasis.opendocument.spreadsheet" + new string(' ', 40))), "a.xlsx").Problem?.Code);
        // The mimetype is looked for in the 80 bytes after its name, or as far as the file goes.
        var tiny = OpenDocument("application/vnd.oasis.opendocument");
        Assert.True(tiny.Length > 80);
        Assert.Equal(ProblemCodes.OpenDocument, SpreadsheetOpener.TryOpen(tiny, "a.ods").Problem?.Code);
        // A file cut after its first entry (88 bytes: 30 of header, 8 of name, 50 of mimetype) is still told as one.
        var cut = OpenDocument("application/vnd.oasis.opendocument.spreadsheet" + new string(' ', 4))[..88];
        Assert.Equal(ProblemCodes.OpenDocument, SpreadsheetOpener.TryOpen(cut, "a.ods").Problem?.Code);
        // The type named further on than those 80 bytes is not the mimetype.
        var late = OpenDocument("text/plain" + new string(' ', 80) + "application/vnd.oasis.opendocument.spreadsheet");
        Assert.NotEqual(ProblemCodes.OpenDocument, SpreadsheetOpener.TryOpen(late, "a.xlsx").Problem?.Code);
    }

    [Fact]
    public void Bytes_that_are_neither_zip_compound_file_nor_text_are_not_a_spreadsheet()
    {
        var (reader, problem) = SpreadsheetOpener.TryOpen([0x01, 0x00, 0x02], "x.xlsx");
        Assert.Null(reader);
        Assert.Equal("x.xlsx is not a spreadsheet: the pipeline reads xlsx, xls and csv files.", problem!.Message);
        Assert.Equal("x.xlsx không phải là bảng tính: hệ thống đọc tệp xlsx, xls và csv.", problem.MessageVi);
    }

    [Fact]
    public void A_NUL_byte_in_the_first_4096_bytes_means_binary_and_one_after_them_does_not()
    {
        var text = Encoding.ASCII.GetBytes("Tinh,Chi so CCHC\n" + new string('a', 5000));
        var early = (byte[])text.Clone();
        early[4095] = 0;
        Assert.Equal(ProblemCodes.NotASpreadsheet, SpreadsheetOpener.TryOpen(early, "a.csv").Problem?.Code);
        var late = (byte[])text.Clone();
        late[4096] = 0;
        var (reader, problem) = SpreadsheetOpener.TryOpen(late, "a.csv");
        using (reader)
        {
            Assert.Null(problem);
            Assert.NotNull(reader);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    public void UTF16_with_a_byte_order_mark_is_text_though_it_is_full_of_NUL_bytes(byte[] mark)
    {
        var encoding = mark[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        var (reader, problem) = SpreadsheetOpener.TryOpen([.. mark, .. encoding.GetBytes("Tỉnh,Chỉ số CCHC\nĐà Nẵng,88.68\n")], "u.csv");
        using (reader)
        {
            Assert.Null(problem);
            Assert.True(reader!.Read());
            Assert.Equal("Tỉnh", reader.GetValue(0));
        }
    }

    [Fact]
    public void A_csv_without_a_byte_order_mark_is_UTF8_when_its_start_is_and_Windows_1258_otherwise()
    {
        Assert.Equal(65001, SpreadsheetOpener.CsvEncoding(Encoding.UTF8.GetBytes("Tỉnh,Đà Nẵng")).CodePage);
        Assert.Equal(1258, SpreadsheetOpener.CsvEncoding([0x54, 0xEC, 0x6E, 0x68]).CodePage);
        Assert.Equal(65001, SpreadsheetOpener.CsvEncoding([]).CodePage);
        // Only the first 64 KiB are looked at, and a character cut at their end is still UTF-8.
        var cut = Encoding.UTF8.GetBytes(new string('a', 64 * 1024 - 1) + "Đ" + "a");
        Assert.Equal(65001, SpreadsheetOpener.CsvEncoding(cut).CodePage);
        var invalidLater = new byte[64 * 1024 + 10];
        Array.Fill(invalidLater, (byte)'a');
        invalidLater[^1] = 0xEC;
        Assert.Equal(65001, SpreadsheetOpener.CsvEncoding(invalidLater).CodePage);
        // A file that ends inside a character is not valid UTF-8.
        Assert.Equal(1258, SpreadsheetOpener.CsvEncoding([0x61, 0xC4]).CodePage);
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".xlsx")]
    [InlineData(".xlsm")]
    [InlineData(".xls")]
    public void Open_takes_the_formats_the_pipeline_reads(string extension)
    {
        var bytes = extension == ".csv" ? Encoding.UTF8.GetBytes("a,b\n") : Samples.Bytes(extension == ".xls" ? Samples.Par2021Xls : Samples.Par2023);
        using var reader = SpreadsheetOpener.Open(new MemoryStream(bytes), extension);
        Assert.True(reader.Read());
    }

    [Fact]
    public void Open_refuses_another_format_by_name()
    {
        var error = Assert.Throws<NotSupportedException>(() => SpreadsheetOpener.Open(new MemoryStream(), ".ods"));
        Assert.Equal("'.ods' is not a spreadsheet format the pipeline reads (xlsx, xls, csv).", error.Message);
    }

    [Fact]
    public void A_failure_is_told_by_its_kind_in_both_languages_with_line_breaks_taken_out()
    {
        var password = SpreadsheetOpener.Failure(new ExcelDataReader.Exceptions.InvalidPasswordException("x"), "p.xlsx");
        Assert.Equal((ProblemCodes.Encrypted, "p.xlsx is password-protected: save it without a password and drop it again.", "p.xlsx có đặt mật khẩu: hãy lưu lại không mật khẩu rồi gửi lại."),
            (password.Code, password.Message, password.MessageVi));
        var memory = SpreadsheetOpener.Failure(new OutOfMemoryException(), "m.xlsx");
        Assert.Equal((ProblemCodes.Corrupt, "m.xlsx asks for more memory than any real index table needs; it is refused.", "m.xlsx đòi nhiều bộ nhớ hơn mọi bảng chỉ số thật cần; tệp bị từ chối."),
            (memory.Code, memory.Message, memory.MessageVi));
        var dtd = SpreadsheetOpener.Failure(new System.Xml.XmlException("For security reasons dtd is prohibited"), "d.xlsx");
        Assert.Equal("d.xlsx holds XML with a document type declaration, which spreadsheets never need; it is refused.", dtd.Message);
        var xml = SpreadsheetOpener.Failure(new System.Xml.XmlException("Unexpected end"), "x.xlsx");
        Assert.Equal("x.xlsx is damaged and cannot be read: Unexpected end", xml.Message);
        var other = SpreadsheetOpener.Failure(new InvalidDataException("line one\nline two\r\nthree"), "o.xls");
        Assert.Equal((ProblemCodes.Corrupt, "o.xls is damaged and cannot be read: line one line two three", "o.xls bị hỏng, không đọc được: line one line two three"),
            (other.Code, other.Message, other.MessageVi));
        Assert.Equal((null, null, null), (other.Sheet, other.Row, other.Column));
    }

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new ExcelDataReader.Exceptions.HeaderException("x"), true },
        { new InvalidDataException(), true },
        { new System.Xml.XmlException(), true },
        { new NotSupportedException(), true },
        { new FormatException(), true },
        { new IOException(), true },
        { new ArgumentException(), true },
        { new IndexOutOfRangeException(), true },
        { new InvalidOperationException(), true },
        { new InvalidCastException(), true },
        { new OverflowException(), true },
        { new DecoderFallbackException(), true },
        { new NullReferenceException(), false },
        { new OperationCanceledException(), false },
        { new OutOfMemoryException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Damage_is_what_readers_and_decompressors_raise_for_bad_input_and_nothing_else(Exception error, bool damage) =>
        Assert.Equal(damage, SpreadsheetOpener.IsReaderFailure(error));

    [Fact]
    public void A_small_zip_is_let_through_whatever_its_ratio_and_a_large_one_is_held_to_100_to_1()
    {
        // 1 MiB of zeros inflates far past 100:1 but is no danger: under 1 MiB declared, the ratio is not looked at.
        var small = ZipOf("xl/worksheets/sheet1.xml", new byte[1024 * 1024], CompressionLevel.SmallestSize);
        Assert.NotEqual(ProblemCodes.ZipBomb, SpreadsheetOpener.TryOpen(small, "s.xlsx").Problem?.Code);
        var large = ZipOf("xl/worksheets/sheet1.xml", new byte[1024 * 1024 + 1], CompressionLevel.SmallestSize);
        var problem = SpreadsheetOpener.TryOpen(large, "l.xlsx").Problem!;
        Assert.Equal(ProblemCodes.ZipBomb, problem.Code);
        Assert.Equal($"l.xlsx giải nén ra hơn {100L * large.Length:N0} byte (tối đa 100:1 hoặc 500 MiB); tệp bị từ chối như một quả bom nén.", problem.MessageVi);
    }

    [Fact]
    public void A_zip_declaring_more_than_500_MiB_is_a_bomb_whatever_its_ratio()
    {
        // 501 MiB declared by a 6 MiB archive (about 84:1): under the ratio, over the size.
        var zip = HostileCorpus.LyingSizes(ZipOf("xl/worksheets/sheet1.xml", RandomBytes(6 * 1024 * 1024)), 501u * 1024 * 1024);
        var problem = SpreadsheetOpener.TryOpen(zip, "big.xlsx").Problem!;
        Assert.Equal(ProblemCodes.ZipBomb, problem.Code);
        Assert.Equal($"big.xlsx inflates to more than {500L * 1024 * 1024:N0} bytes (100:1 or 500 MiB at most); it is refused as a zip bomb.", problem.Message);
        var exactly = HostileCorpus.LyingSizes(ZipOf("xl/worksheets/sheet1.xml", RandomBytes(6 * 1024 * 1024)), 500u * 1024 * 1024);
        Assert.NotEqual(ProblemCodes.ZipBomb, SpreadsheetOpener.TryOpen(exactly, "big.xlsx").Problem?.Code);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(5).NextBytes(bytes);
        return bytes;
    }
}
