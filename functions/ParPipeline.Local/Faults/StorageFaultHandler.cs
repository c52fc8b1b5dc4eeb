using System.Net;
using ParPipeline.Storage;

namespace ParPipeline.Local.Faults;

/// <summary>
/// Fails storage requests before they leave, as Azure Storage and the network do: 503 ServerBusy, 500
/// InternalError, a timeout, a dropped connection; and, for an outage, every request to one service for a while.
/// An HTTP handler under the SDK's transport, so the client's own retries (<see cref="StorageRetry"/>) and error
/// handling meet the faults exactly as they would meet real ones. Seeded: the same seed fails the same requests
/// in the same order. Counts what it did.
/// </summary>
public sealed class StorageFaultHandler(StorageService service, StorageFaultOptions options, StorageFaultCounts counts, TimeProvider clock)
    : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly DateTimeOffset _started = clock.GetUtcNow();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counts.Call(service);
        var elapsed = clock.GetUtcNow() - _started;
        if (string.Equals(options.OutageService, service.ToString(), StringComparison.OrdinalIgnoreCase) &&
            elapsed >= options.OutageAfter && elapsed < options.OutageAfter + options.OutageDuration)
        {
            counts.Fault(service, "outage");
            return Task.FromResult(Answer(request, HttpStatusCode.ServiceUnavailable, "ServerBusy"));
        }
        var draw = counts.Next(options.Seed);
        if (draw.Roll >= options.Rate)
        {
            return base.SendAsync(request, cancellationToken);
        }
        switch (draw.Kind % 4)
        {
            case 0:
                counts.Fault(service, "503");
                return Task.FromResult(Answer(request, HttpStatusCode.ServiceUnavailable, "ServerBusy"));
            case 1:
                counts.Fault(service, "500");
                return Task.FromResult(Answer(request, HttpStatusCode.InternalServerError, "InternalError"));
            case 2:
                counts.Fault(service, "timeout");
                // What HttpClient throws when a request outlives its timeout (not the caller's cancellation).
                throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout (injected fault).",
                    new TimeoutException("injected"));
            default:
                counts.Fault(service, "dropped");
                throw new HttpRequestException("An error occurred while sending the request (injected fault).",
                    new IOException("Connection reset by peer (injected fault)."));
        }
    }

    /// <summary>An error answer as the storage front end sends it: status, error code header, no body.</summary>
    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, string errorCode)
    {
        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("x-ms-error-code", errorCode);
        response.Headers.TryAddWithoutValidation("x-ms-request-id", Guid.NewGuid().ToString());
        if (request.Headers.TryGetValues("x-ms-client-request-id", out var id))
        {
            response.Headers.TryAddWithoutValidation("x-ms-client-request-id", id);
        }
        return response;
    }
}
