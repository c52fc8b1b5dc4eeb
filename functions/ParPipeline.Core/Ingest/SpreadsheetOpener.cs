using System.IO.Compression;
using System.Text;
using ExcelDataReader;

namespace ParPipeline.Ingest;

/// <summary>
/// Opens a streaming ExcelDataReader by what the bytes are (zip: xlsx; compound file: xls; else text: csv),
/// not by what the name says; refuses encrypted workbooks and zip bombs before the reader sees them.
/// </summary>
public static class SpreadsheetOpener
{
    // An xlsx is a zip of XML; a real one inflates 5 to 20 times. The guard sums the sizes the archive declares,
    // which bound what .NET will ever inflate (InflationProblem).
    public const long MaxInflatedBytes = 500L * 1024 * 1024;
    public const int MaxInflationRatio = 100;

    /// <summary>Rows of a csv read to decide its separator, encoding and width.</summary>
    public const int CsvAnalysisRows = 1_000;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Opens the reader, or says why not with a problem code.</summary>
    public static (IExcelDataReader? Reader, IngestProblem? Problem) TryOpen(byte[] content, string fileName)
    {
        CodePages.EnsureRegistered();
        var stream = new MemoryStream(content, writable: false);
        try
        {
            if (IsZip(content))
            {
                if (IsOpenDocument(content))
                {
                    return (null, FileProblem(ProblemCodes.OpenDocument,
                        $"{fileName} is an OpenDocument spreadsheet (.ods), which the pipeline does not read: in LibreOffice choose File > Save As, file type Excel 2007-365 (.xlsx), and drop that file.",
                        $"{fileName} là bảng tính OpenDocument (.ods), hệ thống không đọc được: trong LibreOffice chọn Tệp > Lưu thành, kiểu tệp Excel 2007-365 (.xlsx), rồi gửi tệp đó."));
                }
                if (InflationProblem(content, fileName) is { } bomb)
                {
                    return (null, bomb);
                }
                return (ExcelReaderFactory.CreateOpenXmlReader(stream), null);
            }
            if (IsCompoundFile(content))
            {
                // An encrypted xlsx is an OLE compound file holding an "EncryptedPackage" stream.
                if (content.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0)
                {
                    return (null, FileProblem(ProblemCodes.Encrypted, $"{fileName} is password-protected: save it without a password and drop it again.",
                        $"{fileName} có đặt mật khẩu: hãy lưu lại không mật khẩu rồi gửi lại."));
                }
                return (ExcelReaderFactory.CreateBinaryReader(stream), null);
            }
            if (LooksLikeText(content))
            {
                return (OpenCsv(stream, CsvEncoding(content)), null);
            }
            return (null, FileProblem(ProblemCodes.NotASpreadsheet, $"{fileName} is not a spreadsheet: the pipeline reads xlsx, xls and csv files.",
                $"{fileName} không phải là bảng tính: hệ thống đọc tệp xlsx, xls và csv."));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stream.Dispose();
            return (null, Failure(e, fileName));
        }
    }

    /// <summary>A reader over a stream already known to be of the given format (".csv", ".xlsx", ".xls").</summary>
    public static IExcelDataReader Open(Stream content, string extension)
    {
        CodePages.EnsureRegistered();
        return extension switch
        {
            ".xlsx" or ".xlsm" => ExcelReaderFactory.CreateOpenXmlReader(content),
            ".xls" => ExcelReaderFactory.CreateBinaryReader(content),
            ".csv" => OpenCsv(content, Encoding.UTF8),
            _ => throw new NotSupportedException($"'{extension}' is not a spreadsheet format the pipeline reads (xlsx, xls, csv)."),
        };
    }

    private static IExcelDataReader OpenCsv(Stream content, Encoding withoutByteOrderMark) => ExcelReaderFactory.CreateCsvReader(content, new ExcelReaderConfiguration
    {
        FallbackEncoding = withoutByteOrderMark,
        AutodetectSeparators = [',', ';', '\t', '|'],
        // The separator, encoding and width are settled by the first rows; by default ExcelDataReader
        // reads the whole file once more only to decide them (a million rows twice).
        AnalyzeInitialCsvRows = CsvAnalysisRows,
    });

