using System.Globalization;
using System.Text.RegularExpressions;
using ExcelDataReader;
using ParPipeline.Indices;
using ParPipeline.Units;

namespace ParPipeline.Ingest;

/// <summary>One sheet's table as read, before it is checked as a whole: its records, the problems of its cells and
/// what to warn about (hidden rows and sheet, repaired cells).</summary>
public sealed record SheetRead(SheetPlan Plan, IReadOnlyList<UnitRecord> Records, IReadOnlyList<IngestProblem> Problems, IReadOnlyList<IngestProblem> Warnings);

/// <summary>
/// Streams a chosen sheet's rows into unit records: resolves each unit, reads each score as a person sees it
/// (<see cref="CellCleaner"/>, <see cref="NumberReader"/>) and locates every problem at its cell. A unit name
/// merged over several rows names the row of the merge that holds the scores.
/// </summary>
public sealed partial class SheetTableReader(Gazetteer gazetteer)
{
    /// <param name="continueScan">The reader is still where the header search left this sheet: read on from there
    /// with the rows the search kept, instead of from the start.</param>
    /// <param name="markedHidden">The rows of this sheet an xlsx marks hidden (<see cref="OoxmlCellProbe.HiddenRows"/>).</param>
    public SheetRead Read(IExcelDataReader source, DroppedFile file, SheetPlan plan, bool continueScan, IReadOnlySet<int>? markedHidden, CancellationToken ct)
    {
        if (!continueScan)
        {
            source.Reset();
            for (var i = 0; i < plan.Sheet.Index; i++)
            {
                source.NextResult();
            }
        }
        var reader = new SheetRows(source, continueScan ? plan.Sheet.Scanned : null);
        var cleaner = CellCleaner.For(file.Content);
        var index = plan.Index;
        var year = plan.Year!.Value;
        var layout = plan.Layout;
        var sheet = plan.Sheet.Name;
        var problems = new List<IngestProblem>();
        var records = new List<UnitRecord>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitColumn = ScoreColumns.Letter(layout.UnitColumn);
        // Empty required cells by address, with what they should have held: told apart at the end (OoxmlCellProbe).
        var missing = new Dictionary<string, (Unit Unit, IndexField Field)>(StringComparer.Ordinal);
        var hiddenRows = new List<int>();
        var xlsx = SpreadsheetOpener.IsZip(file.Content);
        // Unit names merged down several rows (0-based rows, as ExcelDataReader gives merges).
        var unitMerges = plan.Sheet.Merges.Where(m => m.FromColumn <= layout.UnitColumn && m.ToColumn >= layout.UnitColumn && m.ToRow > m.FromRow)
            .GroupBy(m => m.FromRow).ToDictionary(g => g.Key, g => g.Max(m => m.ToRow));
        (int LastRow, string Text)? merged = null;
        // Each score column's field and maximum, looked up once for the sheet rather than for every cell.
        var columns = layout.FieldColumns.Select(c =>
        {
            var field = index.Field(c.Key)!;
            return (c.Key, Column: c.Value, Field: field, Maximum: index.MaximumOf(field));
        }).ToArray();

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
            if (problems.Count > WorkbookParser.MaxProblems)
            {
                problems.Add(new IngestProblem(sheet, row, null, ProblemCodes.TooManyProblems, "Reading stopped here.", "Dừng đọc tại đây."));
                break;
            }
            var unitText = Text(reader, cleaner, layout.UnitColumn, sheet, row);
            var inMerge = false;
            if (unitMerges.TryGetValue(row - 1, out var last) && unitText.Length > 0)
            {
                merged = (last + 1, unitText);
            }
            else if (merged is { } m && row <= m.LastRow && unitText.Length == 0)
            {
                (unitText, inMerge) = (m.Text, true);
            }
            if (unitText.Length == 0)
            {
                continue;
            }
            if (merged is { } open && row <= open.LastRow && !HasAnyScore(reader, layout))
            {
                // The row of a merged name that holds no score: its scores are on another row of the merge.
                continue;
            }
            var resolution = gazetteer.Resolve(unitText, index.UnitKind, year);
            if (resolution.Unit is null && IsNonUnitRow(unitText))
            {
                // An average, total or note row: looked for only where no unit is named, so a unit row is folded once.
                continue;
            }
            // Not a pattern variable: a mutant of the condition must still compile (CS0165), or Stryker drops the method.
            var unit = resolution.Unit;
            if (unit is null)
            {
                problems.Add(new IngestProblem(sheet, row, unitColumn, ProblemCodes.UnknownUnit, resolution.Describe(unitText), resolution.DescribeVi(unitText)) { Found = unitText });
                continue;
            }
            if (!firstRowOf.TryAdd(unit.Code, row))
            {
                problems.Add(new IngestProblem(sheet, row, unitColumn, ProblemCodes.DuplicateUnit,
                    $"{unit.NameVi} ({unit.Code}) appears again{(inMerge ? " (a merged name with scores on two rows)" : "")}; first at row {firstRowOf[unit.Code]}.",
                    $"{unit.NameVi} ({unit.Code}) xuất hiện lần nữa{(inMerge ? " (ô tên gộp có điểm ở hai dòng)" : "")}; lần đầu ở dòng {firstRowOf[unit.Code]}.") { Found = unitText });
                continue;
            }
            if (reader.RowHeight <= 0 || markedHidden?.Contains(row) == true)
            {
                hiddenRows.Add(row);
            }

            var values = new Dictionary<string, double>(columns.Length, StringComparer.Ordinal);
            var rowOk = true;
            foreach (var (key, column, field, maximum) in columns)
            {
                var cell = column < reader.FieldCount ? cleaner.Value(reader.GetValue(column), new CellAt(sheet, row, column)) : null;
                if (cell is null || (cell is string s && s.Length == 0))
                {
                    if (field.Required)
                    {
                        var letter = ScoreColumns.Letter(column);
                        missing[$"{letter}{row}"] = (unit, field);
                        problems.Add(new IngestProblem(sheet, row, letter, ProblemCodes.MissingScore, $"{unit.NameVi} has no {field.NameEn}.", $"{unit.NameVi} chưa có {field.NameVi}."));
                        rowOk = false;
                    }
                    continue;
                }
                var reading = NumberReader.Read(cell, reader.NumberFormat(column), maximum);
                // A valid cell is the rule: its column letter and shown text are made only for a problem.
                if (reading.Kind != NumberKind.Number)
                {
                    problems.Add(CellProblem(reading, cell, field, unit, sheet, row, ScoreColumns.Letter(column)));
                    rowOk = false;
                    continue;
                }
                if (reading.Value < 0 || reading.Value > maximum)
                {
                    var (value, max) = (reading.Value.ToString(CultureInfo.InvariantCulture), maximum.ToString(CultureInfo.InvariantCulture));
                    problems.Add(new IngestProblem(sheet, row, ScoreColumns.Letter(column), ProblemCodes.ScoreOutOfRange,
                        $"{field.NameEn} of {unit.NameVi}: {value} is outside 0..{max}.",
                        $"{field.NameVi} của {unit.NameVi}: {value} nằm ngoài khoảng 0..{max}.") { Found = Shown(cell) });
                    rowOk = false;
                    continue;
                }
                values[key] = reading.Value;
            }
            if (rowOk)
            {
                records.Add(new UnitRecord(unit, row, values, PublishedRank(reader, cleaner, layout)) { Sheet = sheet });
            }
        }

