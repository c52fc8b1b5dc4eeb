using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ExcelDataReader;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Ingest;

/// <summary>
/// Streams a long-format sheet (unit, year, criterion, score; up to a million rows) straight into staged
/// partitions of <c>Criteria</c>, 100 rows a transaction, holding neither the sheet nor its rows in memory: what
/// grows with the file is a 64-bit fingerprint per row (to find repeats) and nothing else. The caller makes
/// the staged version current only if no problem was found.
/// </summary>
public sealed class CriteriaIngestion(Gazetteer gazetteer, ICriteriaStaging store)
{
    // Transactions in flight at once: Azurite and Table Storage take batches concurrently.
    private const int Parallelism = 4;
    private const int MaxCriterionLength = 200;

    // Spellings remembered per file: a hostile file of a million distinct names must not grow the memo forever.
    private const int MaxRemembered = 10_000;

    /// <param name="readBudget">How long reading may take, not counting the time spent waiting for storage
    /// (a million rows take minutes to write; the deadline is there for a reader that loops).</param>
    public async Task<CriteriaResult> StageAsync(DroppedFile file, LongTablePlan plan, TimeSpan readBudget, CancellationToken ct)
    {
        var (reader, openProblem) = SpreadsheetOpener.TryOpen(file.Content, file.FileName);
        if (reader is null)
        {
            return new CriteriaResult([openProblem!], []);
        }
        using (reader)
        {
            return await StageAsync(reader, file, plan, readBudget, ct);
        }
    }

