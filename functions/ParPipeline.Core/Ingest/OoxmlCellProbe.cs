using System.IO.Compression;
using System.Xml;

namespace ParPipeline.Ingest;

/// <summary>What an empty-looking xlsx cell really holds.</summary>
public enum ProbedCell
{
    /// <summary>A formula saved without its result (<c>&lt;f&gt;</c>, no <c>&lt;v&gt;</c>): the file was never recalculated.</summary>
    FormulaWithoutValue,

    /// <summary>An error value (<c>t="e"</c>): <c>#N/A</c>, <c>#DIV/0!</c>, ...</summary>
    Error,
}

/// <summary>
/// ExcelDataReader shows a formula without a cached value and an error cell alike as an empty cell. When a score
/// is missing from an xlsx, this looks at the sheet's XML for those cells only, so the sender is told "recalculate"
/// or "#DIV/0!" instead of "empty". Read only on the way to a rejection, never for a file that is ingested.
/// </summary>
public static class OoxmlCellProbe
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The cells among <paramref name="addresses"/> (A1 style) of the sheet at <paramref name="sheetIndex"/> (workbook
    /// order, as ExcelDataReader counts) that are formulas without a value or errors, with the error's text.</summary>
    public static IReadOnlyDictionary<string, (ProbedCell Kind, string? Text)> Probe(byte[] content, int sheetIndex, IReadOnlySet<string> addresses)
    {
        var found = new Dictionary<string, (ProbedCell, string?)>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (SheetParts(zip).ElementAtOrDefault(sheetIndex) is not { } part)
            {
                return found;
            }
            using var reader = XmlReader.Create(part.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
            while (reader.ReadToFollowing("c", Main))
            {
                var address = reader.GetAttribute("r");
                var type = reader.GetAttribute("t");
                if (address is null || !addresses.Contains(address) || reader.IsEmptyElement)
                {
                    continue;
                }
                var (formula, value) = (false, (string?)null);
                using (var cell = reader.ReadSubtree())
                {
                    while (cell.Read())
                    {
                        if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "f")
                        {
                            formula = true;
                        }
                        else if (cell.NodeType == XmlNodeType.Element && cell.LocalName == "v")
                        {
                            value = cell.ReadElementContentAsString();
                        }
                    }
                }
                if (type == "e")
                {
                    found[address] = (ProbedCell.Error, value);
                }
                else if (formula && string.IsNullOrEmpty(value))
                {
                    found[address] = (ProbedCell.FormulaWithoutValue, null);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            // The reader opened this file; a part it did not need may still be damaged: say what is known.
        }
        return found;
    }

    /// <summary>
    /// The 1-based rows marked hidden, by sheet (workbook order, as ExcelDataReader counts); sheets with none are absent.
    /// ExcelDataReader 3.6 shows a row hidden with <c>hidden="1"</c> as height 0 but one with <c>hidden="true"</c> (as
    /// LibreOffice writes it; both are xsd:boolean) as a visible row.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlySet<int>> HiddenRows(byte[] content)
    {
        var hidden = new Dictionary<int, IReadOnlySet<int>>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            // Every worksheet part searched as bytes first: most workbooks mark no row hidden, and then neither the
            // workbook's sheet list nor any sheet is parsed as XML (that took three quarters of the time).
            var marked = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && MarksHidden(e)).ToHashSet();
            if (marked.Count == 0)
            {
                return hidden;
            }
            var parts = SheetParts(zip);
            for (var sheet = 0; sheet < parts.Count && parts[sheet] is { } part; sheet++)
            {
                if (!marked.Contains(part))
                {
                    continue;
                }
                var rows = new HashSet<int>();
                using var reader = XmlReader.Create(part.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
                while (reader.ReadToFollowing("row", Main))
                {
                    if (reader.GetAttribute("hidden") is "1" or "true" && int.TryParse(reader.GetAttribute("r"), out var row))
                    {
                        rows.Add(row);
                    }
                }
                if (rows.Count > 0)
                {
                    hidden[sheet] = rows;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
        }
        return hidden;
    }

    private static bool MarksHidden(ZipArchiveEntry part)
    {
        const int Overlap = 16;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var stream = part.Open();
            var kept = 0;
            int read;
            while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
            {
                var span = buffer.AsSpan(0, kept + read);
                if (span.IndexOf("hidden=\"1\""u8) >= 0 || span.IndexOf("hidden=\"true\""u8) >= 0)
                {
                    return true;
                }
                // The last bytes again at the start, so a mark cut between two reads is still seen.
                kept = Math.Min(Overlap, span.Length);
                span[^kept..].CopyTo(buffer);
            }
            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Each sheet's part in workbook order (null where its relationship names no part): the sheet list and
    /// its relationships read once each.</summary>
    private static List<ZipArchiveEntry?> SheetParts(ZipArchive zip)
    {
        var ids = new List<string?>();
        using (var workbook = Open(zip, "xl/workbook.xml"))
        {
            while (workbook?.ReadToFollowing("sheet", Main) == true)
            {
                ids.Add(workbook.GetAttribute("id", Relationships));
            }
        }
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var rels = Open(zip, "xl/_rels/workbook.xml.rels"))
        {
            while (rels?.ReadToFollowing("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships") == true)
            {
                if (rels.GetAttribute("Id") is { } id && rels.GetAttribute("Target") is { } target)
                {
                    targets.TryAdd(id, target);
                }
            }
        }
        return [.. ids.Select(id => id is not null && targets.TryGetValue(id, out var target)
            ? zip.GetEntry(target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target)
            : null)];
    }

    private static XmlReader? Open(ZipArchive zip, string path) =>
        zip.GetEntry(path) is { } entry
            ? XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit })
            : null;
}
