namespace ParPipeline.Storage;

/// <summary>A queue message the host gave up on after its retries, as the ledger keeps it.</summary>
/// <param name="MessageId">The id it had on its own queue (the poison queue's copy has another).</param>
/// <param name="Message">Its content, or the first KiB of it with control characters shown as '?'.</param>
/// <param name="DequeueCount">How many times the function was given it; 0 when the host gave up before any try reached the function.</param>
/// <param name="LastError">What the last try threw.</param>
public sealed record PoisonedMessage(string Queue, string MessageId, string Message, long DequeueCount, DateTimeOffset PoisonedAt,
    DateTimeOffset? FirstFailedAt = null, DateTimeOffset? LastFailedAt = null, string? LastError = null);
