using Azure.Storage.Queues;
using ParPipeline.Storage;

namespace ParPipeline.Ranking;

/// <summary>
/// Re-queues recompute requests that failed every try: those the poison trigger recorded in the ledger and any
/// still waiting in <c>rankings-recompute-poison</c>. A request is re-sent before it is forgotten, so a crash in
/// between sends it twice, which a recompute takes in its stride.
/// </summary>
public sealed class RecomputeRedrive(IngestionLedger ledger, QueueServiceClient queues)
{
    public async Task<IReadOnlyList<string>> RedriveAsync(CancellationToken ct)
    {
        var queue = queues.GetQueueClient(PipelineStorageNames.RecomputeQueue);
        var poison = queues.GetQueueClient(PipelineStorageNames.RecomputePoisonQueue);
        var sent = new List<string>();
        while (true)
        {
            var batch = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), ct)).Value;
            if (batch.Length == 0)
            {
                break;
            }
            foreach (var message in batch)
            {
                await queue.SendMessageAsync(message.Body.ToString(), ct);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                sent.Add(message.Body.ToString());
            }
        }
        foreach (var recorded in await ledger.ListPoisonedAsync(ct))
        {
            await queue.SendMessageAsync(recorded.Message, ct);
            await ledger.DeletePoisonAsync(recorded.MessageId, ct);
            sent.Add(recorded.Message);
        }
        return sent;
    }
}
