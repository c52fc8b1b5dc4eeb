using Azure.Core;

namespace ParPipeline.Storage;

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