        if (missing.Count > 0 && (xlsx || SpreadsheetOpener.IsCompoundFile(file.Content)))
        {
            problems = Probed(file.Content, xlsx, plan.Sheet.Index, missing, problems);
        }
        var warnings = new List<IngestProblem>(cleaner.Warnings());
        if (hiddenRows.Count > 0)
        {
            var list = Rows(hiddenRows);
            warnings.Add(new IngestProblem(sheet, hiddenRows[0], null, ProblemCodes.HiddenRows,
                $"{hiddenRows.Count} hidden row(s) of sheet '{sheet}' were read ({list}): a hidden row is often a deleted one; if one should not count, delete it and drop the file again.",
                $"Đã đọc {hiddenRows.Count} dòng ẩn của trang '{sheet}' ({list}): dòng ẩn thường là dòng đã bỏ; nếu dòng nào không được tính, hãy xoá hẳn rồi gửi lại tệp."));
        }
        if (plan.Sheet.Hidden)
        {
            warnings.Add(new IngestProblem(sheet, null, null, ProblemCodes.HiddenSheet,
                $"Sheet '{sheet}' is hidden in the workbook; its table was read.",
                $"Trang '{sheet}' đang bị ẩn trong tệp; bảng của trang này đã được đọc."));
        }
        return new SheetRead(plan, records, problems, warnings);
    }

    /// <summary>Why a non-empty cell that is not a number is not a score.</summary>
    private static IngestProblem CellProblem(NumberReading reading, object cell, IndexField field, Unit unit, string sheet, int row, string letter)
    {
        var found = Shown(cell);
        var quoted = DisplayText.Cell(found);
        return reading.Kind switch
        {
            NumberKind.ExcelError => new IngestProblem(sheet, row, letter, ProblemCodes.ExcelError,
                $"{field.NameEn} of {unit.NameVi}: the cell holds the Excel error {found}, not a score.",
                $"{field.NameVi} của {unit.NameVi}: ô chứa lỗi Excel {found}, không phải điểm số.") { Found = found },
            NumberKind.Date => new IngestProblem(sheet, row, letter, ProblemCodes.DateNotScore,
                $"{field.NameEn} of {unit.NameVi}: the cell holds the date {found}; Excel probably turned the score {reading.Hint} into a date.",
                $"{field.NameVi} của {unit.NameVi}: ô chứa ngày {found}; có lẽ Excel đã đổi điểm {reading.Hint} thành ngày tháng.") { Found = found },
            NumberKind.Ambiguous => new IngestProblem(sheet, row, letter, ProblemCodes.AmbiguousNumber,
                $"{field.NameEn} of {unit.NameVi}: '{quoted}' reads as {reading.Hint}; write it with one decimal separator.",
                $"{field.NameVi} của {unit.NameVi}: '{quoted}' có thể đọc là {reading.Hint}; hãy ghi số với một dấu thập phân.") { Found = found },
            _ => new IngestProblem(sheet, row, letter, ProblemCodes.NotANumber,
                $"{field.NameEn} of {unit.NameVi}: '{quoted}' is not a number.",
                $"{field.NameVi} của {unit.NameVi}: '{quoted}' không phải là số.") { Found = found },
        };
    }

    /// <summary>"Empty" cells of an xlsx or xls that are really an uncalculated formula or an error value, told as such.</summary>
    private static List<IngestProblem> Probed(byte[] content, bool xlsx, int sheetIndex, Dictionary<string, (Unit Unit, IndexField Field)> missing, List<IngestProblem> problems)
    {
        var addresses = missing.Keys.ToHashSet(StringComparer.Ordinal);
        var probed = xlsx ? OoxmlCellProbe.Probe(content, sheetIndex, addresses) : BiffCellProbe.Probe(content, sheetIndex, addresses);
        if (probed.Count == 0)
        {
            return problems;
        }
        return [.. problems.Select(p => p.Code == ProblemCodes.MissingScore && p.Cell is { } cell && probed.TryGetValue(cell, out var found)
            ? Told(p, missing[cell].Unit, missing[cell].Field, found.Kind, found.Text)
            : p)];
    }

    /// <summary>What an empty-looking required cell really is, said as such.</summary>
    private static IngestProblem Told(IngestProblem empty, Unit unit, IndexField field, ProbedCell kind, string? error) => kind == ProbedCell.Error
        ? empty with
        {
            Code = ProblemCodes.ExcelError,
            Message = $"{unit.NameVi} has the Excel error {error} instead of its {field.NameEn}.",
            MessageVi = $"{unit.NameVi} có lỗi Excel {error} thay cho {field.NameVi}.",
            Found = error,
        }
        : empty with
        {
            Code = ProblemCodes.FormulaNotCalculated,
            Message = $"{unit.NameVi} has no {field.NameEn}: the cell is a formula saved without its result (the file was never recalculated).",
            MessageVi = $"{unit.NameVi} chưa có {field.NameVi}: ô là công thức được lưu mà không có kết quả (tệp chưa được tính lại).",
            Found = "=…",
        };

    private static bool HasAnyScore(SheetRows reader, SheetLayout layout) =>
        layout.FieldColumns.Values.Any(c => c < reader.FieldCount && reader.GetValue(c) is { } v && (v is not string s || !string.IsNullOrWhiteSpace(s)));

    private static int? PublishedRank(SheetRows reader, CellCleaner cleaner, SheetLayout layout)
    {
        if (!layout.RankColumns.TryGetValue(IndexDefinition.TotalKey, out var column) || column >= reader.FieldCount)
        {
            return null;
        }
        var cell = cleaner.Value(reader.GetValue(column));
        if (NumberReader.TryRead(cell, null, out var number) && number >= 1 && number == Math.Floor(number))
        {
            return (int)number;
        }
        // "15-16" (a shared place written as a range) or "12/63", "12 of 63" (of 63): the place is the first number.
        // Not "0" or "12.5": no place is written so.
        var match = cell is string s ? LeadingPlace().Match(s) : Match.Empty;
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
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

    private static string Text(SheetRows reader, CellCleaner cleaner, int column, string sheet, int row) =>
        column < reader.FieldCount ? cleaner.Text(reader.GetValue(column), new CellAt(sheet, row, column)) : "";

    private static string Shown(object cell) => cell switch
    {
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Rows(List<int> rows) =>
        string.Join(", ", rows.Take(20)) + (rows.Count > 20 ? ", …" : "");

    [GeneratedRegex(@"^\s*([1-9][0-9]{0,5})\s*(?:[-–—/]|of\b|trên\b|$)")]
    private static partial Regex LeadingPlace();
}
