using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace ParPipeline.Tests.Ingest.Office;

/// <summary>A cell as Excel writes it: text goes to the shared strings exactly as given (so <c>_x000D_</c> stays an
/// escape), numbers carry a style, formulas their cached value (or none), errors <c>t="e"</c>.</summary>
public sealed record XCell(object? Value, XStyle Style = XStyle.General, string? Formula = null, bool Error = false)
{
    public static implicit operator XCell(string text) => new(Value: text);

    public static implicit operator XCell(double number) => new(Value: number);

    public static XCell Percent(double fraction) => new(fraction, XStyle.Percent);

    public static XCell Date(double serial) => new(serial, XStyle.Date);

    public static XCell WithFormula(string formula, double? cached) => new(cached, Formula: formula);

    public static XCell ErrorValue(string error) => new(error, Error: true);
}

/// <summary>The cell formats Excel writes in styles.xml: built-in 10 (0.00%) and 14 (a short date), and a custom "0.00".</summary>
public enum XStyle
{
    General = 0,
    Percent = 1,
    Date = 2,
    TwoDecimals = 3,
}

/// <summary>
/// Writes xlsx parts the way Excel does (shared strings, styles.xml with number formats, cached formula values,
/// hidden rows and sheets, merges, an autofilter), for the OOXML half of the office corpus: the cases LibreOffice
/// cannot be made to write (an escape it would decode, a formula saved uncalculated).
/// </summary>
public sealed class ExcelStyleWorkbook
{
    private readonly List<SheetSpec> _sheets = [];
    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);

    /// <param name="HiddenAs">How a hidden row is marked: "1" as Excel writes it, "true" as LibreOffice does.</param>
    public sealed record SheetSpec(string Name, IReadOnlyList<XCell?[]> Rows, bool Hidden, IReadOnlySet<int> HiddenRows, IReadOnlyList<string> Merges, string? AutoFilter, string HiddenAs);

    public ExcelStyleWorkbook Sheet(string name, IEnumerable<XCell?[]> rows, bool hidden = false, IEnumerable<int>? hiddenRows = null,
        IEnumerable<string>? merges = null, string? autoFilter = null, string hiddenAs = "1")
    {
        _sheets.Add(new SheetSpec(name, [.. rows], hidden, (hiddenRows ?? []).ToHashSet(), [.. merges ?? []], autoFilter, hiddenAs));
        return this;
    }

    public byte[] Build()
    {
        var sheetXml = _sheets.Select(SheetXml).ToList();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            const string head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
            Add("[Content_Types].xml", head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                string.Concat(_sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
                "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Add("_rels/.rels", head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", head + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><bookViews><workbookView/></bookViews><sheets>" +
                string.Concat(_sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\"{(s.Hidden ? " state=\"hidden\"" : "")} r:id=\"rId{i + 1}\"/>")) +
                "</sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                string.Concat(_sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
                "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
                "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            Add("xl/styles.xml", head + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/></numFmts>" +
                "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders>" +
                "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"4\">" +
                "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" +
                "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            Add("xl/sharedStrings.xml", head + $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{_strings.Count}\" uniqueCount=\"{_strings.Count}\">" +
                string.Concat(_strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>")) + "</sst>");
            for (var i = 0; i < _sheets.Count; i++)
            {
                Add($"xl/worksheets/sheet{i + 1}.xml", sheetXml[i]);
            }
        }
        return buffer.ToArray();
    }

    private string SheetXml(SheetSpec sheet)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var number = r + 1;
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{number}\"{(sheet.HiddenRows.Contains(number) ? $" hidden=\"{sheet.HiddenAs}\"" : "")}>");
            for (var c = 0; c < sheet.Rows[r].Length; c++)
            {
                if (sheet.Rows[r][c] is not { } cell)
                {
                    continue;
                }
                var reference = $"{ParPipeline.Ingest.ScoreColumns.Letter(c)}{number}";
                var style = cell.Style == XStyle.General ? "" : $" s=\"{(int)cell.Style}\"";
                var formula = cell.Formula is null ? "" : $"<f>{SecurityElement.Escape(cell.Formula)}</f>";
                switch (cell)
                {
                    case { Error: true }:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"e\"{style}>{formula}<v>{SecurityElement.Escape(cell.Value?.ToString())}</v></c>");
                        break;
                    case { Value: null }:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"{style}>{formula}</c>");
                        break;
                    case { Value: string text }:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"{style} t=\"s\">{formula}<v>{StringIndex(text)}</v></c>");
                        break;
                    default:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"{style}>{formula}<v>{Convert.ToString(cell.Value, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                }
            }
            xml.Append("</row>");
        }
        xml.Append("</sheetData>");
        if (sheet.AutoFilter is { } filter)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<autoFilter ref=\"{filter}\"/>");
        }
        if (sheet.Merges.Count > 0)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{sheet.Merges.Count}\">").Append(string.Concat(sheet.Merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))).Append("</mergeCells>");
        }
        return xml.Append("</worksheet>").ToString();
    }

    private int StringIndex(string text)
    {
        if (!_stringIndex.TryGetValue(text, out var i))
        {
            i = _strings.Count;
            _strings.Add(text);
            _stringIndex[text] = i;
        }
        return i;
    }
}