    /// <summary>Streams the plan's sheet from <paramref name="reader"/> (rewound first), which the caller owns.</summary>
    public async Task<CriteriaResult> StageAsync(IExcelDataReader reader, DroppedFile file, LongTablePlan plan, TimeSpan readBudget, CancellationToken ct)
    {
        var years = new Dictionary<int, YearState>();
        var pending = new List<Task>();
        try
        {
            return await StageCoreAsync(reader, file, plan, readBudget, years, pending, ct);
        }
        catch
        {
            // Stopped half-way (deadline, damaged file, outage): what was staged will never be made current.
            // Let the batches in flight land first, or they would outlive the clean-up.
            try
            {
                await Task.WhenAll(pending);
            }
            catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException)
            {
            }
            foreach (var state in years.Values)
            {
                await store.DeleteStagedAsync(state.Partition, CancellationToken.None);
            }
            throw;
        }
    }

    private async Task<CriteriaResult> StageCoreAsync(
        IExcelDataReader reader, DroppedFile file, LongTablePlan plan, TimeSpan readBudget, Dictionary<int, YearState> years, List<Task> pending, CancellationToken ct)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var waiting = new System.Diagnostics.Stopwatch();
        var problems = new List<IngestProblem>();
        var seen = new FingerprintSet();
        var unitsByYear = new Dictionary<int, HashSet<string>>();
        // A long file names the same few dozen units a million times: resolve each spelling once per year.
        var resolved = new Dictionary<(string Text, int Year), UnitResolution>();
        var lastYear = (Text: (string?)null, Year: 0);
        var index = plan.Index;
        var layout = plan.Layout;
        var sheet = plan.Sheet;
        var cleaner = CellCleaner.For(file.Content);

        // Rewound: the parser has read the first rows of every sheet to find this table.
        reader.Reset();
        for (var i = 0; i < plan.SheetIndex; i++)
        {
            reader.NextResult();
        }
        for (var row = 1; reader.Read(); row++)
        {
            if (row < layout.FirstDataRow)
            {
                continue;
            }
            if ((row & 0x3FF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                if (elapsed.Elapsed - waiting.Elapsed > readBudget)
                {
                    throw new TimeoutException($"Reading took longer than {readBudget.TotalSeconds:0} s.");
                }
            }
            if (problems.Count >= WorkbookParser.MaxProblems)
            {
                problems.Add(new IngestProblem(sheet, row, null, ProblemCodes.TooManyProblems, "Reading stopped here.", "Dừng đọc tại đây."));
                break;
            }
            var unitText = Text(reader, cleaner, sheet, row, layout.UnitColumn);
            if (unitText.Length == 0)
            {
                continue;
            }
            var year = plan.Year;
            if (layout.YearColumn is { } yearColumn)
            {
                var yearText = Text(reader, cleaner, sheet, row, yearColumn);
                // Row after row gives the same year: it was read and checked already.
                if (yearText == lastYear.Text)
                {
                    year = lastYear.Year;
                }
                else if (!NumberReader.TryParse(yearText, out var y) || y != Math.Floor(y) || y is < 2000 or > 2100)
                {
                    problems.Add(new IngestProblem(sheet, row, ScoreColumns.Letter(yearColumn), ProblemCodes.BadYear, $"'{yearText}' is not a year.", $"'{yearText}' không phải là năm.") { Found = yearText });
                    continue;
                }
                else if (plan.Year is { } expected && (int)y != expected)
                {
                    problems.Add(new IngestProblem(sheet, row, ScoreColumns.Letter(yearColumn), ProblemCodes.YearMismatch,
                        $"The row is for {(int)y}, but the drop is for {expected}.", $"Dòng này của năm {(int)y}, nhưng tệp được gửi cho năm {expected}.") { Found = yearText });
                    continue;
                }
                else
                {
                    year = (int)y;
                    lastYear = (yearText, (int)y);
                }
            }
            if (year is not { } y2)
            {
                return new CriteriaResult([new IngestProblem(sheet, null, null, ProblemCodes.NoYear,
                    $"{file.FileName} does not say which year its criteria are for: drop it as {index.Code}/{{year}}/{file.FileName}, or add a 'Năm' (Year) column.",
                    $"{file.FileName} không cho biết các tiêu chí là của năm nào: hãy gửi tệp vào {index.Code}/{{năm}}/{file.FileName}, hoặc thêm cột 'Năm'.")], years.Keys.Select(k => new IndexYear(index.Code, k)).ToList());
            }

            if (!resolved.TryGetValue((unitText, y2), out var resolution))
            {
                resolution = gazetteer.Resolve(unitText, index.UnitKind, y2);
                if (resolved.Count < MaxRemembered)
                {
                    resolved[(unitText, y2)] = resolution;
                }
            }
            if (resolution.Unit is not { } unit)
            {
                problems.Add(new IngestProblem(sheet, row, ScoreColumns.Letter(layout.UnitColumn), ProblemCodes.UnknownUnit, resolution.Describe(unitText), resolution.DescribeVi(unitText)) { Found = unitText });
                continue;
            }
            var criterion = Text(reader, cleaner, sheet, row, layout.CriterionColumn);
            if (criterion.Length == 0 || criterion.Length > MaxCriterionLength)
            {
                problems.Add(new IngestProblem(sheet, row, ScoreColumns.Letter(layout.CriterionColumn), ProblemCodes.BadCriterion,
                    criterion.Length == 0 ? "The criterion is empty." : $"The criterion is longer than {MaxCriterionLength} characters.",
                    criterion.Length == 0 ? "Tiêu chí bị bỏ trống." : $"Tiêu chí dài hơn {MaxCriterionLength} ký tự."));
                continue;
            }
            var cell = cleaner.Value(reader.GetValue(layout.ScoreColumn), new CellAt(sheet, row, layout.ScoreColumn));
            var scoreColumn = ScoreColumns.Letter(layout.ScoreColumn);
            var reading = cell is null ? default : NumberReader.Read(cell, null, index.Maximum);
            if (cell is null || !reading.IsNumber)
            {
                var found = Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "";
                problems.Add(cell is null
                    ? new IngestProblem(sheet, row, scoreColumn, ProblemCodes.MissingScore, $"{criterion} of {unit.NameVi} has no score.", $"{criterion} của {unit.NameVi} chưa có điểm.")
                    : new IngestProblem(sheet, row, scoreColumn, reading.Kind switch
                    {
                        NumberKind.ExcelError => ProblemCodes.ExcelError,
                        NumberKind.Date => ProblemCodes.DateNotScore,
                        NumberKind.Ambiguous => ProblemCodes.AmbiguousNumber,
                        _ => ProblemCodes.NotANumber,
                    }, $"{criterion} of {unit.NameVi}: '{found}' is not a number{(reading.Hint is { } h ? $" (probably {h})" : "")}.",
                        $"{criterion} của {unit.NameVi}: '{found}' không phải là số{(reading.Hint is { } hv ? $" (có lẽ là {hv})" : "")}.") { Found = found });
                continue;
            }
            var score = reading.Value;
            if (score < 0 || score > index.Maximum)
            {
                problems.Add(new IngestProblem(sheet, row, scoreColumn, ProblemCodes.ScoreOutOfRange,
                    $"{criterion} of {unit.NameVi}: {score.ToString(CultureInfo.InvariantCulture)} is outside 0..{index.Maximum.ToString(CultureInfo.InvariantCulture)}.",
                    $"{criterion} của {unit.NameVi}: {score.ToString(CultureInfo.InvariantCulture)} nằm ngoài khoảng 0..{index.Maximum.ToString(CultureInfo.InvariantCulture)}."));
                continue;
            }
            (unitsByYear.TryGetValue(y2, out var units) ? units : unitsByYear[y2] = new HashSet<string>(StringComparer.Ordinal)).Add(unit.Code);
            if (!seen.Add(Fingerprint(y2, unit.Code, criterion)))
            {
                problems.Add(new IngestProblem(sheet, row, ScoreColumns.Letter(layout.CriterionColumn), ProblemCodes.DuplicateCriterion,
                    $"{unit.NameVi} has criterion '{criterion}' for {y2} more than once.", $"{unit.NameVi} có tiêu chí '{criterion}' của năm {y2} nhiều hơn một lần."));
                continue;
            }
            if (problems.Count > 0)
            {
                // Once the file is known to be rejected, staging more rows is wasted work: keep checking only.
                continue;
            }

            var state = years.TryGetValue(y2, out var s) ? s : years[y2] = new YearState(new IndexYear(index.Code, y2), file.Sha256);
            state.Add(new CriterionScore(state.IndexYear, unit.Code, criterion, score, row), Math.Round(score, index.Decimals));
            if (state.Batch.Count == 100)
            {
                pending.Add(store.StageAsync(state.Partition, state.TakeBatch(), ct));
                if (pending.Count >= Parallelism)
                {
                    waiting.Start();
                    await Task.WhenAll(pending);
                    waiting.Stop();
                    pending.Clear();
                }
            }
        }
        foreach (var state in years.Values)
        {
            pending.Add(store.StageAsync(state.Partition, state.TakeBatch(), ct));
        }
        await Task.WhenAll(pending);

        foreach (var (year, units) in unitsByYear.OrderBy(y => y.Key))
        {
            foreach (var missing in gazetteer.UnitsFor(index.UnitKind, year).Where(u => !units.Contains(u.Code)))
            {
                problems.Add(new IngestProblem(sheet, null, ScoreColumns.Letter(layout.UnitColumn), ProblemCodes.MissingUnit,
                    $"{missing.NameVi} ({missing.Code}) has no criterion scores for {year}.", $"{missing.NameVi} ({missing.Code}) không có điểm tiêu chí nào của năm {year}."));
            }
        }
        if (problems.Count == 0 && years.Count == 0)
        {
            problems.Add(new IngestProblem(sheet, layout.FirstDataRow, null, ProblemCodes.NoRows, $"The criteria table under row {layout.HeaderRow} has no rows.", $"Bảng tiêu chí dưới dòng {layout.HeaderRow} không có dòng nào."));
        }
        var versions = years.Values.Select(v => new CriteriaVersion(v.IndexYear, file.Sha256, v.DataHash(), v.Rows, v.Units.Count)).ToList();
        return new CriteriaResult(problems, [.. years.Keys.Select(k => new IndexYear(index.Code, k))]) { Versions = versions, Warnings = cleaner.Warnings() };
    }

    private static string Text(IExcelDataReader reader, CellCleaner cleaner, string sheet, int row, int column) =>
        column < reader.FieldCount ? cleaner.Text(reader.GetValue(column), new CellAt(sheet, row, column)) : "";

    /// <summary>FNV-1a, 64 bits: a million rows collide with odds around 1 in 30 million.</summary>
    private static ulong Fingerprint(int year, string unit, string criterion)
    {
        var hash = (14695981039346656037UL ^ (uint)year) * 1099511628211UL;
        hash = Fold(Fold(hash, unit) ^ '|', criterion);
        return hash;

        static ulong Fold(ulong hash, string text)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            return (hash ^ '|') * 1099511628211UL;
        }
    }

    private sealed class YearState(IndexYear indexYear, string sha256)
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Rows are hashed 64 KiB at a time: one call into the hash per row cost two thirds of reading a csv.
        private readonly ArrayBufferWriter<byte> _pending = new(HashChunk + 1024);
        private const int HashChunk = 64 * 1024;

        public IndexYear IndexYear { get; } = indexYear;

        public string Partition { get; } = CriteriaStore.StagedPartition(indexYear, sha256);

        public List<CriterionScore> Batch { get; private set; } = new(100);

        public HashSet<string> Units { get; } = new(StringComparer.Ordinal);

        public long Rows { get; private set; }

        public void Add(CriterionScore score, double rounded)
        {
            Batch.Add(score);
            Units.Add(score.UnitCode);
            Rows++;
            // "{unit}|{criterion}|{score}\n" in UTF-8, written straight into the buffer (a criterion is at most 200
            // characters, 600 bytes).
            var span = _pending.GetSpan(1024);
            var n = Encoding.UTF8.GetBytes(score.UnitCode, span);
            span[n++] = (byte)'|';
            n += Encoding.UTF8.GetBytes(score.Criterion, span[n..]);
            span[n++] = (byte)'|';
            rounded.TryFormat(span[n..], out var written, default, CultureInfo.InvariantCulture);
            n += written;
            span[n++] = (byte)'\n';
            _pending.Advance(n);
            if (_pending.WrittenCount >= HashChunk)
            {
                Flush();
            }
        }

        private void Flush()
        {
            _hash.AppendData(_pending.WrittenSpan);
            _pending.ResetWrittenCount();
        }

        public List<CriterionScore> TakeBatch()
        {
            var batch = Batch;
            Batch = new List<CriterionScore>(100);
            return batch;
        }

        public string DataHash()
        {
            Flush();
            return Convert.ToHexStringLower(_hash.GetCurrentHash());
        }
    }
}
