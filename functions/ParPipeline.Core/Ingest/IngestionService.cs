using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParPipeline.Indices;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>
/// One dropped file, start to end: read and validate it, then either store its scores, archive it and ask
/// for a ranking recompute, or quarantine it with a located error report. Nothing is lost: the drop is
/// deleted only once its copy is stored. Every step is safe to repeat, so a trigger retry after a crash
/// finishes the work instead of doubling it.
/// </summary>
public sealed class IngestionService(
    IndexCatalog indices,
    WorkbookParser parser,
    CriteriaIngestion criteria,
    CriteriaStore criteriaStore,
    ScoreStore scores,
    IngestionLedger ledger,
    FileVault vault,
    RecomputeQueue recompute,
    IndexYearLocks locks,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<IngestionService> log)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Whether this instance is ingesting a drop of that name right now.</summary>
    public bool IsInFlight(string blobName) => _inFlight.ContainsKey(blobName);

    /// <summary>
    /// A drop as a trigger hands it over, once per delivery of its event. Event Grid delivers at least once and
    /// the Functions host keeps no blob receipts for an Event Grid source, so the same upload can arrive twice at
    /// once or minutes apart: its ETag makes every delivery after the first a no-op that says so.
    /// </summary>
    public async Task<IngestOutcome> IngestDropAsync(BlobClient blob, CancellationToken ct)
    {
        Response<BlobDownloadStreamingResult> download;
        try
        {
            download = await blob.DownloadStreamingAsync(cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            log.LogInformation("{Blob} is no longer in {Container}: an earlier delivery of its event took it; nothing to do", blob.Name, PipelineStorageNames.DropsContainer);
            return IngestOutcome.Gone;
        }
        await using var content = download.Value.Content;
        return await IngestAsync(blob.Name, content, download.Value.Details.ETag.ToString(), download.Value.Details.LastModified, ct);
    }

    /// <summary>Bytes that did not come from a blob (tests, tools): each call is a drop of its own, dropped now.</summary>
    public Task<IngestOutcome> IngestAsync(string blobName, Stream content, CancellationToken ct) =>
        IngestAsync(blobName, content, null, clock.GetUtcNow(), ct);

    public async Task<IngestOutcome> IngestAsync(string blobName, Stream content, string? etag, DateTimeOffset droppedAt, CancellationToken ct)
    {
        _inFlight.AddOrUpdate(blobName, 1, (_, n) => n + 1);
        try
        {
            return await IngestCoreAsync(blobName, content, etag, droppedAt, ct);
        }
        finally
        {
            if (_inFlight.AddOrUpdate(blobName, 0, (_, n) => n - 1) <= 0)
            {
                _inFlight.TryRemove(KeyValuePair.Create(blobName, 0));
            }
        }
    }

    private async Task<IngestOutcome> IngestCoreAsync(string blobName, Stream content, string? etag, DateTimeOffset droppedAt, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var receivedAt = clock.GetUtcNow();
        var limit = options.Value.MaxFileBytes;
        var (read, sha, length) = await DroppedFile.ReadAsync(blobName, content, limit, ct);
        var dropTag = $"{blobName}@{etag ?? Guid.NewGuid().ToString("N")}";
        var file = read is null ? null : read with { ETag = etag, DroppedAt = droppedAt, DropTag = dropTag };

        if (await ledger.GetAsync(sha, ct) is { } known)
        {
            var added = await ledger.AddDropAsync(sha, blobName, dropTag, ct);
            if (!added && known.Status == LedgerStatus.Ingested)
            {
                // Another try of this very drop: an earlier one may have died between the ledger and the queue
                // (a storage fault, a killed host), and the drop is deleted only after its recompute is sent.
                foreach (var indexYear in known.IndexYears.Select(Parse))
                {
                    await recompute.SendAsync(new RecomputeRequest(indexYear.Index, indexYear.Year), ct);
                }
            }
            // A file refused unread lives only in ministry-drops: never delete what was not copied.
            if (!known.StoredAs.StartsWith(PipelineStorageNames.DropsContainer + "/", StringComparison.Ordinal))
            {
                await vault.DeleteDropAsync(blobName, etag, ct);
            }
            if (added)
            {
                log.LogInformation("{Blob} has the same bytes as {KnownBlob} ({Status}); nothing to do", blobName, known.BlobName, known.Status);
            }
            else
            {
                log.LogInformation("{Blob} ({ETag}) was delivered again; the ledger has this drop already, nothing to do", blobName, etag);
            }
            return new IngestOutcome(IngestStatus.Duplicate, sha, [.. known.IndexYears.Select(Parse)], known.Units, [], []);
        }

        if (file is null)
        {
            // Too large to hold: it stays where it was dropped, for a person to split or shrink; the ledger says so.
            var problem = new IngestProblem(null, null, null, ProblemCodes.FileTooLarge,
                $"{blobName} is {length:N0} bytes; files over {limit:N0} bytes (setting Ingestion__MaxFileBytes) are refused and left in {PipelineStorageNames.DropsContainer}.",
                $"{blobName} nặng {length:N0} byte; tệp trên {limit:N0} byte (thiết lập Ingestion__MaxFileBytes) bị từ chối và để lại trong {PipelineStorageNames.DropsContainer}.");
            await ledger.RecordAsync(new LedgerEntry(sha, [blobName], LedgerStatus.Rejected, [], 0, 1, [problem],
                $"{PipelineStorageNames.DropsContainer}/{blobName}", null, receivedAt, clock.GetElapsedTime(started)) { DropTags = [dropTag] }, ct);
            return new IngestOutcome(IngestStatus.Rejected, sha, [], 0, [problem], []);
        }

        var (parsed, reader) = await ParseAsync(file, ct);
        try
        {
            if (parsed.Problems.Count > 0)
            {
                return await RejectAsync(file, parsed.Problems, receivedAt, started, ct);
            }
            if (parsed.LongTables.Count > 0)
            {
                return await IngestCriteriaAsync(file, reader!, parsed.LongTables, receivedAt, started, ct);
            }
        }
        finally
        {
            reader?.Dispose();
        }

        var storedAs = await vault.ArchiveAsync(file, ct);
        var written = new List<IndexYear>();
        string? duplicateOf = null;
        var status = LedgerStatus.Ingested;
        var warnings = parsed.Tables.SelectMany(t => t.Warnings).ToList();
        foreach (var table in parsed.Tables.Where(t => t.Index.Criteria is not null))
        {
            // The annex came first: hold this table against it, as an annex is held against the table.
            if (await criteriaStore.GetCurrentAsync(table.IndexYear, ct) is { } annex)
            {
                warnings.AddRange(CriteriaSums.Check(table.Index, await criteriaStore.ReadVersionAsync(table.IndexYear, annex.Version, ct).ToListAsync(ct), table));
            }
        }
        var units = parsed.Tables.Sum(t => t.Units.Count);
        // From reading the current version to recording this one, no other file of these years may pass.
        await using (await locks.AcquireAsync(parsed.Tables.Select(t => t.IndexYear), ct))
        {
            if (await SameBytesFinishedAsync(file, ct) is { } finished)
            {
                return finished;
            }
            string? newer = null;
            foreach (var table in parsed.Tables)
            {
                var current = await scores.GetAsync(table.IndexYear, ct);
                if (current is not null && current.Version != file.Sha256 && current.DataHash == ScoreStore.DataHash(table))
                {
                    duplicateOf = current.Version;
                    continue;
                }
                // Events arrive in any order: a late event of an older upload never replaces a newer version.
                if (current is { DroppedAt: { } currentDroppedAt } && current.Version != file.Sha256 && currentDroppedAt > file.DroppedAt)
                {
                    newer = current.Version;
                    await scores.KeepAsync(table, file, ct);
                    log.LogInformation("{Blob}, uploaded {DroppedAt:o}, is older than the current {IndexYear} version ({Current}, uploaded {CurrentDroppedAt:o}): kept as superseded",
                        blobName, file.DroppedAt, table.IndexYear, current.Version[..12], currentDroppedAt);
                    continue;
                }
                // current.Version == this file: an earlier attempt wrote it and died before the ledger; write again.
                await scores.ReplaceAsync(table, file, current, ct);
                if (current is not null && current.Version != file.Sha256)
                {
                    await ledger.MarkSupersededAsync(current.Version, file.Sha256, ct);
                }
                written.Add(table.IndexYear);
            }
            status = written.Count > 0 ? LedgerStatus.Ingested : newer is not null ? LedgerStatus.Superseded : LedgerStatus.Duplicate;
            await ledger.RecordAsync(new LedgerEntry(file.Sha256, [blobName], status, [.. parsed.Tables.Select(t => t.IndexYear.PartitionKey)],
                units, 0, warnings, storedAs, status switch { LedgerStatus.Duplicate => duplicateOf, LedgerStatus.Superseded => newer, _ => null },
                receivedAt, clock.GetElapsedTime(started)) { DropTags = [dropTag] }, ct);
        }
        foreach (var indexYear in written)
        {
            await recompute.SendAsync(new RecomputeRequest(indexYear.Index, indexYear.Year), ct);
        }
        await vault.DeleteDropAsync(blobName, etag, ct);
        foreach (var warning in warnings)
        {
            log.LogWarning("{Blob}: {Warning}", blobName, warning);
        }
        return new IngestOutcome(status switch { LedgerStatus.Ingested => IngestStatus.Ingested, LedgerStatus.Superseded => IngestStatus.Superseded, _ => IngestStatus.Duplicate },
            file.Sha256, [.. parsed.Tables.Select(t => t.IndexYear)], units, [], warnings);
    }

    /// <summary>
    /// A long-format annex: streamed into staged partitions, then made current by one pointer flip per
    /// index-year, or, on any problem, the staged rows removed and the file quarantined.
    /// </summary>
    private async Task<IngestOutcome> IngestCriteriaAsync(DroppedFile file, ExcelDataReader.IExcelDataReader reader, IReadOnlyList<LongTablePlan> plans, DateTimeOffset receivedAt, long started, CancellationToken ct)
    {
        var timeout = options.Value.ParseTimeout;
        var results = new List<CriteriaResult>();
        var problems = new List<IngestProblem>();
        foreach (var plan in plans)
        {
            try
            {
                var result = await criteria.StageAsync(reader, file, plan, timeout, ct);
                results.Add(result);
                problems.AddRange(result.Problems);
            }
            catch (TimeoutException)
            {
                problems.Add(new IngestProblem(plan.Sheet, null, null, ProblemCodes.ParseTimeout,
                    $"{file.FileName} took longer than {timeout.TotalSeconds:0} s to read, not counting storage (setting Ingestion__ParseTimeout); it is refused.",
                    $"{file.FileName} cần hơn {timeout.TotalSeconds:0} giây để đọc, chưa kể thời gian ghi (thiết lập Ingestion__ParseTimeout); tệp bị từ chối."));
            }
            catch (Exception e) when (e is not (OperationCanceledException or Azure.RequestFailedException))
            {
                // The reader's failures end as a rejected file; storage failures are outages and retried.
                problems.Add(SpreadsheetOpener.Failure(e, file.FileName));
            }
        }
        if (problems.Count > 0)
        {
            foreach (var indexYear in results.SelectMany(r => r.IndexYears).Distinct())
            {
                await criteriaStore.DeleteStagedAsync(CriteriaStore.StagedVersion(indexYear, file.Sha256), ct);
            }
            return await RejectAsync(file, [.. problems.Take(WorkbookParser.MaxProblems + 1)], receivedAt, started, ct);
        }

        var storedAs = await vault.ArchiveAsync(file, ct);
        var versions = results.SelectMany(r => r.Versions).ToList();
        var warnings = results.SelectMany(r => r.Warnings).ToList();
        foreach (var result in results.Where(r => r.ComponentSums.Count > 0))
        {
            foreach (var indexYear in result.ComponentSums.Select(s => s.IndexYear).Distinct())
            {
                // Against the table current now; an annex that comes before its table is not checked (the table is
                // checked on its own, criteria or not).
                if (await scores.GetAsync(indexYear, ct) is { } table)
                {
                    warnings.AddRange(CriteriaSums.Check(indices.Find(indexYear.Index)!, [.. result.ComponentSums.Where(s => s.IndexYear == indexYear)], table.Scores, result.Sheet, result.ScoreColumn));
                }
            }
        }
        string? duplicateOf = null;
        var flipped = 0;
        var units = versions.Sum(v => v.Units);
        var status = LedgerStatus.Ingested;
        await using (await locks.AcquireAsync(versions.Select(v => v.IndexYear), ct))
        {
            if (await SameBytesFinishedAsync(file, ct) is { } finished)
            {
                foreach (var version in versions.Where(v => v.Version == file.Sha256 && !finished.IndexYears.Contains(v.IndexYear)))
                {
                    await criteriaStore.DeleteStagedAsync(CriteriaStore.StagedVersion(version.IndexYear, file.Sha256), ct);
                }
                return finished;
            }
            foreach (var version in versions)
            {
                var current = await criteriaStore.GetCurrentAsync(version.IndexYear, ct);
                if (current is not null && current.Version != version.Version && current.DataHash == version.DataHash)
                {
                    duplicateOf = current.Version;
                    await criteriaStore.DeleteStagedAsync(CriteriaStore.StagedVersion(version.IndexYear, file.Sha256), ct);
                    continue;
                }
                await criteriaStore.FlipAsync(version, ct);
                flipped++;
                if (current is not null && current.Version != version.Version)
                {
                    await ledger.MarkSupersededAsync(current.Version, file.Sha256, ct);
                }
            }
            status = flipped == 0 ? LedgerStatus.Duplicate : LedgerStatus.Ingested;
            await ledger.RecordAsync(new LedgerEntry(file.Sha256, [file.BlobName], status, [.. versions.Select(v => v.IndexYear.PartitionKey)],
                units, 0, warnings, storedAs, status == LedgerStatus.Duplicate ? duplicateOf : null, receivedAt, clock.GetElapsedTime(started)) { DropTags = [file.DropTag] }, ct);
        }
        await vault.DeleteDropAsync(file.BlobName, file.ETag, ct);
        log.LogInformation("{Blob}: {Rows} criterion scores of {Units} units staged and made current", file.BlobName, versions.Sum(v => v.Rows), units);
        return new IngestOutcome(status switch { LedgerStatus.Ingested => IngestStatus.Ingested, LedgerStatus.Superseded => IngestStatus.Superseded, _ => IngestStatus.Duplicate },
            file.Sha256, [.. versions.Select(v => v.IndexYear)], units, [], warnings);
    }

    /// <summary>
    /// Parses off the trigger's thread with a deadline: a file that makes the reader loop is rejected, not waited
    /// on. Returns the parsed workbook and, when the file opened, its reader, which the caller disposes.
    /// </summary>
    private async Task<(ParsedWorkbook Parsed, ExcelDataReader.IExcelDataReader? Reader)> ParseAsync(DroppedFile file, CancellationToken ct)
    {
        var timeout = options.Value.ParseTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var (target, pathProblem) = DropTarget.Parse(file.BlobName, indices);
        if (pathProblem is not null)
        {
            return (ParsedWorkbook.Rejected(pathProblem), null);
        }
        if (file.Content.Length == 0)
        {
            return (ParsedWorkbook.Rejected(new IngestProblem(null, null, null, ProblemCodes.EmptyFile, $"{file.FileName} is empty (0 bytes).", $"{file.FileName} rỗng (0 byte).")), null);
        }
        var (reader, openProblem) = SpreadsheetOpener.TryOpen(file.Content, file.FileName);
        if (reader is null)
        {
            return (ParsedWorkbook.Rejected(openProblem!), null);
        }
        try
        {
            return (await Task.Run(() => parser.Parse(reader, file, target!, deadline.Token), deadline.Token).WaitAsync(timeout, ct), reader);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The reader may still be in use by the abandoned parse; it is disposed by the caller all the same,
            // and whatever that makes the parse throw is caught inside it.
            return (ParsedWorkbook.Rejected(new IngestProblem(null, null, null, ProblemCodes.ParseTimeout,
                $"{file.FileName} took longer than {timeout.TotalSeconds:0} s to read (setting Ingestion__ParseTimeout); it is refused.",
                $"{file.FileName} cần hơn {timeout.TotalSeconds:0} giây để đọc (thiết lập Ingestion__ParseTimeout); tệp bị từ chối.")), reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The same bytes, dropped under another name, were finished while this drop waited for the lock: one file
    /// with two names, not a second ingestion (which could bring back a version superseded meanwhile).
    /// </summary>
    private async Task<IngestOutcome?> SameBytesFinishedAsync(DroppedFile file, CancellationToken ct)
    {
        if (await ledger.GetAsync(file.Sha256, ct) is not { } known)
        {
            return null;
        }
        await ledger.AddDropAsync(file.Sha256, file.BlobName, file.DropTag, ct);
        await vault.DeleteDropAsync(file.BlobName, file.ETag, ct);
        log.LogInformation("{Blob} has the same bytes as {KnownBlob} ({Status}), finished meanwhile", file.BlobName, known.BlobName, known.Status);
        return new IngestOutcome(IngestStatus.Duplicate, file.Sha256, [.. known.IndexYears.Select(Parse)], known.Units, [], []);
    }

    private async Task<IngestOutcome> RejectAsync(DroppedFile file, IReadOnlyList<IngestProblem> problems, DateTimeOffset receivedAt, long started, CancellationToken ct)
    {
        var expected = $"A spreadsheet (xlsx, xls or csv) named {{index}}/{{year}}/{{file}} (index one of " +
            $"{string.Join(", ", indices.All.Select(d => d.Code).Order(StringComparer.Ordinal))}) or titled with the index and year, " +
            "with a header row naming the unit and the score columns, then one row per unit of that year with scores within the index's range.";
        var codes = string.Join(", ", indices.All.Select(d => d.Code).Order(StringComparer.Ordinal));
        var expectedVi = $"Một bảng tính (xlsx, xls hoặc csv) đặt tên {{chỉ số}}/{{năm}}/{{tệp}} (chỉ số là một trong {codes}) hoặc có tiêu đề ghi chỉ số và năm, " +
            "với một dòng tiêu đề cột ghi tên đơn vị và các cột điểm, rồi mỗi đơn vị của năm đó một dòng, điểm trong khoảng của chỉ số.";
        var report = new ErrorReport(file.BlobName, file.Sha256, expected, expectedVi, problems, clock.GetUtcNow());
        var storedAs = await vault.QuarantineAsync(file, report, ct);
        await ledger.RecordAsync(new LedgerEntry(file.Sha256, [file.BlobName], LedgerStatus.Rejected, [], 0, problems.Count, [],
            storedAs, null, receivedAt, clock.GetElapsedTime(started)) { DropTags = [file.DropTag] }, ct);
        await vault.DeleteDropAsync(file.BlobName, file.ETag, ct);
        return new IngestOutcome(IngestStatus.Rejected, file.Sha256, [], 0, problems, []);
    }

    private static IndexYear Parse(string partitionKey) => IndexYear.TryParse(partitionKey, out var indexYear) ? indexYear : default;
}
