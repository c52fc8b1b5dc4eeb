using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Ingest;

/// <summary>
/// Makes one index-year's table of the sheets that hold it. A sheet with every unit of the year is the table
/// (the one whose title names the index first, else the first), and any other is a copy, said in a warning. When
/// no sheet is whole, the sheets are parts (a sheet per region or group) and are read as one table if no unit
/// appears on two of them; otherwise each repeat is an error naming both places.
/// </summary>
public sealed class TableAssembler(Gazetteer gazetteer)
{
    public (ScoreTable? Table, IReadOnlyList<IngestProblem> Problems) Assemble(IReadOnlyList<SheetRead> reads)
    {
        var first = reads[0].Plan;
        var (index, year) = (first.Index, first.Year!.Value);
        var all = gazetteer.UnitsFor(index.UnitKind, year).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var whole = reads
            .Where(r => r.Problems.Count == 0 && all.IsSubsetOf(r.Records.Select(u => u.Unit.Code)))
            .OrderByDescending(r => r.Plan.TitleNamesIndex).ThenBy(r => r.Plan.Sheet.Index)
            .FirstOrDefault();
        if (reads.Count == 1 || whole is not null)
        {
            var chosen = whole ?? reads[0];
            var ignored = reads.Where(r => r != chosen).Select(r => new IngestProblem(r.Plan.Sheet.Name, r.Plan.Layout.HeaderRow, null, ProblemCodes.SheetIgnored,
                $"Sheet '{r.Plan.Sheet.Name}' also has a {index.Code} table; sheet '{chosen.Plan.Sheet.Name}' was read.",
                $"Trang '{r.Plan.Sheet.Name}' cũng có bảng {index.Code}; trang '{chosen.Plan.Sheet.Name}' đã được đọc."));
            return Validate(chosen.Plan, chosen.Plan.Sheet.Name, chosen.Records, chosen.Problems, [.. ignored, .. chosen.Warnings]);
        }

        // Parts: every sheet's problems count, and so does a unit on two sheets.
        var problems = reads.SelectMany(r => r.Problems).ToList();
        var firstAt = new Dictionary<string, (string Sheet, int Row)>(StringComparer.Ordinal);
        var unitColumn = ScoreColumns.Letter(first.Layout.UnitColumn);
        foreach (var read in reads)
        {
            foreach (var record in read.Records)
            {
                if (!firstAt.TryAdd(record.Unit.Code, (read.Plan.Sheet.Name, record.Row)))
                {
                    var (sheet, row) = firstAt[record.Unit.Code];
                    problems.Add(new IngestProblem(read.Plan.Sheet.Name, record.Row, ScoreColumns.Letter(read.Plan.Layout.UnitColumn), ProblemCodes.UnitInSeveralSheets,
                        $"{record.Unit.NameVi} ({record.Unit.Code}) is also on sheet '{sheet}' row {row}: sheets read as parts of one table must not repeat a unit.",
                        $"{record.Unit.NameVi} ({record.Unit.Code}) cũng có ở trang '{sheet}' dòng {row}: các trang ghép thành một bảng không được lặp đơn vị."));
                }
            }
        }
        var names = string.Join(", ", reads.Select(r => $"'{r.Plan.Sheet.Name}'"));
        var combined = new IngestProblem(null, null, unitColumn, ProblemCodes.SheetsCombined,
            $"The {index.Code} {year} table was read from {reads.Count} sheets ({names}), each holding a part of the units.",
            $"Bảng {index.Code} năm {year} được ghép từ {reads.Count} trang ({names}), mỗi trang một phần đơn vị.");
        return Validate(first, string.Join(", ", reads.Select(r => r.Plan.Sheet.Name)), [.. reads.SelectMany(r => r.Records)], problems,
            [combined, .. reads.SelectMany(r => r.Warnings)]);
    }

    private (ScoreTable? Table, IReadOnlyList<IngestProblem> Problems) Validate(
        SheetPlan plan, string sheet, IReadOnlyList<UnitRecord> records, IReadOnlyList<IngestProblem> problems, IReadOnlyList<IngestProblem> warnings)
    {
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        if (records.Count == 0)
        {
            return (null, [new IngestProblem(sheet, plan.Layout.FirstDataRow, ScoreColumns.Letter(plan.Layout.UnitColumn), ProblemCodes.NoRows,
                $"The {plan.Index.Code} table under row {plan.Layout.HeaderRow} has no units.",
                $"Bảng {plan.Index.Code} dưới dòng {plan.Layout.HeaderRow} không có đơn vị nào.")]);
        }
        var table = new ScoreTable(plan.Index, new IndexYear(plan.Index.Code, plan.Year!.Value), sheet, plan.Layout, records, []);
        var validation = ScoreValidator.Validate(table, gazetteer);
        return validation.Problems.Count > 0
            ? (null, validation.Problems)
            : (table with { Warnings = [.. warnings, .. validation.Warnings] }, []);
    }
}
