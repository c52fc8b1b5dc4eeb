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
public sealed class WorkbookParser(Gazetteer gazetteer, IndexCatalog catalog)
{
    private readonly SheetTableReader _sheets = new(gazetteer);
    private readonly TableAssembler _assembler = new(gazetteer);

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
        var sheets = ScanSheets(reader, file.Content, ct);
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
                if (HeaderLocator.FindLongInKeys(index, sheet.Keys, sheet.Merges) is { } longLayout)
                {
                    longPlans.Add(new LongTablePlan(sheet.Index, sheet.Name, index, target.Year ?? SheetTitle.Year(TitleText(sheet, longLayout.HeaderRow)), longLayout));
                }
                else if (HeaderLocator.FindInKeys(index, sheet.Keys, sheet.Merges) is { } layout)
                {
                    plans.Add(new SheetPlan(sheet, index, target.Year ?? SheetTitle.Year(TitleText(sheet, layout.HeaderRow)), layout, named.Contains(index)));
                }
            }
        }
        if (longPlans.Count > 0 && plans.Count == 0)
        {
            return new ParsedWorkbook([], []) { LongTables = longPlans };
        }
        if (plans.Count == 0)
        {
            return ParsedWorkbook.Rejected(NothingFound(file, target, sheets));
        }
        if (plans.FirstOrDefault(p => p.Year is null) is { } yearless)
        {
            return ParsedWorkbook.Rejected(new IngestProblem(yearless.Sheet.Name, null, null, ProblemCodes.NoYear,
                $"{file.FileName} does not say which year its {yearless.Index.Code} scores are for: drop it as " +
                $"{yearless.Index.Code}/{{year}}/{file.FileName}, or put the year in the sheet's title (e.g. '{yearless.Index.Code} INDEX 2023').",
                $"{file.FileName} không cho biết điểm {yearless.Index.Code} là của năm nào: hãy gửi tệp vào " +
                $"{yearless.Index.Code}/{{năm}}/{file.FileName}, hoặc ghi năm vào tiêu đề trang tính (ví dụ 'Chỉ số {yearless.Index.Code} năm 2023')."));
        }

        var tables = new List<ScoreTable>();
        var problems = new List<IngestProblem>();
        var atEndOfScan = true;
        // Looked for once per file, whichever of its sheets are read.
        var hiddenRows = SpreadsheetOpener.IsZip(file.Content) ? OoxmlCellProbe.HiddenRows(file.Content) : null;
        // One table per index-year: from one sheet, or from sheets that each hold a part of the units. A plan's year is
        // the path's when it names one, else its title's (every plan has one by now), so a workbook of several years
        // dropped under an index alone gives each year its table.
        foreach (var group in plans.GroupBy(p => (p.Index.Code, p.Year)).OrderBy(g => g.Min(p => p.Sheet.Index)))
        {
            var reads = new List<SheetRead>();
            foreach (var plan in group.OrderBy(p => p.Sheet.Index))
            {
                // The header search ends on the last sheet: the first table read from it goes on from there.
                var continueScan = atEndOfScan && plan.Sheet.Index == sheets.Count - 1;
                atEndOfScan = false;
                reads.Add(_sheets.Read(reader, file, plan, continueScan, hiddenRows?.GetValueOrDefault(plan.Sheet.Index), ct));
            }
            var (table, groupProblems) = _assembler.Assemble(reads);
            problems.AddRange(groupProblems);
            if (table is not null)
            {
                tables.Add(table);
            }
        }
        if (problems.Count > MaxProblems)
        {
            // A sheet reader that gave up says where; the rows after it were never checked, so "N more" would
            // under-count them: say where reading stopped instead.
            var stop = problems.FirstOrDefault(p => p.Code == ProblemCodes.TooManyProblems);
            var more = problems.Count(p => p.Code != ProblemCodes.TooManyProblems) - MaxProblems;
            problems = [.. problems.Where(p => p.Code != ProblemCodes.TooManyProblems).Take(MaxProblems), stop is { Row: { } row }
                ? new IngestProblem(stop.Sheet, row, null, ProblemCodes.TooManyProblems,
                    $"More than {MaxProblems:N0} problems: reading stopped at row {row} of '{stop.Sheet}', and the rows after it were not checked. Fix the problems listed and drop the file again.",
                    $"Có hơn {MaxProblems:N0} lỗi: dừng đọc tại dòng {row} của trang '{stop.Sheet}', các dòng sau chưa được kiểm tra. Sửa các lỗi đã liệt kê rồi gửi lại tệp.")
                : new IngestProblem(null, null, null, ProblemCodes.TooManyProblems,
                    $"{more:N0} more problems are not listed.", $"Còn {more:N0} lỗi khác không được liệt kê.")];
        }
        return problems.Count > 0 ? new ParsedWorkbook([], problems) : new ParsedWorkbook(tables, []);
    }

    private IngestProblem NothingFound(DroppedFile file, DropTarget target, List<SheetScan> sheets)
    {
        var looked = string.Join(", ", sheets.Select(s => $"'{s.Name}'"));
        if (target.Index is { } index)
        {
            return new IngestProblem(sheets.Count == 1 ? sheets[0].Name : null, null, null, ProblemCodes.HeaderNotFound,
                $"No sheet ({looked}) has, in its first {HeaderSearchRows} rows, a header naming the unit " +
                $"({string.Join(", ", index.UnitHeaders.Take(3))}, ...) and the {index.Total.NameEn} ({string.Join(", ", index.Total.Headers.Take(3))}, ...).",
                $"Không trang nào ({looked}) có, trong {HeaderSearchRows} dòng đầu, dòng tiêu đề cột ghi tên đơn vị " +
                $"({string.Join(", ", index.UnitHeaders.Take(3))}, ...) và {index.Total.NameVi} ({string.Join(", ", index.Total.Headers.Take(3))}, ...).");
        }
        return new IngestProblem(null, null, null, ProblemCodes.UnrecognisedFile,
            $"{file.FileName}: no sheet ({looked}) says which index it holds. Drop it as {{index}}/{{year}}/{file.FileName} " +
            $"with index one of {string.Join(", ", catalog.All.Select(d => d.Code).Order(StringComparer.Ordinal))}, " +
            "or give the sheet a title such as 'PAR INDEX 2023' or 'Chỉ số SIPAS năm 2023'.",
            $"{file.FileName}: không trang nào ({looked}) cho biết đây là chỉ số nào. Hãy gửi tệp vào {{chỉ số}}/{{năm}}/{file.FileName} " +
            $"với chỉ số là một trong {string.Join(", ", catalog.All.Select(d => d.Code).Order(StringComparer.Ordinal))}, " +
            "hoặc đặt tiêu đề trang tính như 'Chỉ số CCHC năm 2023' hay 'Chỉ số SIPAS năm 2023'.");
    }

    private static List<SheetScan> ScanSheets(IExcelDataReader reader, byte[] content, CancellationToken ct)
    {
        var cleaner = CellCleaner.For(content);
        var sheets = new List<SheetScan>();
        // By count, not until NextResult says there is none: that call would close the last sheet, which the table
        // reader then goes on reading from where this search stops.
        var count = Math.Max(reader.ResultsCount, 1);
        for (var index = 0; index < count; index++)
        {
            ct.ThrowIfCancellationRequested();
            if (index > 0 && !reader.NextResult())
            {
                break;
            }
            var rows = new List<object?[]>(HeaderSearchRows);
            var scanned = new List<ScannedRow>(HeaderSearchRows);
            while (rows.Count < HeaderSearchRows && reader.Read())
            {
                var raw = new object?[reader.FieldCount];
                var values = new object?[raw.Length];
                Dictionary<int, string>? formats = null;
                for (var i = 0; i < values.Length; i++)
                {
                    raw[i] = reader.GetValue(i);
                    // Not counted: the table reader reads these rows again (from here), and counts then.
                    values[i] = cleaner.Value(raw[i]);
                    if (raw[i] is double && SheetRows.FormatOf(reader, i) is { } format)
                    {
                        (formats ??= [])[i] = format;
                    }
                }
                rows.Add(values);
                scanned.Add(new ScannedRow(raw, reader.RowHeight, formats));
            }
            var merges = reader.MergeCells?.Select(m => new MergedRange(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)).ToList() ?? [];
            var name = CellCleaner.SheetName(reader.Name ?? "", content);
            var hidden = reader.VisibleState is { } state && !state.Equals("visible", StringComparison.OrdinalIgnoreCase);
            sheets.Add(new SheetScan(sheets.Count, name.Length == 0 ? $"Sheet{sheets.Count + 1}" : name, rows, merges, hidden, scanned));
        }
        return sheets;
    }

    /// <summary>The sheet's name and the text of its rows down to (and with) the given 1-based row.</summary>
    private static string TitleText(SheetScan sheet, int throughRow) =>
        string.Join(" ", sheet.Rows.Take(throughRow).SelectMany(r => r).OfType<string>().Prepend(sheet.Name));
}
