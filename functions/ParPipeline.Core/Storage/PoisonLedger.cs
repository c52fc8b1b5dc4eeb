using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ParPipeline.Storage;

/// <summary>
/// Recompute requests that failed, in table <c>Ingestions</c> beside the files: partition <c>failures</c> holds a
/// row per message still being retried (its id, tries, first and last failure, last error), keyed by the SHA-256 of
/// its content, because the copy the host moves to the poison queue has a new id and a dequeue count of 1; when
/// that copy arrives, partition <c>poison</c> gets a row under the original id with what the tries recorded.
/// </summary>
public sealed class PoisonLedger(TableServiceClient tables)
{
    private const string FailurePartition = "failures";
    private const string PoisonPartition = "poison";

    /// <summary>The part of a message kept: enough to see what it was, never a 64 KiB blob of anything.</summary>
    public const int MaxExcerpt = 1024;

    /// <summary>What a poisoned message is recorded with when no try reached the function.</summary>
    public const string NoTryError = "The host moved it to the poison queue before any try reached the function (it timed out, or the host could not hand it over).";

    private TableClient Table => tables.GetTableClient(PipelineStorageNames.IngestionsTable);

    public static string Excerpt(string message)
    {
        var shown = new string([.. message.Take(MaxExcerpt).Select(c => char.IsControl(c) && c is not '\n' ? '?' : c)]);
        return message.Length > MaxExcerpt ? shown + "…" : shown;
    }

    private static string Key(string message) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)));

    /// <summary>One failed try of <paramref name="messageId"/>: the host retries it, then moves it to the poison queue.</summary>
    public async Task RecordFailureAsync(string queue, string messageId, string message, long dequeueCount, DateTimeOffset at, string error, CancellationToken ct)
    {
        var key = Key(message);
        var known = await Table.GetEntityIfExistsAsync<TableEntity>(FailurePartition, key, cancellationToken: ct);
        await Table.UpsertEntityAsync(new TableEntity(FailurePartition, key)
        {
            ["Queue"] = queue,
            ["MessageId"] = messageId,
            ["Message"] = Excerpt(message),
            ["DequeueCount"] = dequeueCount,
            ["FirstFailedAt"] = known.HasValue ? known.Value!.GetDateTimeOffset("FirstFailedAt") ?? at : at,
            ["LastFailedAt"] = at,
            ["LastError"] = error.Length > MaxExcerpt ? error[..MaxExcerpt] : error,
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>
    /// The poison queue's copy of a message arrived: record it under its original id with what its tries recorded,
    /// or, when no try reached the function, under the copy's id with <see cref="NoTryError"/>.
    /// </summary>
    public async Task<PoisonedMessage> RecordPoisonAsync(string queue, string poisonMessageId, string message, DateTimeOffset at, CancellationToken ct)
    {
        var key = Key(message);
        var failure = await Table.GetEntityIfExistsAsync<TableEntity>(FailurePartition, key, cancellationToken: ct);
        var poisoned = failure.HasValue
            ? new PoisonedMessage(queue, failure.Value!.GetString("MessageId") ?? poisonMessageId, Excerpt(message), failure.Value.GetInt64("DequeueCount") ?? 0, at,
                failure.Value.GetDateTimeOffset("FirstFailedAt"), failure.Value.GetDateTimeOffset("LastFailedAt"), failure.Value.GetString("LastError"))
            : new PoisonedMessage(queue, poisonMessageId, Excerpt(message), 0, at, null, null, NoTryError);
        await Table.UpsertEntityAsync(new TableEntity(PoisonPartition, poisoned.MessageId)
        {
            ["Queue"] = poisoned.Queue,
            ["Message"] = poisoned.Message,
            ["Complete"] = message.Length <= MaxExcerpt,
            ["DequeueCount"] = poisoned.DequeueCount,
            ["PoisonedAt"] = poisoned.PoisonedAt,
            ["FirstFailedAt"] = poisoned.FirstFailedAt,
            ["LastFailedAt"] = poisoned.LastFailedAt,
            ["LastError"] = poisoned.LastError,
        }, TableUpdateMode.Replace, ct);
        if (failure.HasValue)
        {
            await Table.DeleteEntityAsync(FailurePartition, key, ETag.All, ct);
        }
        return poisoned;
    }

    /// <summary>A request that succeeded on a later try leaves no failure row behind.</summary>
    public async Task ForgetFailuresAsync(string message, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(FailurePartition, Key(message), ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Forgets a poisoned request once it has been re-driven.</summary>
    public async Task DeletePoisonAsync(string messageId, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(PoisonPartition, messageId, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public async Task<IReadOnlyList<PoisonedMessage>> ListPoisonedAsync(CancellationToken ct)
    {
        var poisoned = new List<PoisonedMessage>();
        await foreach (var row in Table.QueryAsync<TableEntity>(PartitionFilter.Of(PoisonPartition), cancellationToken: ct))
        {
            poisoned.Add(new PoisonedMessage(row.GetString("Queue") ?? "", row.RowKey, row.GetString("Message") ?? "",
                row.GetInt64("DequeueCount") ?? 0, row.GetDateTimeOffset("PoisonedAt") ?? DateTimeOffset.MinValue,
                row.GetDateTimeOffset("FirstFailedAt"), row.GetDateTimeOffset("LastFailedAt"), row.GetString("LastError")));
        }
        return poisoned;
    }

    /// <summary>Whether the recorded message is whole (not cut to its excerpt), so that it can be sent again.</summary>
    public async Task<bool> IsCompleteAsync(string messageId, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(PoisonPartition, messageId, cancellationToken: ct);
        return row.HasValue && row.Value!.GetBoolean("Complete") != false;
    }
}
