using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParPipeline.Local;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Local;

/// <summary>
/// The local host runs the Azure app's host.json: every setting in it is applied to the WebJobs SDK options or
/// deliberately done otherwise, with a reason shown at start; a new setting in host.json fails here until it is one
/// or the other.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHostJsonTests(AzuriteFixture azurite)
{
    private static string HostJson => Path.Combine(RepositoryPaths.Root, "host.json");

    private static bool Covered(string leaf) =>
        LocalHostJson.Applied.Contains(leaf, StringComparer.OrdinalIgnoreCase) ||
        LocalHostJson.Overridden.Keys.Any(k => k.EndsWith('*') ? leaf.StartsWith(k[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(k, leaf, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Every_setting_in_host_json_is_applied_or_deliberately_overridden()
    {
        var leaves = LocalHostJson.Leaves(HostJson);
        Assert.Contains("extensions:queues:visibilityTimeout", leaves);
        Assert.All(leaves, leaf => Assert.True(Covered(leaf), $"host.json's {leaf} is neither applied by the local host nor listed in LocalHostJson.Overridden"));
        // A setting both applied and overridden would be ambiguous.
        Assert.DoesNotContain(LocalHostJson.Applied, a => LocalHostJson.Overridden.ContainsKey(a));
        Assert.False(Covered("extensions:queues:somethingNew"));
    }

    [Fact]
    public async Task The_local_host_runs_host_jsons_retry_schedule_and_says_what_it_does_otherwise()
    {
        await using var host = await LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = azurite.NewAccountConnectionString(),
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = "k",
        }).Build(), logging => logging.ClearProviders(), CancellationToken.None);

        var queues = host.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(30), 4, 5, Azure.Storage.Queues.QueueMessageEncoding.None),
            (queues.VisibilityTimeout, queues.BatchSize, queues.MaxDequeueCount, queues.MessageEncoding));
        Assert.Equal(LocalHostJson.LocalPollingInterval, queues.MaxPollingInterval);
        Assert.Equal(4, host.Services.GetRequiredService<IOptions<BlobsOptions>>().Value.MaxDegreeOfParallelism);
        Assert.Equal(TimeSpan.FromMinutes(10), host.Services.GetRequiredService<IOptions<Microsoft.Azure.WebJobs.Host.JobHostFunctionTimeoutOptions>>().Value.Timeout);

        var lines = host.Services.GetRequiredService<LocalHostJson>().Describe().ToList();
        Assert.Equal("host.json: queues batch 4, visibility timeout 00:00:30, 5 tries before poison, blobs parallelism 4, function timeout 00:10:00", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  locally otherwise: extensions.queues.maxPollingInterval: polls every 0.5 s instead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_AzureFunctionsJobHost_setting_overrides_host_json_as_in_Azure()
    {
        await using var host = await LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = azurite.NewAccountConnectionString(),
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = "k",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
        }).Build(), logging => logging.ClearProviders(), CancellationToken.None);

        var queues = host.Services.GetRequiredService<IOptions<QueuesOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(2), 3, 4), (queues.VisibilityTimeout, queues.MaxDequeueCount, queues.BatchSize));
    }
}
