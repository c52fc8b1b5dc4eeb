using ParPipeline.Ingest;
using ParPipeline.Storage;

namespace ParPipeline.Api;

/// <summary>
/// <c>GET /api/ingestions?status=&amp;top=</c> (key required): what became of every distinct file dropped, newest
/// first, and the recompute requests that failed every try.
/// </summary>
public sealed class IngestionQueries(IngestionLedger ledger, PoisonLedger poison)
{
    public const int DefaultTop = 100;
    public const int MaxTop = 1000;
    public static readonly IReadOnlyList<string> Parameters = ["status", "top"];
    public static readonly IReadOnlyList<string> Statuses = [.. Enum.GetNames<LedgerStatus>().Select(s => s.ToLowerInvariant())];

    public async Task<ApiResponse> ListAsync(ApiRequest request, CancellationToken ct)
    {
        var (status, badStatus) = ApiParameters.OneOf(request, "status", Statuses);
        var (top, badTop) = ApiParameters.Int(request, "top", 1, MaxTop);
        if ((badStatus ?? badTop) is { } bad)
        {
            return bad;
        }
        var entries = (await ledger.ListAsync(ct))
            .Where(e => status is null || e.Status.ToString().Equals(status, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.ReceivedAt).ThenBy(e => e.Sha256, StringComparer.Ordinal)
            .ToList();
        var poisoned = await poison.ListPoisonedAsync(ct);
        var body = new IngestionsResponse(entries.Count, [.. entries.Take(top ?? DefaultTop).Select(Ingestion.Of)], poisoned);
        return ApiResponse.Ok(body, cacheable: false);
    }
}

/// <param name="Total">How many entries match, of which at most <c>top</c> are listed.</param>
public sealed record IngestionsResponse(int Total, IReadOnlyList<Ingestion> Items, IReadOnlyList<PoisonedMessage> Poisoned);

/// <summary>One distinct file in the ledger, as the API lists it.</summary>
public sealed record Ingestion(
    string Sha256, LedgerStatus Status, IReadOnlyList<string> BlobNames, int Drops, IReadOnlyList<string> IndexYears, int Units, int Problems,
    IReadOnlyList<IngestProblem> Warnings, string StoredAs, string? RelatedVersion, DateTimeOffset ReceivedAt, long DurationMs)
{
    public static Ingestion Of(LedgerEntry e) => new(e.Sha256, e.Status, e.BlobNames, e.Drops, e.IndexYears, e.Units, e.Problems, e.Warnings,
        e.StoredAs, e.RelatedVersion, e.ReceivedAt, (long)e.Duration.TotalMilliseconds);
}
