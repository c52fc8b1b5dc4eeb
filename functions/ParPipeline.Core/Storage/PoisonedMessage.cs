namespace ParPipeline.Storage;

/// <summary>A queue message the host gave up on after its retries, as the ledger keeps it.</summary>
public sealed record PoisonedMessage(string Queue, string MessageId, string Message, long DequeueCount, DateTimeOffset PoisonedAt);
