using Azure.Storage.Queues;
using ParPipeline.Indices;
using ParPipeline.Storage;

namespace ParPipeline.Ranking;

/// <summary>
/// Re-queues the recompute requests that failed every try and can succeed now: those the poison trigger recorded in
/// the ledger and any still waiting in <c>rankings-recompute-poison</c>. A request that cannot succeed however often
/// it is sent (not a request at all, an index no definition has, a message kept only in part) stays recorded and is
/// reported with the reason. A request is re-sent before it is forgotten, so a crash in between sends it twice,
/// which a recompute takes in its stride.
/// </summary>
public sealed class RecomputeRedrive(PoisonLedger poison, IndexCatalog indices, QueueServiceClient queues, TimeProvider clock)
{
    public async Task<RedriveResult> RedriveAsync(CancellationToken ct)
    {
        var queue = queues.GetQueueClient(PipelineStorageNames.RecomputeQueue);
        var poisonQueue = queues.GetQueueClient(PipelineStorageNames.RecomputePoisonQueue);
        var sent = new List<string>();
        var skipped = new List<RedriveSkip>();
        while (true)
        {
            var batch = (await poisonQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), ct)).Value;
            if (batch.Length == 0)
            {
                break;
            }
            foreach (var message in batch)
            {
                // Not yet recorded by the poison trigger: record it first, so a message that cannot succeed is kept.
                await poison.RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, message.MessageId, message.Body.ToString(), clock.GetUtcNow(), ct);
                await poisonQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
        }
        foreach (var recorded in await poison.ListPoisonedAsync(ct))
        {
            // A message kept in part is asked about first: its excerpt ends in "…", so it would read as no request at
            // all, when what the operator needs to know is that the ledger cannot send it again whole.
            var request = RecomputeRequest.TryDecode(recorded.Message);
            var reason = !await poison.IsCompleteAsync(recorded.MessageId, ct) ? $"only its first {PoisonLedger.MaxExcerpt} characters were kept"
                : request is null ? "not a recompute request ({\"index\":\"PAR\",\"year\":2023}, as JSON or JSON in base64)"
                : indices.Find(request.Index.ToUpperInvariant()) is null ? $"no index '{request.Index}' is defined ({string.Join(", ", indices.All.Select(d => d.Code).Order(StringComparer.Ordinal))})"
                : null;
            if (reason is not null)
            {
                skipped.Add(new RedriveSkip(recorded.MessageId, recorded.Message, reason));
                continue;
            }
            await queue.SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(request, PipelineJson.Options), ct);
            await poison.DeletePoisonAsync(recorded.MessageId, ct);
            sent.Add(recorded.Message);
        }
        return new RedriveResult(sent, skipped);
    }
}

public sealed record RedriveResult(IReadOnlyList<string> Requeued, IReadOnlyList<RedriveSkip> Skipped);

/// <summary>A recorded request left where it is, and why re-sending it could not succeed.</summary>
public sealed record RedriveSkip(string MessageId, string Message, string Reason);
