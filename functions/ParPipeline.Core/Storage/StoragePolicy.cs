using Azure.Core;
using Azure.Core.Pipeline;

namespace ParPipeline.Storage;

/// <summary>The storage service a <see cref="StorageTransport"/> applies to.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}

/// <summary>
/// The HTTP transport of the pipeline's storage clients of one service, registered in DI: the way the local host
/// puts injected faults (<c>Local__StorageFaults__*</c>) under the real clients, below their own retries, so the
/// SDK meets a 503 or a reset connection as it would from the network.
/// </summary>
public sealed record StorageTransport(StorageService Service, HttpPipelineTransport Transport);

/// <summary>The Azure SDK retry settings of every pipeline storage client, chosen for the pipeline's calls.</summary>
public static class StorageRetry
{
    /// <summary>
    /// Exponential, 5 retries from 0.4 s up to 8 s (about 12 s in all, with jitter): enough to ride out throttling
    /// (503 ServerBusy, which asks for backoff) and a dropped connection, well inside a function's timeout; beyond
    /// that the trigger's own retries (host.json) and the drop sweeper take over. A try waits at most 30 s for an
    /// answer (the SDK's default is 100 s): the largest call is a 50 MiB archive upload, seconds within a region.
    /// </summary>
    public static void Apply(ClientOptions options)
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(400);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(8);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
