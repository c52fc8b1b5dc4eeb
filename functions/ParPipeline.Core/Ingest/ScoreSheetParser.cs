using System.Globalization;
using ExcelDataReader;
using ParPipeline.Indices;
using ParPipeline.Ranking;
using ParPipeline.Units;

namespace ParPipeline.Ingest;

/// <summary>
/// Reads the first sheet of a ministry file row by row (never the whole sheet in memory): finds the header
/// by the index definition's synonyms, resolves each unit, parses and range-checks its total.
/// </summary>
public sealed class ScoreSheetParser(Gazetteer gazetteer)
{
    // Ministry files carry a title block (ministry name, decision number, date) above the table.
    internal const int HeaderSearchRows = 30;

    public ParsedSheet Parse(IndexDefinition index, DroppedFile file)
    {
        using var content = new MemoryStream(file.Content, writable: false);
        IExcelDataReader reader;
        try
        {
            reader = SpreadsheetOpener.Open(content, file.Extension);
        }
        catch (Exception e) when (e is NotSupportedException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException)
        {
            return Rejected(new IngestProblem(null, null, null, ProblemCodes.NotASpreadsheet, $"{file.FileName} cannot be read as a spreadsheet: {e.Message}"));
        }

        using (reader)
        {
            try
            {
                return ParseRows(index, file, reader);
            }
            catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException or System.Xml.XmlException or FormatException)
            {
                return Rejected(new IngestProblem(reader.Name, null, null, ProblemCodes.NotASpreadsheet, $"{file.FileName} is damaged: {e.Message}"));
            }
        }
    }

    private ParsedSheet ParseRows(IndexDefinition index, DroppedFile file, IExcelDataReader reader)
    {
        var sheet = reader.Name;
        var problems = new List<IngestProblem>();
        var scores = new List<UnitScore>();
        var firstRowOfUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitHeaders = index.UnitHeaders.Select(HeaderKey).ToHashSet(StringComparer.Ordinal);
        var totalHeaders = index.TotalHeaders.Select(HeaderKey).ToHashSet(StringComparer.Ordinal);
        int? unitColumn = null, totalColumn = null;
        var row = 0;

        while (reader.Read())
        {
            row++;
            if (unitColumn is null || totalColumn is null)
            {
                if (row > HeaderSearchRows)
                {
                    break;
                }
                unitColumn = totalColumn = null;
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    var key = HeaderKey(reader.GetValue(c)?.ToString() ?? "");
                    if (unitColumn is null && unitHeaders.Contains(key))
                    {
                        unitColumn = c;
                    }
                    else if (totalColumn is null && totalHeaders.Contains(key))
                    {
                        totalColumn = c;
                    }
                }
                continue;
            }

            var unitText = reader.GetValue(unitColumn.Value)?.ToString()?.Trim() ?? "";
            var totalValue = reader.GetValue(totalColumn.Value);
            if (unitText.Length == 0 && IsBlank(totalValue))
            {
                continue;
            }

            var unit = gazetteer.Resolve(unitText);
            if (unit is null)
            {
                problems.Add(new IngestProblem(sheet, row, ColumnLetter(unitColumn.Value), ProblemCodes.UnknownUnit,
                    $"'{unitText}' is not a known province or city code or name."));
                continue;
            }
            if (!firstRowOfUnit.TryAdd(unit.Code, row))
            {
                problems.Add(new IngestProblem(sheet, row, ColumnLetter(unitColumn.Value), ProblemCodes.DuplicateUnit,
                    $"{unit.NameVi} ({unit.Code}) appears again; first at row {firstRowOfUnit[unit.Code]}."));
                continue;
            }

            var column = ColumnLetter(totalColumn.Value);
            if (IsBlank(totalValue))
            {
                problems.Add(new IngestProblem(sheet, row, column, ProblemCodes.MissingScore, $"{unit.NameVi} has no score."));
            }
            else if (!TryReadNumber(totalValue!, out var total))
            {
                problems.Add(new IngestProblem(sheet, row, column, ProblemCodes.NotANumber, $"'{totalValue}' is not a number."));
            }
            else if (total < 0 || total > index.Maximum)
            {
                problems.Add(new IngestProblem(sheet, row, column, ProblemCodes.ScoreOutOfRange,
                    $"{total.ToString(CultureInfo.InvariantCulture)} is outside 0..{index.Maximum.ToString(CultureInfo.InvariantCulture)}."));
            }
            else
            {
                scores.Add(new UnitScore(unit.Code, unit.NameVi, total));
            }
        }

        if (unitColumn is null || totalColumn is null)
        {
            return Rejected(new IngestProblem(sheet, null, null, ProblemCodes.HeaderNotFound,
                $"No header row in the first {HeaderSearchRows} rows names both a unit column ({string.Join(", ", index.UnitHeaders.Take(4))}, ...) " +
                $"and a score column ({string.Join(", ", index.TotalHeaders.Take(4))}, ...)."));
        }
        if (problems.Count == 0 && scores.Count == 0)
        {
            problems.Add(new IngestProblem(sheet, null, null, ProblemCodes.NoRows, "The table under the header has no rows."));
        }
        return problems.Count > 0 ? new ParsedSheet([], problems) : new ParsedSheet(scores, []);
    }

    private static ParsedSheet Rejected(IngestProblem problem) => new([], [problem]);

    private static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>Numbers arrive as doubles from xlsx and as text from csv, with a comma or a dot for the decimals.</summary>
    internal static bool TryReadNumber(object value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return double.IsFinite(d);
            case int or long or decimal or float:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
        }
        var text = value.ToString()?.Trim() ?? "";
        if (text.Contains(',') && !text.Contains('.'))
        {
            text = text.Replace(',', '.');
        }
        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    private static string HeaderKey(string header) => Gazetteer.NameKey(header);

    internal static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }
}
