using Azure;
using Azure.Storage.Blobs;

namespace ParPipeline.Api;

/// <summary>
/// <c>GET /api/health</c>: for platform probes, always anonymous, so it says only whether storage answers (200) or
/// not (503), nothing an attacker could use. The detail is <see cref="StatusQuery"/>'s, behind the admin key.
/// </summary>
public sealed class HealthQuery(BlobServiceClient blobs)
{
    public async Task<ApiResponse> CheckAsync(CancellationToken ct) =>
        await ProbeAsync(blobs, ct) is null
            ? ApiResponse.Ok(new HealthResponse("ok", "reachable"), cacheable: false)
            : ApiResponse.Problem(503, "STORAGE_UNREACHABLE", "Storage unreachable", "Storage does not answer.");

    /// <summary>One cheap storage call; null when it answered, else what went wrong (for the keyed status only).</summary>
    internal static async Task<string?> ProbeAsync(BlobServiceClient blobs, CancellationToken ct)
    {
        try
        {
            await blobs.GetBlobContainerClient(Storage.PipelineStorageNames.DropsContainer).GetPropertiesAsync(cancellationToken: ct);
            return null;
        }
        catch (RequestFailedException e)
        {
            return $"{e.Status} {e.ErrorCode}";
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is RequestFailedException))
        {
            return string.Join("; ", e.InnerExceptions.Cast<RequestFailedException>().Select(i => $"{i.Status} {i.ErrorCode}"));
        }
    }
}

public sealed record HealthResponse(string Status, string Storage);
