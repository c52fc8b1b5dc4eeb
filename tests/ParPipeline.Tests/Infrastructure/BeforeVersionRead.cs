using Azure.Core;
using Azure.Core.Pipeline;
using ParPipeline.Storage;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>
/// A Table storage transport (the pipeline's own seam, <see cref="StorageTransport"/>) that runs an action before
/// each read of one index-year's current score version, while armed: a new file landing at the moment a worker
/// checks whether what it ranked is still current. The read is ScoreStore.GetVersionAsync's query
/// (<c>$filter=PartitionKey eq '…'</c>, <c>$select=Version</c>, <c>$top=1</c>); <see cref="Fired"/> counts the runs.
/// </summary>
public sealed class BeforeVersionRead(string partitionKey, Func<Task> action) : HttpPipelineTransport
{
    private readonly HttpClientTransport _inner = new();

    public bool Armed { get; set; }

    public int Fired { get; private set; }

    public override Request CreateRequest() => _inner.CreateRequest();

    public override void Process(HttpMessage message) => _inner.Process(message);

    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        if (Armed && IsVersionRead(message.Request))
        {
            Fired++;
            await action();
        }
        await _inner.ProcessAsync(message);
    }

    private bool IsVersionRead(Request request)
    {
        var uri = Uri.UnescapeDataString(request.Uri.ToString());
        return request.Method == RequestMethod.Get && uri.Contains($"/{PipelineStorageNames.ScoresTable}()", StringComparison.Ordinal)
            && uri.Contains($"PartitionKey eq '{partitionKey}'", StringComparison.Ordinal)
            && uri.Contains("$select=Version", StringComparison.Ordinal) && uri.Contains("$top=1", StringComparison.Ordinal);
    }
}
