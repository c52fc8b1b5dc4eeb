using System.IO.Compression;
using System.Text;
using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest.Office;

/// <summary>
/// What the xlsx probe reads from parts written by hand: which cells it reports and as what, how it finds a sheet's part
/// (workbook order, relationship targets relative or absolute), hidden rows however they are marked or wherever the
/// mark falls in the part, and what it keeps when a part it reads is damaged.
/// </summary>
public sealed class OoxmlCellProbeTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static byte[] Package(IEnumerable<(string Path, string Text)> parts)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in parts)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.NoCompression).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return memory.ToArray();
    }

    /// <summary>A workbook whose sheets are listed in the given order, each by its relationship id and target.</summary>
    private static byte[] Workbook(IEnumerable<(string? RelId, string Target, string? Xml)> sheets, IEnumerable<(string Path, string Text)>? more = null)
    {
        var list = sheets.ToList();
        var workbook = $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(list.Select((s, i) => s.RelId is null ? $"<sheet name=\"S{i}\" sheetId=\"{i + 1}\"/>" : $"<sheet name=\"S{i}\" sheetId=\"{i + 1}\" r:id=\"{s.RelId}\"/>"))
            + "</sheets></workbook>";
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(list.Where(s => s.RelId is not null).Select(s => $"<Relationship Id=\"{s.RelId}\" Target=\"{s.Target}\"/>"))
            + "</Relationships>";
        var parts = new List<(string, string)> { ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels) };
        parts.AddRange(list.Where(s => s.Xml is not null).Select(s => (s.Target.StartsWith('/') ? s.Target[1..] : "xl/" + s.Target, s.Xml!)));
        parts.AddRange(more ?? []);
        return Package(parts);
    }

    private static string Sheet(string sheetData) => $"<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>";

    private static IReadOnlyDictionary<string, (ProbedCell, string?)> Probe(byte[] xlsx, int sheet, params string[] cells) =>
        OoxmlCellProbe.Probe(xlsx, sheet, new HashSet<string>(cells, StringComparer.Ordinal));

    [Fact]
    public void Errors_and_formulas_saved_without_a_value_are_reported_and_nothing_else()
    {
        var xml = Sheet("<row r=\"1\">"
            + "<c r=\"A1\" t=\"e\"><v>#N/A</v></c>"
            + "<c r=\"B1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
            + "<c r=\"C1\"><f>SUM(A2:A9)</f></c>"
            + "<c r=\"D1\"><f>SUM(A2:A9)</f><v></v></c>"
            + "<c r=\"E1\"><f>SUM(A2:A9)</f><v>88.68</v></c>"
            + "<c r=\"F1\"><v>90</v></c>"
            + "<c r=\"G1\"/>"
            + "<c r=\"H1\" t=\"e\"/>"
            + "<c t=\"e\"><v>#REF!</v></c>"
            + "<c r=\"I1\" t=\"e\"><v>#NUM!</v></c>"
            + "<c r=\"J1\" t=\"e\"></c>"
            + "<c r=\"K1\" t=\"inlineStr\"><is><t>Hà Nội</t></is></c>"
            + "<c r=\"L1\"><f t=\"shared\" si=\"0\"/></c>"
            + "</row>");
        var found = Probe(Workbook([("rId1", "worksheets/sheet1.xml", xml)]), 0, "A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "J1", "K1", "L1");
        var expected = new Dictionary<string, (ProbedCell, string?)>
        {
            ["A1"] = (ProbedCell.Error, "#N/A"),
            ["B1"] = (ProbedCell.Error, "#DIV/0!"),
            ["C1"] = (ProbedCell.FormulaWithoutValue, null),
            ["D1"] = (ProbedCell.FormulaWithoutValue, null),
            ["J1"] = (ProbedCell.Error, null),
            // A shared formula is written as an empty <f/> on every cell but the first: still a formula.
            ["L1"] = (ProbedCell.FormulaWithoutValue, null),
        };
        // I1 is an error but not asked for; the cell without an address cannot be asked for.
        Assert.Equal(expected, found);
    }

    [Fact]
    public void The_sheet_is_found_in_workbook_order_through_its_relationship_relative_or_absolute()
    {
        static string Error(string text) => Sheet($"<row r=\"1\"><c r=\"A1\" t=\"e\"><v>{text}</v></c></row>");
        var xlsx = Workbook(
        [
            ("rId9", "worksheets/sheet3.xml", Error("#NULL!")),
            ("rId2", "/xl/worksheets/sheet2.xml", Error("#REF!")),
            (null, "worksheets/none.xml", null),
            ("rId5", "worksheets/missing.xml", null),
            ("rId1", "worksheets/sheet1.xml", Error("#NAME?")),
        ]);
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#NULL!") }, Probe(xlsx, 0, "A1"));
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#REF!") }, Probe(xlsx, 1, "A1"));
        Assert.Empty(Probe(xlsx, 2, "A1"));
        Assert.Empty(Probe(xlsx, 3, "A1"));
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#NAME?") }, Probe(xlsx, 4, "A1"));
        Assert.Empty(Probe(xlsx, 5, "A1"));
    }

    [Fact]
    public void A_part_damaged_after_the_cells_found_keeps_them_and_a_file_that_is_no_zip_gives_none()
    {
        var damaged = $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"e\"><v>#N/A</v></c></row><row r=\"2\"><c r=\"A2\" t=\"e\"><v>#REF!</v></row></sheetData></worksheet>";
        Assert.Equal(new Dictionary<string, (ProbedCell, string?)> { ["A1"] = (ProbedCell.Error, "#N/A") }, Probe(Workbook([("rId1", "worksheets/sheet1.xml", damaged)]), 0, "A1", "A2"));
        Assert.Empty(Probe(Encoding.UTF8.GetBytes("Hà Nội,90"), 0, "A1"));
        Assert.Empty(OoxmlCellProbe.HiddenRows(Encoding.UTF8.GetBytes("Hà Nội,90")));
        // A DTD is refused before any cell is read.
        var withDtd = "<!DOCTYPE worksheet [<!ENTITY e \"#N/A\">]>" + Sheet("<row r=\"1\"><c r=\"A1\" t=\"e\"><v>&e;</v></c></row>");
        Assert.Empty(Probe(Workbook([("rId1", "worksheets/sheet1.xml", withDtd)]), 0, "A1"));
    }

    [Fact]
    public void Hidden_rows_are_read_by_sheet_however_xsd_boolean_marks_them()
    {
        var xlsx = Workbook(
        [
            ("rId1", "worksheets/sheet1.xml", Sheet("<row r=\"1\"/><row r=\"2\" hidden=\"0\"/><row r=\"3\" hidden=\"false\"/>")),
            ("rId2", "worksheets/sheet2.xml", Sheet("<row r=\"1\" hidden=\"1\"/><row r=\"2\"/><row r=\"4\" hidden=\"1\"/><row hidden=\"1\"/><row r=\"x\" hidden=\"1\"/>")),
            ("rId3", "worksheets/sheet3.xml", Sheet("<row r=\"7\" hidden=\"true\"/><row r=\"8\" hidden=\"false\"/>")),
            // A hidden column is no hidden row.
            ("rId4", "worksheets/sheet4.xml", $"<worksheet xmlns=\"{Main}\"><cols><col min=\"1\" max=\"1\" hidden=\"1\"/></cols><sheetData><row r=\"1\"/></sheetData></worksheet>"),
        ],
        // A part no sheet names, marked too: not a sheet ExcelDataReader shows.
        [("xl/worksheets/sheet9.xml", Sheet("<row r=\"5\" hidden=\"1\"/>"))]);
        var hidden = OoxmlCellProbe.HiddenRows(xlsx);
        Assert.Equal([1, 2], hidden.Keys.Order());
        Assert.Equal([1, 4], hidden[1].Order());
        Assert.Equal([7], hidden[2].Order());
    }

    [Fact]
    public void A_damaged_sheet_keeps_the_hidden_rows_of_the_sheets_read_before_it()
    {
        var xlsx = Workbook(
        [
            ("rId1", "worksheets/sheet1.xml", Sheet("<row r=\"3\" hidden=\"1\"/>")),
            ("rId2", "worksheets/sheet2.xml", $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"5\" hidden=\"1\"><row></sheetData>"),
        ]);
        var hidden = OoxmlCellProbe.HiddenRows(xlsx);
        Assert.Equal([0], hidden.Keys);
        Assert.Equal([3], hidden[0].Order());
    }

    [Fact]
    public void A_workbook_that_marks_no_row_hidden_has_none_even_where_another_part_does()
    {
        var xlsx = Workbook(
            [("rId1", "worksheets/sheet1.xml", Sheet("<row r=\"1\" hidden=\"0\"/>"))],
            [("xl/chartsheets/sheet1.xml", Sheet("<row r=\"1\" hidden=\"1\"/>")), ("xl/worksheets/_rels/sheet1.xml.rels", "hidden=\"1\"")]);
        Assert.Empty(OoxmlCellProbe.HiddenRows(xlsx));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(12)]
    public void A_hidden_mark_cut_by_the_64_KiB_read_is_still_seen(int before)
    {
        // The mark's first `before` bytes end the first 64 KiB of the part; the rest begins the next read.
        var head = $"<worksheet xmlns=\"{Main}\"><sheetData><!--";
        var mark = "<row r=\"3\" hidden=\"true\"/>";
        var markAt = (64 * 1024) - before - mark.IndexOf("hidden", StringComparison.Ordinal);
        var xml = head + new string('x', markAt - head.Length - 3) + "-->" + mark + "</sheetData></worksheet>";
        var hidden = OoxmlCellProbe.HiddenRows(Workbook([("rId1", "worksheets/sheet1.xml", xml)]));
        Assert.Equal([3], hidden[0].Order());
    }
}
