using System.Globalization;
using System.IO.Compression;
using System.Text;
using ParPipeline.Ingest;
using ParPipeline.Units;

namespace ParPipeline.TestInputs;

/// <summary>
/// Hostile and broken drops, made in code from a seed (nothing binary to trust in the repository): damaged and
/// dangerous containers, bad tables, bad numbers, bad names. Every one must end rejected with a located error,
/// and none may bring the host down.
/// </summary>
public static class HostileCorpus
{
    private const string Par = "Tỉnh,Chỉ số CCHC";

    public static IReadOnlyList<HostileFile> All { get; } = Build();

    private static List<HostileFile> Build()
    {
        var valid = new XlsxBuilder().Sheet("PAR INDEX 2023", [["Tỉnh", "Chỉ số CCHC"], .. ProvinceTable.Scores().Select(s => new object?[] { s.Unit.NameVi, s.Score })]).Build();
        var random = new Random(9);
        var files = new List<HostileFile>
        {
            // Containers
            File("empty.csv", [], ProblemCodes.EmptyFile, "an empty file"),
            File("truncated.xlsx", valid[..(valid.Length * 6 / 10)], ProblemCodes.Corrupt, "a truncated zip"),
            File("bomb.xlsx", Zip(("xl/worksheets/sheet1.xml", new byte[16 * 1024 * 1024])), ProblemCodes.ZipBomb, "a zip bomb (16 MiB of zeros)"),
            File("bomb-spaces.xlsx", Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes(new string(' ', 64 * 1024 * 1024)))), ProblemCodes.ZipBomb, "a zip bomb in the content types"),
            // 16 MiB of zeros declared as 1 KiB in both headers: .NET inflates no more than the declared size.
            File("bomb-lying.xlsx", LyingSizes(Zip(("xl/worksheets/sheet1.xml", new byte[16 * 1024 * 1024])), 1024), ProblemCodes.Corrupt, "a zip bomb whose headers declare 1 KiB"),
            File("doctype.xlsx", Sheet("<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"),
                [ProblemCodes.Corrupt], "XML with a DOCTYPE (entity expansion)"),
            File("xxe.xlsx", Sheet("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"),
                [ProblemCodes.Corrupt], "XML with an external entity"),
            File("huge-shared-strings.xlsx", new XlsxBuilder().SharedStrings(Enumerable.Range(0, 300_000).Select(i => $"s{i:x8}{random.Next():x8}"))
                .RawSheet("Sheet1", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>").Build(),
                [ProblemCodes.HeaderNotFound, ProblemCodes.ZipBomb], "a huge shared-strings part (300,000 strings)", ProblemPlace.Sheet),
            File("encrypted.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[512]],
                ProblemCodes.Encrypted, "an encrypted xlsx"),
            File("compound-garbage.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. Bytes(random, 4096)], ProblemCodes.Corrupt, "an OLE compound file of garbage"),
            File("png.xlsx", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Bytes(random, 2048)], ProblemCodes.NotASpreadsheet, "a PNG named .xlsx"),
            File("random.csv", Bytes(random, 8192), ProblemCodes.NotASpreadsheet, "random bytes"),
            File("not-xlsx.xlsx", Zip(("readme.txt", Encoding.UTF8.GetBytes("hello"))), ProblemCodes.Corrupt, "a zip that is not a workbook"),
            File("no-workbook.xlsx", Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
                ("xl/worksheets/sheet1.xml", Encoding.UTF8.GetBytes("<worksheet/>"))), ProblemCodes.Corrupt, "an xlsx without a workbook part"),
            File("biff5.xls", Biff5(), [ProblemCodes.UnknownUnit, ProblemCodes.Corrupt], "a BIFF5 (Excel 95) workbook naming an unknown province", ProblemPlace.File),

