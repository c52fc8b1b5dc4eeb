using Azure;
using Azure.Storage.Blobs;

namespace ParPipeline.Api;

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 otherwise.</summary>
public sealed class HealthQuery(BlobServiceClient blobs)
{
    public async Task<ApiResponse> CheckAsync(CancellationToken ct)
    {
        try
        {
            await blobs.GetBlobContainerClient(Storage.PipelineStorageNames.DropsContainer).GetPropertiesAsync(cancellationToken: ct);
            return ApiResponse.Ok(new HealthResponse("ok", "reachable"), cacheable: false);
        }
        catch (RequestFailedException e)
        {
            return ApiResponse.Problem(503, "STORAGE_UNREACHABLE", "Storage unreachable", $"Storage answered {e.Status} ({e.ErrorCode}).");
        }
    }
}

public sealed record HealthResponse(string Status, string Storage);
