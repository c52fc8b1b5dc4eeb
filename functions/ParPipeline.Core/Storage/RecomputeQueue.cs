using System.Text.Json;
using Azure.Storage.Queues;
using ParPipeline.Ranking;

namespace ParPipeline.Storage;

/// <summary>Queue <c>rankings-recompute</c>: one <see cref="RecomputeRequest"/> per ingested index-year.</summary>
public sealed class RecomputeQueue(QueueServiceClient queues)
{
    public async Task SendAsync(RecomputeRequest request, CancellationToken ct) =>
        await queues.GetQueueClient(PipelineStorageNames.RecomputeQueue)
            .SendMessageAsync(JsonSerializer.Serialize(request, PipelineJson.Options), ct);
}