            // Tables
            Text("no-header.csv", "1,2,3\n4,5,6\n", [ProblemCodes.HeaderNotFound], ProblemPlace.Sheet, "a sheet with no header"),
            Text("header-only.csv", Par + "\n", [ProblemCodes.NoRows], ProblemPlace.Sheet, "a header and no rows"),
            Text("wide.csv", string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"c{i}")) + "\n" + string.Join(',', Enumerable.Range(0, 10_000)) + "\n",
                [ProblemCodes.HeaderNotFound], ProblemPlace.Sheet, "a 10,000-column row"),
            Text("duplicate.csv", ProvinceTable.Csv(Par, edit: (u, s) => u.Code == "48" ? $"Hà Nội,{Num(s)}" : $"{u.NameVi},{Num(s)}"), [ProblemCodes.DuplicateUnit, ProblemCodes.MissingUnit], ProblemPlace.Cell, "a unit twice"),
            Text("unknown.csv", ProvinceTable.Csv(Par, edit: (u, s) => u.Code == "48" ? $"Atlantis,{Num(s)}" : $"{u.NameVi},{Num(s)}"), [ProblemCodes.UnknownUnit], ProblemPlace.Cell, "an unknown unit"),
            Text("missing.csv", ProvinceTable.Csv(Par, edit: (u, s) => u.Code == "48" ? null : $"{u.NameVi},{Num(s)}"), [ProblemCodes.MissingUnit], ProblemPlace.Sheet, "a unit missing"),
            Text("text-score.csv", Edit("48", "không có"), [ProblemCodes.NotANumber], ProblemPlace.Cell, "text in a score column"),
            Text("negative.csv", Edit("48", "-5"), [ProblemCodes.ScoreOutOfRange], ProblemPlace.Cell, "a negative score"),
            Text("over-maximum.csv", Edit("48", "150"), [ProblemCodes.ScoreOutOfRange], ProblemPlace.Cell, "a score over the maximum"),
            Text("nan.csv", Edit("48", "NaN"), [ProblemCodes.NotANumber], ProblemPlace.Cell, "NaN"),
            Text("infinity.csv", Edit("48", "Infinity"), [ProblemCodes.NotANumber], ProblemPlace.Cell, "Infinity"),
            Text("overflow.csv", Edit("48", "1e400"), [ProblemCodes.NotANumber], ProblemPlace.Cell, "a number too large for a double"),
            Text("missing-score.csv", Edit("48", ""), [ProblemCodes.MissingScore, ProblemCodes.NotANumber], ProblemPlace.Cell, "an empty score"),
            Text("formula-unit.csv", Unit("48", "=HYPERLINK(\"http://x\";\"Đà Nẵng\")"), [ProblemCodes.UnknownUnit], ProblemPlace.Cell, "a formula as a unit name"),
            Text("long-unit.csv", Unit("48", new string('Đ', 5_000)), [ProblemCodes.UnknownUnit], ProblemPlace.Cell, "a 5,000-character unit name"),
            Text("control-unit.csv", Unit("48", "Đà\u0007Nẵng\u001b[31m"), [ProblemCodes.UnknownUnit], ProblemPlace.Cell, "control characters in a unit name"),
            Text("script-unit.csv", Unit("48", "<script>alert(1)</script>"), [ProblemCodes.UnknownUnit], ProblemPlace.Cell, "markup as a unit name"),
            Text("many-problems.csv", Par + "\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i => $"Atlantis {i},80\n")), [ProblemCodes.UnknownUnit], ProblemPlace.Cell, "3,000 bad rows"),
            Text("components.csv", ProvinceTable.Csv("Tỉnh,Chỉ số CCHC,Điểm thẩm định,Điểm điều tra xã hội học",
                edit: (u, s) => $"{u.NameVi},{Num(s)},{Num(s - 30)},{Num(u.Code == "48" ? 40 : 30)}"), [ProblemCodes.ComponentsDoNotSum], ProblemPlace.Cell, "parts that do not add up"),
            Text("html-export.xls", "<html><body><table><tr><td>Tỉnh</td><td>Điểm</td></tr><tr><td>Hà Nội</td><td>90</td></tr></table></body></html>",
                [ProblemCodes.HeaderNotFound, ProblemCodes.NotASpreadsheet], ProblemPlace.Sheet, "a web page saved as .xls"),
            Text("quote.csv", Par + "\n\"Hà Nội,90\n" + string.Concat(ProvinceTable.Scores().Skip(1).Select(s => $"{s.Unit.NameVi},{Num(s.Score)}\n")),
                [ProblemCodes.MissingUnit, ProblemCodes.UnknownUnit, ProblemCodes.NoRows], ProblemPlace.Sheet, "an unterminated quote"),

            // Encodings and separators, each with a bad row the error must find
            Encoded("bom.csv", new UTF8Encoding(true), Unit("48", "Atlantis"), "UTF-8 with a byte-order mark"),
            Encoded("no-bom.csv", new UTF8Encoding(false), Unit("48", "Atlantis"), "UTF-8 without a byte-order mark"),
            Encoded("semicolon.csv", new UTF8Encoding(false), Unit("48", "Atlantis").Replace(',', ';'), "semicolon-delimited"),
            Encoded("utf16le.csv", new UnicodeEncoding(false, true), Unit("48", "Atlantis"), "UTF-16 little-endian"),
            Encoded("utf16be.csv", new UnicodeEncoding(true, true), Unit("48", "Atlantis"), "UTF-16 big-endian"),
            Encoded("tab.csv", new UTF8Encoding(false), Unit("48", "Atlantis").Replace(',', '\t'), "tab-delimited"),

            // Other indices and eras
            Text("sipas-over.csv", ProvinceTable.Csv("Tỉnh/thành phố;Chỉ số SIPAS (%)", edit: (u, s) => $"{u.NameVi};{(u.Code == "48" ? "101,5" : Num(s).Replace('.', ','))}"),
                [ProblemCodes.ScoreOutOfRange], ProblemPlace.Cell, "a satisfaction over 100%", index: "SIPAS"),
            Text("merged-2025.csv", ProvinceTable.Csv(Par, year: 2025, edit: (u, s) => u.Code == "48" ? $"Quảng Nam,{Num(s)}" : $"{u.NameVi},{Num(s)}"),
                [ProblemCodes.UnknownUnit], ProblemPlace.Cell, "a province merged away in 2025", year: 2025),
            Text("province-as-ministry.csv", "\"Bộ, ngành\",Chỉ số CCHC\n" + string.Concat(ProvinceTable.Gazetteer.UnitsFor(UnitKind.Ministry, 2023)
                .Select((m, i) => $"\"{(i == 0 ? "Hà Nội" : m.NameVi)}\",{Num(80 + i * 0.5)}\n")), [ProblemCodes.UnknownUnit], ProblemPlace.Cell, "a province in the ministries' index", index: "PAR-MINISTRIES"),

            // Long format
            Long("long-duplicate.csv", (u, i) => i == 1 ? $"{u},2023,TC1,5" : null, "DUPLICATE_CRITERION", "a criterion twice"),
            Long("long-bad-year.csv", (u, i) => i == 1 ? $"{u},hai nghìn,TC9,5" : null, "BAD_YEAR", "a year that is not a year"),
            Long("long-other-year.csv", (u, i) => i == 1 ? $"{u},2022,TC9,5" : null, "YEAR_MISMATCH", "a row of another year"),
            Long("long-empty-criterion.csv", (u, i) => i == 1 ? $"{u},2023,,5" : null, "BAD_CRITERION", "an empty criterion"),
            Long("long-out-of-range.csv", (u, i) => i == 1 ? $"{u},2023,TC9,500" : null, ProblemCodes.ScoreOutOfRange, "a criterion score over the maximum"),
            Long("long-unknown.csv", (u, i) => i == 1 ? "Atlantis,2023,TC9,5" : null, ProblemCodes.UnknownUnit, "an unknown unit in a long file"),

            // Names
            Named("HDI/2023/hdi.csv", ProvinceTable.Csv(Par), ProblemCodes.UnknownIndex, "an unknown index in the path"),
            Named("PAR/20x3/par.csv", ProvinceTable.Csv(Par), ProblemCodes.BadDropPath, "a year that is not a year in the path"),
            new("uploads/untitled.csv", Encoding.UTF8.GetBytes(ProvinceTable.Csv(Par)), [ProblemCodes.UnrecognisedFile, ProblemCodes.NoYear], ProblemPlace.File, "no index or year in the path or the title"),
            Named("PAR/untitled.csv", ProvinceTable.Csv(Par), ProblemCodes.NoYear, "no year in the path or the title"),
            Named("PAR/2023/../../etc/passwd.csv", ProvinceTable.Csv(Par), ProblemCodes.UnsafeDropName, "a name with '..'"),
            Named("PAR/2023/a\u0007b\u001b.csv", ProvinceTable.Csv(Par), ProblemCodes.UnsafeDropName, "a name with control characters"),
            Named("PAR\\2023\\par.csv", ProvinceTable.Csv(Par), ProblemCodes.UnsafeDropName, "a name with backslashes"),
            Named("PAR/2023/" + new string('a', 400) + ".csv", ProvinceTable.Csv(Par), ProblemCodes.UnsafeDropName, "a 400-character name"),
        };
        return files;
    }

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Edit(string code, string score) => ProvinceTable.Csv(Par, edit: (u, s) => $"{u.NameVi},{(u.Code == code ? score : Num(s))}");

    private static string Unit(string code, string name) =>
        ProvinceTable.Csv(Par, edit: (u, s) => $"{(u.Code == code ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : u.NameVi)},{Num(s)}");

    private static HostileFile File(string name, byte[] bytes, string code, string what) => File(name, bytes, [code], what);

    private static HostileFile File(string name, byte[] bytes, IReadOnlyList<string> codes, string what, ProblemPlace place = ProblemPlace.File) =>
        new($"PAR/2023/{name}", bytes, codes, place, what);

    private static HostileFile Text(string name, string text, IReadOnlyList<string> codes, ProblemPlace place, string what, string index = "PAR", int year = 2023) =>
        new($"{index}/{year}/{name}", Encoding.UTF8.GetBytes(text), codes, place, what);

    private static HostileFile Encoded(string name, Encoding encoding, string text, string what) =>
        new($"PAR/2023/{name}", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)], [ProblemCodes.UnknownUnit], ProblemPlace.Cell, what);

    private static HostileFile Named(string name, string text, string code, string what) =>
        new(name, Encoding.UTF8.GetBytes(text), [code], ProblemPlace.File, what);

    /// <summary>A complete long-format file (every province, criteria TC1..TC3) with one bad row added.</summary>
    private static HostileFile Long(string name, Func<string, int, string?> extra, string code, string what)
    {
        var text = new StringBuilder("Tỉnh,Năm,Tiêu chí,Điểm\n");
        foreach (var (unit, _) in ProvinceTable.Scores())
        {
            for (var c = 1; c <= 3; c++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{unit.NameVi},2023,TC{c},{c}.5\n");
            }
            if (extra(unit.NameVi, unit.Code == "48" ? 1 : 0) is { } line)
            {
                text.Append(line).Append('\n');
            }
        }
        var place = code == ProblemCodes.MissingUnit ? ProblemPlace.Sheet : ProblemPlace.Cell;
        return new($"PAR/2023/{name}", Encoding.UTF8.GetBytes(text.ToString()), [code], place, what);
    }

    private static byte[] Sheet(string xml) => new XlsxBuilder().RawSheet("Sheet1", xml).Build();

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        // Never a valid text file by accident.
        bytes[0] = 0x00;
        return bytes;
    }

    private static byte[] Zip(params (string Path, byte[] Content)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in parts)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The zip with every entry's uncompressed size rewritten to <paramref name="declared"/> in its local header and in
    /// the central directory alike (so the two agree, as .NET checks), whatever the entry really inflates to.</summary>
    public static byte[] LyingSizes(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034B50 && i + 26 <= bytes.Length)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), declared);
            }
            else if (signature == 0x02014B50 && i + 28 <= bytes.Length)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared);
            }
        }
        return bytes;
    }

    /// <summary>An Excel 95 (BIFF5) workbook: a complete header and a province no one has heard of.</summary>
    private static byte[] Biff5() =>
        Biff5Writer.Write("PAR INDEX 2023", [["Tinh", "Chi so CCHC"], ["Atlantis", 80.5], .. ProvinceTable.Scores().Skip(1).Select(s => new object[] { s.Unit.NameEn, s.Score })]);
}
