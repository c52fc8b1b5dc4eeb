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
/// the staged version current only if no problem was found. A staged version is spread over several partitions
/// (<see cref="CriteriaStore.BucketCount"/>) whose batches are written in parallel, so a large annex is bounded by
/// the account's throughput, not by one partition's (about 2,000 entities a second in Azure).
/// </summary>
public sealed class CriteriaIngestion(Gazetteer gazetteer, ICriteriaStaging store, Indices.IndexCatalog indices)
{
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
        var pending = new TransactionWindow(CriteriaStore.Parallelism);
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
                await pending.DrainAsync();
            }
            catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException)
            {
            }
            foreach (var state in years.Values)
            {
                await store.DeleteStagedAsync(state.Version, CancellationToken.None);
            }
            throw;
        }
    }

    private async Task<CriteriaResult> StageCoreAsync(
        IExcelDataReader reader, DroppedFile file, LongTablePlan plan, TimeSpan readBudget, Dictionary<int, YearState> years, TransactionWindow pending, CancellationToken ct)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var waiting = new System.Diagnostics.Stopwatch();
        var problems = new List<IngestProblem>();
        // A long-format row takes 25 to 40 bytes in a csv or an xlsx: the file's size tells about how many it holds.
        var expectedRows = file.Content.Length / 28;
        var seen = new FingerprintLog(expectedRows);
        var buckets = CriteriaStore.BucketCount(expectedRows);
        // Where the definition lists criteria: each unit's criterion points per component, to check against the
        // component's score in the provincial table once the annex is read.
        var tallies = plan.Index.Criteria is null ? null : new Dictionary<(int Year, string Unit, string Component), ComponentTally>();
        HashSet<(int, string)>? overflow = null;
        var repeatInBatch = false;
        // A long file names the same few dozen units a million times: each spelling as the file has it is cleaned
        // and resolved once per year (a string key alone, which hashes far faster than a tuple), and marked when a
        // row of it passes, which is how the units met in a year are counted.
        var resolvedByYear = new Dictionary<int, Dictionary<string, KnownSpelling>>();
        // Likewise each criterion spelling is matched against the definition once (matching folds the text).
        var criteriaBySpelling = new Dictionary<string, Indices.CriterionDefinition?>(StringComparer.Ordinal);
        var lastYear = (Text: (string?)null, Year: 0);
        var index = plan.Index;
        var layout = plan.Layout;
        var sheet = plan.Sheet;
        var cleaner = CellCleaner.For(file.Content);
        // Read once, not per row: Maximum looks its field up, and a column's letter is a new string each time.
        var maximum = index.Maximum;
        var (unitLetter, criterionLetter, scoreColumn) = (ScoreColumns.Letter(layout.UnitColumn), ScoreColumns.Letter(layout.CriterionColumn), ScoreColumns.Letter(layout.ScoreColumn));

        // Rewound: the parser has read the first rows of every sheet to find this table.
        reader.Reset();
        for (var i = 0; i < plan.SheetIndex; i++)
        {
            reader.NextResult();
        }
        CriteriaResult? early = null;
        (string Partition, List<CriterionScore> Rows) full = ("", []);

        // One row's checks, a plain method the JIT optimises after a few calls (the loop of an async method runs, once
        // per file, as on-stack-replaced code); the loop below only stages the batches this fills, and waits for them.
        RowStep Step(int row)
        {
            if (row < layout.FirstDataRow)
            {
                return RowStep.Next;
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
                return RowStep.Stop;
            }
            var fieldCount = reader.FieldCount;
            var unitCell = layout.UnitColumn < fieldCount ? reader.GetValue(layout.UnitColumn) : null;
            if (unitCell is null || (unitCell is string blank && blank.Length == 0))
            {
                return RowStep.Next;
            }
            var year = plan.Year;
            if (layout.YearColumn is { } yearColumn)
            {
                var yearCell = yearColumn < fieldCount ? reader.GetValue(yearColumn) : null;
                // Row after row gives the same year, spelt the same: it was read and checked already.
                var yearText = yearCell is string same && same == lastYear.Text ? same : cleaner.Text(yearCell, new CellAt(sheet, row, yearColumn));
                if (yearText == lastYear.Text)
                {
                    year = lastYear.Year;
                }
                else if (!NumberReader.TryParse(yearText, out var y) || y != Math.Floor(y) || y is < 2000 or > 2100)
                {
                    var quoted = DisplayText.Cell(yearText);
                    problems.Add(new IngestProblem(sheet, row, ScoreColumns.Letter(yearColumn), ProblemCodes.BadYear, $"'{quoted}' is not a year.", $"'{quoted}' không phải là năm.") { Found = yearText });
                    return RowStep.Next;
                }
                else if (plan.Year is { } expected && (int)y != expected)
                {
                    problems.Add(new IngestProblem(sheet, row, ScoreColumns.Letter(yearColumn), ProblemCodes.YearMismatch,
                        $"The row is for {(int)y}, but the drop is for {expected}.", $"Dòng này của năm {(int)y}, nhưng tệp được gửi cho năm {expected}.") { Found = yearText });
                    return RowStep.Next;
                }
                else
                {
                    year = (int)y;
                    lastYear = (yearText, (int)y);
                }
            }
            if (year is not { } y2)
            {
                early = new CriteriaResult([new IngestProblem(sheet, null, null, ProblemCodes.NoYear,
                    $"{file.FileName} does not say which year its criteria are for: drop it as {index.Code}/{{year}}/{file.FileName}, or add a 'Năm' (Year) column.",
                    $"{file.FileName} không cho biết các tiêu chí là của năm nào: hãy gửi tệp vào {index.Code}/{{năm}}/{file.FileName}, hoặc thêm cột 'Năm'.")], years.Keys.Select(k => new IndexYear(index.Code, k)).ToList());
                return RowStep.Stop;
            }

            var raw = unitCell as string ?? Convert.ToString(unitCell, CultureInfo.InvariantCulture) ?? "";
            if (!resolvedByYear.TryGetValue(y2, out var resolved))
            {
                resolvedByYear[y2] = resolved = [];
            }
            if (!resolved.TryGetValue(raw, out var known))
            {
                var (cleaned, repairs) = CellText.Clean(raw, cleaner.Escapes);
                known = new KnownSpelling(cleaned, repairs, gazetteer.Resolve(cleaned, index.UnitKind, y2));
                if (resolved.Count < MaxRemembered)
                {
                    resolved[raw] = known;
                }
                else
                {
                    // Past the memo's bound a spelling is resolved each time; its unit is still counted.
                    (overflow ??= new HashSet<(int, string)>()).Add((y2, known.Resolution.Unit?.Code ?? ""));
                }
            }
            cleaner.Count(known.Repairs, new CellAt(sheet, row, layout.UnitColumn));
            var (unitText, resolution) = (known.Text, known.Resolution);
            if (unitText.Length == 0)
            {
                return RowStep.Next;
            }
            if (resolution.Unit is not { } unit)
            {
                problems.Add(new IngestProblem(sheet, row, unitLetter, ProblemCodes.UnknownUnit, resolution.Describe(unitText), resolution.DescribeVi(unitText)) { Found = unitText });
                return RowStep.Next;
            }
            var criterion = layout.CriterionColumn < fieldCount ? cleaner.Text(reader.GetValue(layout.CriterionColumn), new CellAt(sheet, row, layout.CriterionColumn)) : "";
            if (criterion.Length == 0 || criterion.Length > MaxCriterionLength)
            {
                problems.Add(new IngestProblem(sheet, row, criterionLetter, ProblemCodes.BadCriterion,
                    criterion.Length == 0 ? "The criterion is empty." : $"The criterion is longer than {MaxCriterionLength} characters.",
                    criterion.Length == 0 ? "Tiêu chí bị bỏ trống." : $"Tiêu chí dài hơn {MaxCriterionLength} ký tự."));
                return RowStep.Next;
            }
            Indices.CriterionDefinition? defined = null;
            if (index.Criteria is not null)
            {
                // Stored and served by its id, however the annex spells it.
                if (!criteriaBySpelling.TryGetValue(criterion, out defined))
                {
                    defined = index.FindCriterion(criterion);
                    if (criteriaBySpelling.Count < MaxRemembered)
                    {
                        criteriaBySpelling[criterion] = defined;
                    }
                }
                if (defined is null)
                {
                    problems.Add(UnknownCriterion(sheet, row, criterionLetter, criterion, index));
                    return RowStep.Next;
                }
                criterion = defined.Id;
            }
            var cell = layout.ScoreColumn < fieldCount ? reader.GetValue(layout.ScoreColumn) : null;
            // A plain decimal ("4.44"), as nearly every cell is, needs no cleaning and no general reading.
            var reading = maximum < 1000 && cell is string plain && DecimalText.TryParsePlain(plain, out var quick) ? new NumberReading(NumberKind.Number, quick)
                : (cell = cleaner.Value(cell, new CellAt(sheet, row, layout.ScoreColumn))) is null ? default : NumberReader.Read(cell, null, maximum);
            if (cell is null || !reading.IsNumber)
            {
                var found = Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "";
                var shown = DisplayText.Cell(found);
                problems.Add(cell is null
                    ? new IngestProblem(sheet, row, scoreColumn, ProblemCodes.MissingScore, $"{criterion} of {unit.NameVi} has no score.", $"{criterion} của {unit.NameVi} chưa có điểm.")
                    : new IngestProblem(sheet, row, scoreColumn, reading.Kind switch
                    {
                        NumberKind.ExcelError => ProblemCodes.ExcelError,
                        NumberKind.Date => ProblemCodes.DateNotScore,
                        NumberKind.Ambiguous => ProblemCodes.AmbiguousNumber,
                        _ => ProblemCodes.NotANumber,
                    }, $"{criterion} of {unit.NameVi}: '{shown}' is not a number{(reading.Hint is { } h ? $" (probably {h})" : "")}.",
                        $"{criterion} của {unit.NameVi}: '{shown}' không phải là số{(reading.Hint is { } hv ? $" (có lẽ là {hv})" : "")}.") { Found = found });
                return RowStep.Next;
            }
            var score = reading.Value;
            if (defined is not null && index.MaximumOfCriterion(defined) is var most && score > most && score <= maximum)
            {
                var max = most.ToString(CultureInfo.InvariantCulture);
                var found = score.ToString(CultureInfo.InvariantCulture);
                problems.Add(new IngestProblem(sheet, row, scoreColumn, ProblemCodes.CriterionOverMaximum,
                    $"{criterion} of {unit.NameVi}: {found} is over the criterion's maximum of {max}.",
                    $"{criterion} của {unit.NameVi}: {found} vượt điểm tối đa {max} của tiêu chí.") { Found = found });
                return RowStep.Next;
            }
            if (score < 0 || score > maximum)
            {
                problems.Add(new IngestProblem(sheet, row, scoreColumn, ProblemCodes.ScoreOutOfRange,
                    $"{criterion} of {unit.NameVi}: {score.ToString(CultureInfo.InvariantCulture)} is outside 0..{index.Maximum.ToString(CultureInfo.InvariantCulture)}.",
                    $"{criterion} của {unit.NameVi}: {score.ToString(CultureInfo.InvariantCulture)} nằm ngoài khoảng 0..{index.Maximum.ToString(CultureInfo.InvariantCulture)}."));
                return RowStep.Next;
            }
            known.Passed = true;
            // Repeats are told at the end (FingerprintLog): such a file is rejected all the same, nothing staged kept.
            var fingerprint = Fingerprint(y2, unit.Code, criterion);
            seen.Add(fingerprint, row);
            if (problems.Count > 0 || repeatInBatch)
            {
                // Once the file is known to be rejected, staging more rows is wasted work: keep checking only.
                return RowStep.Next;
            }

            if (defined is not null)
            {
                var key = (y2, unit.Code, defined.Component);
                tallies![key] = tallies.TryGetValue(key, out var tally) ? tally.Add(score) : new ComponentTally(score, 1, row);
            }
            var state = years.TryGetValue(y2, out var s) ? s : years[y2] = new YearState(new IndexYear(index.Code, y2), file.Sha256, buckets);
            var bucket = state.Add(new CriterionScore(state.IndexYear, unit.Code, criterion, score, row), Math.Round(score, index.Decimals), fingerprint);
            if (bucket < 0)
            {
                // A repeat within one batch would fail its transaction (a row key twice): stop staging, the file
                // is rejected at the end with the repeat located.
                repeatInBatch = true;
                return RowStep.Next;
            }
            if (state.BatchCount(bucket) == CriteriaStore.MaxBatch)
            {
                full = state.TakeBatch(bucket);
                return RowStep.BatchFull;
            }
            return RowStep.Next;
        }

        for (var row = 1; reader.Read(); row++)
        {
            var step = Step(row);
            if (step == RowStep.Stop)
            {
                if (early is not null)
                {
                    return early;
                }
                break;
            }
            if (step == RowStep.BatchFull)
            {
                var batch = full;
                if (pending.Full)
                {
                    waiting.Start();
                    await pending.WaitForRoomAsync();
                    waiting.Stop();
                }
                pending.Add(store.StageAsync(batch.Partition, batch.Rows, ct));
            }
        }
        foreach (var state in years.Values)
        {
            foreach (var batch in state.TakeRemaining())
            {
                if (pending.Full)
                {
                    await pending.WaitForRoomAsync();
                }
                pending.Add(store.StageAsync(batch.Partition, batch.Rows, ct));
            }
        }
        await pending.DrainAsync();

        var unitsByYear = resolvedByYear.ToDictionary(y => y.Key, y => y.Value.Values.Where(k => k.Passed && k.Resolution.Unit is not null)
            .Select(k => k.Resolution.Unit!.Code).Concat(overflow?.Where(o => o.Item1 == y.Key && o.Item2.Length > 0).Select(o => o.Item2) ?? [])
            .ToHashSet(StringComparer.Ordinal));
        foreach (var (year, codes) in unitsByYear.Where(y => y.Value.Count > 0).OrderBy(y => y.Key))
        {
            foreach (var missing in gazetteer.UnitsFor(index.UnitKind, year).Where(u => !codes.Contains(u.Code)))
            {
                problems.Add(new IngestProblem(sheet, null, ScoreColumns.Letter(layout.UnitColumn), ProblemCodes.MissingUnit,
                    $"{missing.NameVi} ({missing.Code}) has no criterion scores for {year}.", $"{missing.NameVi} ({missing.Code}) không có điểm tiêu chí nào của năm {year}."));
            }
        }
        foreach (var (repeat, first) in seen.Repeats().Take(WorkbookParser.MaxProblems))
        {
            problems.Add(new IngestProblem(sheet, repeat, criterionLetter, ProblemCodes.DuplicateCriterion,
                $"Row {repeat} repeats row {first}: the same unit, criterion and year.", $"Dòng {repeat} lặp lại dòng {first}: cùng đơn vị, tiêu chí và năm."));
        }
        // In the order of the rows, as a person goes through the file.
        problems = [.. problems.OrderBy(p => p.Row ?? int.MaxValue)];
        if (problems.Count == 0 && years.Count == 0)
        {
            problems.Add(new IngestProblem(sheet, layout.FirstDataRow, null, ProblemCodes.NoRows, $"The criteria table under row {layout.HeaderRow} has no rows.", $"Bảng tiêu chí dưới dòng {layout.HeaderRow} không có dòng nào."));
        }
        var versions = years.Values.Select(v => new CriteriaVersion(v.IndexYear, file.Sha256, v.DataHash(), v.Rows, unitsByYear[v.IndexYear.Year].Count)).ToList();
        var sums = tallies?.Select(t => new ComponentSum(new IndexYear(index.Code, t.Key.Year), t.Key.Unit, t.Key.Component, t.Value.Sum, t.Value.Count, t.Value.FirstRow)).ToList() ?? [];
        return new CriteriaResult(problems, [.. years.Keys.Select(k => new IndexYear(index.Code, k))])
        {
            Versions = versions, Warnings = cleaner.Warnings(), ComponentSums = sums, Sheet = sheet, ScoreColumn = scoreColumn,
        };
    }

    /// <summary>A criterion the definition does not list: another index's when one lists it, else unknown, with the
    /// nearest ids of this index (the ones sharing the first part of the number) as a hint.</summary>
    private IngestProblem UnknownCriterion(string sheet, int row, string column, string criterion, Indices.IndexDefinition index)
    {
        var other = indices.All.Where(d => d != index && d.FindCriterion(criterion) is not null).Select(d => d.ShortNameEn).FirstOrDefault();
        var quoted = DisplayText.Cell(criterion);
        if (other is not null)
        {
            return new IngestProblem(sheet, row, column, ProblemCodes.CriterionOfOtherIndex,
                $"'{quoted}' is a criterion of {other}, not of {index.ShortNameEn}: is this the right file, or the right folder?",
                $"'{quoted}' là tiêu chí của {other}, không phải của {index.ShortNameVi}: tệp có đúng không, gửi đúng thư mục chưa?") { Found = criterion };
        }
        var head = criterion.Split('.', 2)[0];
        var near = index.Criteria!.Where(c => c.Id.Split('.', 2)[0] == head).Take(8).Select(c => c.Id).ToList();
        var listed = near.Count > 0 ? near : [.. index.Criteria!.Take(8).Select(c => c.Id)];
        var more = index.Criteria!.Count > listed.Count ? ", …" : "";
        return new IngestProblem(sheet, row, column, ProblemCodes.UnknownCriterion,
            $"'{quoted}' is not a criterion of {index.ShortNameEn}; its criteria include {string.Join(", ", listed)}{more}.",
            $"'{quoted}' không phải là tiêu chí của {index.ShortNameVi}; các tiêu chí gồm {string.Join(", ", listed)}{more}.") { Found = criterion };
    }

    private readonly record struct ComponentTally(double Sum, int Count, int FirstRow)
    {
        public ComponentTally Add(double score) => this with { Sum = Sum + score, Count = Count + 1 };
    }

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

    /// <summary>A unit cell's text as the file spells it, cleaned and resolved once; <see cref="Passed"/> once a row of it is kept.</summary>
    private enum RowStep
    {
        Next,
        BatchFull,
        Stop,
    }

    private sealed class KnownSpelling(string text, CellRepair repairs, UnitResolution resolution)
    {
        public string Text { get; } = text;

        public CellRepair Repairs { get; } = repairs;

        public UnitResolution Resolution { get; } = resolution;

        public bool Passed { get; set; }
    }

    private sealed class YearState(IndexYear indexYear, string sha256, int buckets)
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Rows are hashed 64 KiB at a time: one call into the hash per row cost two thirds of reading a csv.
        private readonly ArrayBufferWriter<byte> _pending = new(HashChunk + 1024);
        private const int HashChunk = 64 * 1024;

        private readonly List<CriterionScore>[] _batches = [.. Enumerable.Range(0, buckets).Select(_ => new List<CriterionScore>(CriteriaStore.MaxBatch))];
        private readonly ulong[][] _batchFingerprints = [.. Enumerable.Range(0, buckets).Select(_ => new ulong[CriteriaStore.MaxBatch])];

        public IndexYear IndexYear { get; } = indexYear;

        /// <summary>The staged version's partitions' common prefix.</summary>
        public string Version { get; } = CriteriaStore.StagedVersion(indexYear, sha256);

        public long Rows { get; private set; }

        public int BatchCount(int bucket) => _batches[bucket].Count;

        /// <summary>Adds the row to its bucket's batch and to the hash; returns the bucket, or -1, adding nothing,
        /// when that batch has the row's key already.</summary>
        public int Add(CriterionScore score, double rounded, ulong fingerprint)
        {
            var bucket = CriteriaStore.Bucket(fingerprint, _batches.Length);
            var batch = _batches[bucket];
            var fingerprints = _batchFingerprints[bucket];
            // Array.IndexOf, not a span's Contains: Stryker's mutants of the latter do not compile (CS1929).
            if (Array.IndexOf(fingerprints, fingerprint, 0, batch.Count) >= 0)
            {
                return -1;
            }
            fingerprints[batch.Count] = fingerprint;
            batch.Add(score);
            Rows++;
            // "{unit}|{criterion}|{score}\n" in UTF-8, written straight into the buffer (a criterion is at most 200
            // characters, 600 bytes).
            var span = _pending.GetSpan(1024);
            var n = Encoding.UTF8.GetBytes(score.UnitCode, span);
            span[n++] = (byte)'|';
            n += Encoding.UTF8.GetBytes(score.Criterion, span[n..]);
            span[n++] = (byte)'|';
            n += DecimalText.Format(rounded, span[n..]);
            span[n++] = (byte)'\n';
            _pending.Advance(n);
            if (_pending.WrittenCount >= HashChunk)
            {
                Flush();
            }
            return bucket;
        }

        private void Flush()
        {
            _hash.AppendData(_pending.WrittenSpan);
            _pending.ResetWrittenCount();
        }

        public (string Partition, List<CriterionScore> Rows) TakeBatch(int bucket)
        {
            var batch = _batches[bucket];
            _batches[bucket] = new List<CriterionScore>(CriteriaStore.MaxBatch);
            return (CriteriaStore.BucketPartition(Version, bucket), batch);
        }

        /// <summary>The batches not yet full, at the end of the sheet.</summary>
        public IEnumerable<(string Partition, List<CriterionScore> Rows)> TakeRemaining() =>
            [.. Enumerable.Range(0, _batches.Length).Where(b => _batches[b].Count > 0).Select(TakeBatch)];

        public string DataHash()
        {
            Flush();
            return Convert.ToHexStringLower(_hash.GetCurrentHash());
        }
    }
}
