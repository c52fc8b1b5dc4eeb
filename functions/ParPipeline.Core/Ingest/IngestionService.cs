using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParPipeline.Indices;
using ParPipeline.Ranking;
using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>
/// One dropped file, start to end: read, validate, then either store its scores, archive it and ask for a
/// ranking recompute, or quarantine it with a located error report. Every step is safe to repeat, so a
/// trigger retry after a crash finishes the work instead of doubling it.
/// </summary>
public sealed class IngestionService(
    IndexCatalog indices,
    ScoreSheetParser parser,
    ScoreStore scores,
    IngestionLedger ledger,
    FileVault vault,
    RecomputeQueue recompute,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<IngestionService> log)
{
    public async Task<IngestOutcome> IngestAsync(string blobName, Stream content, CancellationToken ct)
    {
        DroppedFile file;
        try
        {
            file = await DroppedFile.ReadAsync(blobName, content, options.Value.MaxFileBytes, ct);
        }
        catch (FileTooLargeException e)
        {
            // The bytes beyond the limit are still in ministry-drops: leave the drop there for a person,
            // record the rejection under the name (no hash of a file we refused to read whole).
            var problem = new IngestProblem(null, null, null, ProblemCodes.FileTooLarge, e.Message);
            log.LogWarning("{Blob} refused: {Problem}", blobName, problem);
            return new IngestOutcome(IngestStatus.Rejected, "", null, 0, [problem]);
        }

        if (await ledger.GetAsync(file.Sha256, ct) is { } known)
        {
            await vault.DeleteDropAsync(blobName, ct);
            log.LogInformation("{Blob} has the same bytes as {KnownBlob} ({Status}); nothing to do", blobName, known.BlobName, known.Status);
            return new IngestOutcome(IngestStatus.Duplicate, file.Sha256, IndexYear.TryParse(known.IndexYear ?? "", out var iy) ? iy : null, known.Units, []);
        }

        var (index, indexYear, pathProblem) = DropPath.Parse(blobName, indices);
        var parsed = pathProblem is not null ? new ParsedSheet([], [pathProblem])
            : file.Content.Length == 0 ? new ParsedSheet([], [new IngestProblem(null, null, null, ProblemCodes.EmptyFile, $"{file.FileName} is empty (0 bytes).")])
            : parser.Parse(index!, file);

        if (parsed.Problems.Count > 0)
        {
            return await RejectAsync(file, indexYear, index, parsed.Problems, ct);
        }

        var target = indexYear!.Value;
        var storedAs = await vault.ArchiveAsync(file, ct);
        await scores.ReplaceAsync(target, file.Sha256, parsed.Scores, ct);
        await ledger.RecordAsync(new LedgerEntry(file.Sha256, blobName, LedgerStatus.Ingested, target.PartitionKey,
            parsed.Scores.Count, 0, storedAs, clock.GetUtcNow()), ct);
        await recompute.SendAsync(new RecomputeRequest(target.Index, target.Year), ct);
        await vault.DeleteDropAsync(blobName, ct);
        return new IngestOutcome(IngestStatus.Ingested, file.Sha256, target, parsed.Scores.Count, []);
    }

    private async Task<IngestOutcome> RejectAsync(
        DroppedFile file, IndexYear? indexYear, IndexDefinition? index, IReadOnlyList<IngestProblem> problems, CancellationToken ct)
    {
        var expected = index is null
            ? $"A spreadsheet (xlsx, xls, csv) dropped as {{index}}/{{year}}/{{file}} with index one of {string.Join(", ", indices.All.Select(d => d.Code))}."
            : $"{index.NameEn}: a header row naming the unit and the score ({string.Join(", ", index.TotalHeaders.Take(3))}), " +
              $"then one row per {index.UnitKind} with a score from 0 to {index.Maximum}.";
        var report = new ErrorReport(file.BlobName, file.Sha256, expected, problems, clock.GetUtcNow());
        var storedAs = await vault.QuarantineAsync(file, report, ct);
        await ledger.RecordAsync(new LedgerEntry(file.Sha256, file.BlobName, LedgerStatus.Rejected, indexYear?.PartitionKey,
            0, problems.Count, storedAs, clock.GetUtcNow()), ct);
        await vault.DeleteDropAsync(file.BlobName, ct);
        return new IngestOutcome(IngestStatus.Rejected, file.Sha256, indexYear, 0, problems);
    }
}
