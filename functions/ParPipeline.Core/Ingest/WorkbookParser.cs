using System.Globalization;
using System.Text.RegularExpressions;
using ExcelDataReader;
using ParPipeline.Indices;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Ingest;

/// <summary>
/// Reads a ministry workbook row by row (never a DataSet, never a whole sheet in memory): looks at the first
/// rows of every sheet for an index's title and header, chooses the sheet(s), then streams the chosen
/// sheet's rows into unit records. Problems are values with their sheet, row and column.
/// </summary>
public sealed partial class WorkbookParser(Gazetteer gazetteer, IndexCatalog catalog)
{
    // Ministry files carry a title block (ministry, decision number, date) above the table.
    public const int HeaderSearchRows = 30;

    // A hostile file can hold a million bad rows; the report keeps the first thousand and counts the rest.
    public const int MaxProblems = 1000;

    public ParsedWorkbook Parse(DroppedFile file, DropTarget target, CancellationToken ct)
    {
        var (reader, problem) = SpreadsheetOpener.TryOpen(file.Content, file.FileName);
        if (reader is null)
        {
            return ParsedWorkbook.Rejected(problem!);
        }
        using (reader)
        {
            return Parse(reader, file, target, ct);
        }
    }

    /// <summary>Parses with a reader the caller owns, so a long-format annex is streamed by the same reader
    /// (opening an xlsx scans its whole sheet once before the first row; the annex need not pay twice).</summary>
    public ParsedWorkbook Parse(IExcelDataReader reader, DroppedFile file, DropTarget target, CancellationToken ct)
    {
        try
        {
            return ParseOpened(reader, file, target, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a hostile file makes the reader throw (a huge allocation included) ends as a
            // rejected file, never as a crash or an endless retry.
            return ParsedWorkbook.Rejected(SpreadsheetOpener.Failure(e, file.FileName));
        }
    }

    private ParsedWorkbook ParseOpened(IExcelDataReader reader, DroppedFile file, DropTarget target, CancellationToken ct)
    {
        var sheets = ScanSheets(reader, ct);
        var plans = new List<SheetPlan>();
        var longPlans = new List<LongTablePlan>();
        foreach (var sheet in sheets)
        {
            var title = TitleText(sheet, HeaderSearchRows);
            var named = SheetTitle.Indices(title, catalog);
            var candidates = target.Index is { } fixedIndex ? [fixedIndex] : named;
            foreach (var index in candidates)
            {
                // A criterion column makes a long-format annex, even where a unit and a score column would also
                // pass for a table of totals.
                // The year is read above the table only: a year column's values are data, not a title.
                if (HeaderLocator.FindLong(index, sheet.Rows) is { } longLayout)
                {
                    longPlans.Add(new LongTablePlan(sheet.Index, sheet.Name, index, target.Year ?? SheetTitle.Year(TitleText(sheet, longLayout.HeaderRow)), longLayout));
                }
                else if (HeaderLocator.Find(index, sheet.Rows, sheet.Merges) is { } layout)
                {
                    plans.Add(new SheetPlan(sheet, index, target.Year ?? SheetTitle.Year(TitleText(sheet, layout.HeaderRow)), layout, named.Contains(index)));
                }
            }
        }
        if (longPlans.Count > 0 && plans.Count == 0)
        {
            return new ParsedWorkbook([], []) { LongTables = longPlans };
        }

        var chosen = Choose(plans, target, out var warnings);
        if (chosen.Count == 0)
        {
            return ParsedWorkbook.Rejected(NothingFound(file, target, sheets));
        }
        if (chosen.FirstOrDefault(p => p.Year is null) is { } yearless)
        {
            return ParsedWorkbook.Rejected(new IngestProblem(yearless.Sheet.Name, null, null, ProblemCodes.NoYear,
                $"{file.FileName} does not say which year its {yearless.Index.Code} scores are for: drop it as " +
                $"{yearless.Index.Code}/{{year}}/{file.FileName}, or put the year in the sheet's title (e.g. '{yearless.Index.Code} INDEX 2023')."));
        }

        var tables = new List<ScoreTable>();
        var problems = new List<IngestProblem>();
        foreach (var plan in chosen.OrderBy(p => p.Sheet.Index))
        {
            var (table, tableProblems) = ReadTable(reader, plan, ct);
            problems.AddRange(tableProblems);
            if (table is not null)
            {
                tables.Add(table with { Warnings = [.. warnings.Where(w => w.Index == plan.Index.Code).Select(w => w.Warning), .. table.Warnings] });
            }
        }
        if (problems.Count > MaxProblems)
        {
            var more = problems.Count - MaxProblems;
            problems = [.. problems.Take(MaxProblems), new IngestProblem(null, null, null, "TOO_MANY_PROBLEMS", $"{more:N0} more problems are not listed.")];
        }
        return problems.Count > 0 ? new ParsedWorkbook([], problems) : new ParsedWorkbook(tables, []);
    }

    private static List<SheetPlan> Choose(List<SheetPlan> plans, DropTarget target, out List<(string Index, IngestProblem Warning)> warnings)
    {
        warnings = [];
        var chosen = new List<SheetPlan>();
        // One table per index-year: a sheet whose title names the index wins, else the first sheet.
        foreach (var group in plans.GroupBy(p => (p.Index.Code, target.Index is null ? p.Year : target.Year)))
        {
            var best = group.OrderByDescending(p => p.TitleNamesIndex).ThenBy(p => p.Sheet.Index).First();
            chosen.Add(best);
            foreach (var other in group.Where(p => p != best))
            {
                warnings.Add((best.Index.Code, new IngestProblem(other.Sheet.Name, other.Layout.HeaderRow, null, ProblemCodes.SheetIgnored,
                    $"Sheet '{other.Sheet.Name}' also has a {best.Index.Code} table; sheet '{best.Sheet.Name}' was read.")));
            }
        }
        return chosen;
    }

    private IngestProblem NothingFound(DroppedFile file, DropTarget target, List<SheetScan> sheets)
    {
        var looked = string.Join(", ", sheets.Select(s => $"'{s.Name}'"));
        if (target.Index is { } index)
        {
            return new IngestProblem(sheets.Count == 1 ? sheets[0].Name : null, null, null, ProblemCodes.HeaderNotFound,
                $"No sheet ({looked}) has, in its first {HeaderSearchRows} rows, a header naming the unit " +
                $"({string.Join(", ", index.UnitHeaders.Take(3))}, ...) and the {index.Total.NameEn} ({string.Join(", ", index.Total.Headers.Take(3))}, ...).");
        }
        return new IngestProblem(null, null, null, ProblemCodes.UnrecognisedFile,
            $"{file.FileName}: no sheet ({looked}) says which index it holds. Drop it as {{index}}/{{year}}/{file.FileName} " +
            $"with index one of {string.Join(", ", catalog.All.Select(d => d.Code).Order(StringComparer.Ordinal))}, " +
            "or give the sheet a title such as 'PAR INDEX 2023' or 'Chỉ số SIPAS năm 2023'.");
    }

    private static List<SheetScan> ScanSheets(IExcelDataReader reader, CancellationToken ct)
    {
        var sheets = new List<SheetScan>();
        do
        {
            ct.ThrowIfCancellationRequested();
            var rows = new List<object?[]>(HeaderSearchRows);
            while (rows.Count < HeaderSearchRows && reader.Read())
            {
                rows.Add(Values(reader));
            }
            var merges = reader.MergeCells?.Select(m => new MergedRange(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)).ToList() ?? [];
            sheets.Add(new SheetScan(sheets.Count, string.IsNullOrWhiteSpace(reader.Name) ? $"Sheet{sheets.Count + 1}" : reader.Name, rows, merges));
        }
        while (reader.NextResult());
        return sheets;
    }

    private (ScoreTable? Table, List<IngestProblem> Problems) ReadTable(IExcelDataReader reader, SheetPlan plan, CancellationToken ct)
    {
        reader.Reset();
        for (var i = 0; i < plan.Sheet.Index; i++)
        {
            reader.NextResult();
        }
        var index = plan.Index;
        var year = plan.Year!.Value;
        var layout = plan.Layout;
        var sheet = plan.Sheet.Name;
        var problems = new List<IngestProblem>();
        var records = new List<UnitRecord>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitColumn = ScoreColumns.Letter(layout.UnitColumn);

        for (var row = 1; reader.Read(); row++)
        {
            if (row < layout.FirstDataRow)
            {
                continue;
            }
            if ((row & 0xFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            if (problems.Count > MaxProblems)
            {
                problems.Add(new IngestProblem(sheet, row, null, "TOO_MANY_PROBLEMS", "Reading stopped here."));
                break;
            }
            var unitText = Text(reader, layout.UnitColumn);
            if (unitText.Length == 0 || IsNonUnitRow(unitText))
            {
                continue;
            }
            var resolution = gazetteer.Resolve(unitText, index.UnitKind, year);
            if (resolution.Unit is not { } unit)
            {
                problems.Add(new IngestProblem(sheet, row, unitColumn, ProblemCodes.UnknownUnit, resolution.Describe(unitText)));
                continue;
            }
            if (!firstRowOf.TryAdd(unit.Code, row))
            {
                problems.Add(new IngestProblem(sheet, row, unitColumn, ProblemCodes.DuplicateUnit,
                    $"{unit.NameVi} ({unit.Code}) appears again; first at row {firstRowOf[unit.Code]}."));
                continue;
            }

            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            var rowOk = true;
            foreach (var (key, column) in layout.FieldColumns)
            {
                var field = index.Field(key)!;
                var cell = column < reader.FieldCount ? reader.GetValue(column) : null;
                var letter = ScoreColumns.Letter(column);
                if (cell is null || (cell is string s && string.IsNullOrWhiteSpace(s)))
                {
                    if (field.Required)
                    {
                        problems.Add(new IngestProblem(sheet, row, letter, ProblemCodes.MissingScore, $"{unit.NameVi} has no {field.NameEn}."));
                        rowOk = false;
                    }
                    continue;
                }
                if (!NumberReader.TryRead(cell, NumberFormat(reader, column), out var value))
                {
                    problems.Add(new IngestProblem(sheet, row, letter, ProblemCodes.NotANumber, $"{field.NameEn} of {unit.NameVi}: '{cell}' is not a number."));
                    rowOk = false;
                    continue;
                }
                var maximum = index.MaximumOf(field);
                if (value < 0 || value > maximum)
                {
                    problems.Add(new IngestProblem(sheet, row, letter, ProblemCodes.ScoreOutOfRange,
                        $"{field.NameEn} of {unit.NameVi}: {value.ToString(CultureInfo.InvariantCulture)} is outside 0..{maximum.ToString(CultureInfo.InvariantCulture)}."));
                    rowOk = false;
                    continue;
                }
                values[key] = value;
            }
            if (rowOk)
            {
                records.Add(new UnitRecord(unit, row, values, PublishedRank(reader, layout)));
            }
        }

        if (problems.Count == 0 && records.Count == 0)
        {
            problems.Add(new IngestProblem(sheet, layout.FirstDataRow, unitColumn, ProblemCodes.NoRows, $"The {index.Code} table under row {layout.HeaderRow} has no units."));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var table = new ScoreTable(index, new IndexYear(index.Code, year), sheet, layout, records, []);
        var validation = ScoreValidator.Validate(table, gazetteer);
        return validation.Problems.Count > 0 ? (null, [.. validation.Problems]) : (table with { Warnings = validation.Warnings }, []);
    }

    private static int? PublishedRank(IExcelDataReader reader, SheetLayout layout)
    {
        if (!layout.RankColumns.TryGetValue(IndexDefinition.TotalKey, out var column) || column >= reader.FieldCount)
        {
            return null;
        }
        var cell = reader.GetValue(column);
        if (NumberReader.TryRead(cell, null, out var number) && number >= 1 && number == Math.Floor(number))
        {
            return (int)number;
        }
        // "15-16" (a shared place written as a range): the place is the first number.
        var match = cell is string s ? LeadingInteger().Match(s) : Match.Empty;
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsNonUnitRow(string text)
    {
        if (text.StartsWith('*') || text.StartsWith('(') || text.StartsWith('-'))
        {
            return true;
        }
        var key = HeaderText.Key(text);
        return HeaderVocabulary.NonUnitRowKeys.Any(word => key.StartsWith(word, StringComparison.Ordinal));
    }

    private static string Text(IExcelDataReader reader, int column) =>
        column < reader.FieldCount ? Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)?.Trim() ?? "" : "";

    private static string? NumberFormat(IExcelDataReader reader, int column)
    {
        try
        {
            return reader.GetNumberFormatString(column);
        }
        catch (Exception e) when (e is NotSupportedException or IndexOutOfRangeException or ArgumentException or NullReferenceException)
        {
            return null;
        }
    }

    private static object?[] Values(IExcelDataReader reader)
    {
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.GetValue(i);
        }
        return values;
    }

    /// <summary>The sheet's name and the text of its rows down to (and with) the given 1-based row.</summary>
    private static string TitleText(SheetScan sheet, int throughRow) =>
        string.Join(" ", sheet.Rows.Take(throughRow).SelectMany(r => r).OfType<string>().Prepend(sheet.Name));

    [GeneratedRegex(@"^\s*\d+")]
    private static partial Regex LeadingInteger();

    private sealed record SheetScan(int Index, string Name, List<object?[]> Rows, List<MergedRange> Merges);

    private sealed record SheetPlan(SheetScan Sheet, IndexDefinition Index, int? Year, SheetLayout Layout, bool TitleNamesIndex);
}
