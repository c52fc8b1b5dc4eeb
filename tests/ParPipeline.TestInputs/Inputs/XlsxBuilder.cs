using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace ParPipeline.TestInputs;

/// <summary>
/// Writes small xlsx workbooks in code (sheets, rows, merged ranges), so a test shows the very cells it
/// feeds the parser instead of hiding them in a binary fixture.
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<(string Name, List<object?[]> Rows, List<string> Merges)> _sheets = [];
    private readonly Dictionary<int, string> _rawSheets = [];
    private List<string>? _sharedStrings;

    /// <summary>A shared-strings part (cells refer to it with t="s"), for hostile-input tests.</summary>
    public XlsxBuilder SharedStrings(IEnumerable<string> strings)
    {
        _sharedStrings = [.. strings];
        return this;
    }

    /// <summary>A sheet given as its raw XML, for hostile-input tests.</summary>
    public XlsxBuilder RawSheet(string name, string xml)
    {
        _rawSheets[_sheets.Count] = xml;
        _sheets.Add((name, [], []));
        return this;
    }

    public XlsxBuilder Sheet(string name, IEnumerable<object?[]> rows, params string[] merges)
    {
        _sheets.Add((name, rows.ToList(), merges.ToList()));
        return this;
    }

    public byte[] Build()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            var overrides = string.Concat(_sheets.Select((_, i) =>
                $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
            Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" + overrides + "</Types>");
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
                string.Concat(_sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) + "</sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                string.Concat(_sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
                (_sharedStrings is null ? "" : "<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                "</Relationships>");
            if (_sharedStrings is not null)
            {
                Add("xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{_sharedStrings.Count}\" uniqueCount=\"{_sharedStrings.Count}\">" +
                    string.Concat(_sharedStrings.Select(s => $"<si><t>{SecurityElement.Escape(s)}</t></si>")) + "</sst>");
            }
            for (var i = 0; i < _sheets.Count; i++)
            {
                Add($"xl/worksheets/sheet{i + 1}.xml", _rawSheets.TryGetValue(i, out var raw) ? raw : SheetXml(_sheets[i].Rows, _sheets[i].Merges));
            }
        }
        return buffer.ToArray();
    }

    private static string SheetXml(List<object?[]> rows, List<string> merges)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < rows.Count; r++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{ParPipeline.Ingest.ScoreColumns.Letter(c)}{r + 1}";
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case double or int or long or decimal:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Convert.ToString(rows[r][c], CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    default:
                        xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(rows[r][c]!.ToString())}</t></is></c>");
                        break;
                }
            }
            xml.Append("</row>");
        }
        xml.Append("</sheetData>");
        if (merges.Count > 0)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{merges.Count}\">").Append(string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))).Append("</mergeCells>");
        }
        return xml.Append("</worksheet>").ToString();
    }
}
