using System.Text;
using ParPipeline.Ingest;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary>
/// <c>GET /api/ingestions/{file}</c> (key required): what became of a dropped file, found by its SHA-256 (or the
/// first 12 or more hex digits the logs print) or by its drop name (<c>PAR/2023/par.xlsx</c>, with <c>/</c> as
/// <c>%2F</c>, or the file name alone): status, every problem with its cell in both languages, and links to the
/// rejection report. <c>GET /api/ingestions/{file}/report</c> is that report as the HTML page the sender reads.
/// </summary>
public sealed class FileQueries(IngestionLedger ledger, FileVault vault)
{
    private const int MinimumShaPrefix = 12;

    public async Task<ApiResponse> FileAsync(string file, CancellationToken ct)
    {
        var (matches, problem) = await FindAsync(file, ct);
        if (problem is not null)
        {
            return problem;
        }
        var fates = new List<FileFate>();
        foreach (var entry in matches)
        {
            var report = entry.Status == LedgerStatus.Rejected ? await vault.ReadErrorReportAsync(entry.Sha256, ct) : null;
            fates.Add(FileFate.Of(entry, report));
        }
        return ApiResponse.Ok(new FileReport(Uri.UnescapeDataString(file), fates), cacheable: false);
    }

    public async Task<ApiResponse> ReportAsync(string file, CancellationToken ct)
    {
        var (matches, problem) = await FindAsync(file, ct);
        if (problem is not null)
        {
            return problem;
        }
        var rejected = matches.FirstOrDefault(m => m.Status == LedgerStatus.Rejected);
        if (rejected is null || await vault.ReadErrorReportAsync(rejected.Sha256, ct) is not { } report)
        {
            return ApiResponse.Problem(404, "NO_REJECTION_REPORT", "No rejection report",
                $"'{ApiParameters.Clip(Uri.UnescapeDataString(file))}' was not rejected ({string.Join(", ", matches.Select(m => m.Status.ToString().ToLowerInvariant()).Distinct())}): only a rejected file has a report. GET /api/ingestions/{{file}} says what became of it.");
        }
        // Rendered from errors.json rather than read from errors.html, so the page is the current one even for a file
        // rejected before the page existed.
        return ApiResponse.Bytes(RejectionPage.ContentType, Encoding.UTF8.GetBytes(RejectionPage.Render(report)), cacheable: false);
    }

    private async Task<(IReadOnlyList<LedgerEntry> Matches, ApiResponse? Problem)> FindAsync(string file, CancellationToken ct)
    {
        var wanted = Uri.UnescapeDataString(file);
        if (wanted.Length == 64 && IsHex(wanted))
        {
            return await ledger.GetAsync(wanted.ToLowerInvariant(), ct) is { } entry ? ([entry], null) : ([], NotFound(wanted));
        }
        var all = await ledger.ListAsync(ct);
        var matches = (wanted.Length >= MinimumShaPrefix && IsHex(wanted)
                ? all.Where(e => e.Sha256.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
                : all.Where(e => e.BlobNames.Any(n => n == wanted || n.EndsWith("/" + wanted, StringComparison.Ordinal))))
            .OrderByDescending(e => e.ReceivedAt).ThenBy(e => e.Sha256, StringComparer.Ordinal)
            .ToList();
        return matches.Count > 0 ? (matches, null) : ([], NotFound(wanted));
    }

    private static ApiResponse NotFound(string wanted) => ApiResponse.Problem(404, "FILE_NOT_FOUND", "No such file",
        $"No file dropped as '{ApiParameters.Clip(wanted)}' (drop name, file name or SHA-256) is in the ledger. A drop still waiting in " +
        $"{PipelineStorageNames.DropsContainer} is not there yet; GET /api/ingestions lists every file.");

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}

/// <summary>The files that match a <c>{file}</c> (a name dropped twice with different bytes is two files), newest first.</summary>
public sealed record FileReport(string Query, IReadOnlyList<FileFate> Files);

/// <summary>One file's fate: its ledger entry, every problem (a rejected file's, from its errors.json) and where its reports are.</summary>
public sealed record FileFate(
    string Sha256, LedgerStatus Status, IReadOnlyList<string> BlobNames, IReadOnlyList<string> IndexYears, int Units,
    IReadOnlyList<IngestProblem> Problems, IReadOnlyList<IngestProblem> Warnings, string StoredAs, DateTimeOffset ReceivedAt, FileLinks? Report)
{
    public static FileFate Of(LedgerEntry entry, ErrorReport? report) => new(
        entry.Sha256, entry.Status, entry.BlobNames, entry.IndexYears, entry.Units,
        // A file refused unread (too large) has no errors.json: its one problem is kept in the ledger row.
        report?.Problems ?? (entry.Status == LedgerStatus.Rejected ? entry.Warnings : []),
        entry.Status == LedgerStatus.Rejected ? [] : entry.Warnings,
        entry.StoredAs, entry.ReceivedAt,
        report is null ? null : new FileLinks(
            $"/api/ingestions/{entry.Sha256}/report", $"/api/ingestions/{entry.Sha256}",
            $"{PipelineStorageNames.QuarantineContainer}/{entry.Sha256}.errors.html", $"{PipelineStorageNames.QuarantineContainer}/{entry.Sha256}.errors.json"));
}

/// <param name="Html">The rejection report as a page (this API, key required).</param>
/// <param name="Json">This answer, which holds every problem of errors.json.</param>
/// <param name="HtmlBlob">The page as stored beside the quarantined file.</param>
/// <param name="JsonBlob">errors.json as stored beside the quarantined file.</param>
public sealed record FileLinks(string Html, string Json, string HtmlBlob, string JsonBlob);