    /// <summary>
    /// The encoding of a csv without a byte-order mark: UTF-8 when its start is valid UTF-8, else Windows-1258, the
    /// Vietnamese code page Excel and LibreOffice save "CSV" in on a Vietnamese Windows (its tones are combining
    /// marks, which the cell cleaner composes). A file with a byte-order mark says its own encoding.
    /// </summary>
    public static Encoding CsvEncoding(byte[] content)
    {
        CodePages.EnsureRegistered();
        var sample = content.AsSpan(0, Math.Min(content.Length, 64 * 1024));
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(sample.Length);
        try
        {
            // Not the final block: a sample cut inside a character is still UTF-8.
            var status = System.Text.Unicode.Utf8.ToUtf16(sample, buffer, out _, out _, replaceInvalidSequences: false, isFinalBlock: content.Length == sample.Length);
            return status == System.Buffers.OperationStatus.InvalidData ? Encoding.GetEncoding(1258) : Encoding.UTF8;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>An OLE compound file: what an xls is (and an encrypted xlsx).</summary>
    public static bool IsCompoundFile(byte[] content) => content.AsSpan().StartsWith(OleSignature);

    /// <summary>A zip: what an xlsx (or an ods) is.</summary>
    public static bool IsZip(byte[] content) => content.AsSpan().StartsWith(Zip);

    /// <summary>An ODF package names its type in a first, stored entry called "mimetype".</summary>
    private static bool IsOpenDocument(byte[] content) =>
        content.Length > 80 && content.AsSpan(30, 8).SequenceEqual("mimetype"u8)
        && content.AsSpan(38, Math.Min(80, content.Length - 38)).IndexOf("application/vnd.oasis.opendocument"u8) >= 0;

    /// <summary>Exceptions ExcelDataReader and the decompressor raise for damaged or hostile input.</summary>
    public static bool IsReaderFailure(Exception e) =>
        e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException
            or NotSupportedException or FormatException or IOException or ArgumentException or IndexOutOfRangeException
            or InvalidOperationException or InvalidCastException or OverflowException or DecoderFallbackException;

    public static IngestProblem Failure(Exception e, string fileName) => e switch
    {
        ExcelDataReader.Exceptions.InvalidPasswordException =>
            FileProblem(ProblemCodes.Encrypted, $"{fileName} is password-protected: save it without a password and drop it again.",
                        $"{fileName} có đặt mật khẩu: hãy lưu lại không mật khẩu rồi gửi lại."),
        OutOfMemoryException =>
            FileProblem(ProblemCodes.Corrupt, $"{fileName} asks for more memory than any real index table needs; it is refused.",
                $"{fileName} đòi nhiều bộ nhớ hơn mọi bảng chỉ số thật cần; tệp bị từ chối."),
        System.Xml.XmlException x when x.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) =>
            FileProblem(ProblemCodes.Corrupt, $"{fileName} holds XML with a document type declaration, which spreadsheets never need; it is refused.",
                $"{fileName} chứa XML có khai báo kiểu tài liệu (DTD), điều bảng tính không bao giờ cần; tệp bị từ chối."),
        _ => FileProblem(ProblemCodes.Corrupt, $"{fileName} is damaged and cannot be read: {e.Message.ReplaceLineEndings(" ")}",
            $"{fileName} bị hỏng, không đọc được: {e.Message.ReplaceLineEndings(" ")}"),
    };

    /// <summary>
    /// The zip bomb guard, from the sizes the archive declares for its entries, without inflating them: since .NET
    /// Core 3.0, ZipArchive (which ExcelDataReader reads through) requires the local and central headers to agree on
    /// an entry's sizes and truncates what it inflates to the declared size ("ZipArchiveEntry no longer handles
    /// archives with inconsistent entry sizes", .NET breaking changes 3.0). So the declared total bounds what can
    /// ever be inflated, and a size that lies only cuts its part short, which the reader then refuses as damaged
    /// (HostileFileTests: a lying entry). Inflating every part to count it cost as much as reading the workbook.
    /// </summary>
    private static IngestProblem? InflationProblem(byte[] content, string fileName)
    {
        using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
            if (declared > MaxInflatedBytes || (declared > 1024 * 1024 && declared > (long)MaxInflationRatio * content.Length))
            {
                return FileProblem(ProblemCodes.ZipBomb,
                    $"{fileName} inflates to more than {Math.Min(MaxInflatedBytes, (long)MaxInflationRatio * content.Length):N0} bytes " +
                    $"({MaxInflationRatio}:1 or {MaxInflatedBytes / 1024 / 1024} MiB at most); it is refused as a zip bomb.",
                    $"{fileName} giải nén ra hơn {Math.Min(MaxInflatedBytes, (long)MaxInflationRatio * content.Length):N0} byte " +
                    $"(tối đa {MaxInflationRatio}:1 hoặc {MaxInflatedBytes / 1024 / 1024} MiB); tệp bị từ chối như một quả bom nén.");
            }
        }
        return null;
    }

    private static bool LooksLikeText(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 4096));
        // UTF-16 with a byte-order mark is text too; otherwise a NUL byte means binary.
        if (sample.StartsWith(new byte[] { 0xFF, 0xFE }) || sample.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return true;
        }
        return sample.IndexOf((byte)0) < 0;
    }

    private static IngestProblem FileProblem(string code, string message, string messageVi) => new(null, null, null, code, message, messageVi);
}
