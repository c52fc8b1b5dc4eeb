using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageProvisionerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Provisioning_creates_every_container_queue_and_table_and_can_run_again()
    {
        await using var services = await azurite.NewPipelineAsync();
        await services.GetRequiredService<ParPipeline.Storage.StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);

        var containers = new List<string>();
        await foreach (var c in services.GetRequiredService<BlobServiceClient>().GetBlobContainersAsync())
        {
            containers.Add(c.Name);
        }
        var queues = new List<string>();
        await foreach (var q in services.GetRequiredService<QueueServiceClient>().GetQueuesAsync())
        {
            queues.Add(q.Name);
        }
        var tables = new List<string>();
        await foreach (var t in services.GetRequiredService<TableServiceClient>().QueryAsync())
        {
            tables.Add(t.Name);
        }

        Assert.Equal(["ministry-archive", "ministry-drops", "ministry-quarantine", "pipeline-locks", "reports"], containers.Order(StringComparer.Ordinal));
        Assert.Equal(["rankings-recompute", "rankings-recompute-poison"], queues.Order(StringComparer.Ordinal));
        Assert.Equal(["Criteria", "Ingestions", "Publications", "Rankings", "Scores"], tables.Order(StringComparer.Ordinal));
    }
}
