using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParPipeline.Storage;

namespace ParPipeline.Tests.Storage;

/// <summary>The PipelineStorage connection, read the way the Functions host reads a connection.</summary>
public sealed class PipelineStorageRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddParPipeline(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Identity_based_settings_give_clients_on_the_three_service_endpoints()
    {
        using var services = Build(new()
        {
            ["PipelineStorage:blobServiceUri"] = "https://parpipeline.blob.core.windows.net",
            ["PipelineStorage:queueServiceUri"] = "https://parpipeline.queue.core.windows.net",
            ["PipelineStorage:tableServiceUri"] = "https://parpipeline.table.core.windows.net",
            ["PipelineStorage:credential"] = "managedidentity",
            ["PipelineStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.Equal("https://parpipeline.blob.core.windows.net/", services.GetRequiredService<BlobServiceClient>().Uri.ToString());
        Assert.Equal("https://parpipeline.queue.core.windows.net/", services.GetRequiredService<QueueServiceClient>().Uri.ToString());
        Assert.Equal("https://parpipeline.table.core.windows.net/", services.GetRequiredService<TableServiceClient>().Uri.ToString());
        Assert.Equal("parpipeline", services.GetRequiredService<BlobServiceClient>().AccountName);
    }

    [Fact]
    public void An_account_name_alone_gives_the_public_cloud_endpoints()
    {
        var connection = PipelineStorageConnection.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PipelineStorage:accountName"] = "parpipeline" }).Build()
            .GetSection("PipelineStorage"));
        Assert.Equal("https://parpipeline.queue.core.windows.net/", connection.QueueServiceUri!.ToString());
        Assert.Equal("https://parpipeline.table.core.windows.net/", connection.TableServiceUri!.ToString());
    }

    [Fact]
    public void A_connection_string_is_described_without_its_key()
    {
        using var services = Build(new() { ["PipelineStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;" });
        var connection = services.GetRequiredService<IOptions<PipelineStorageOptions>>().Value.Connection;
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", connection.Describe());
        Assert.DoesNotContain("c2VjcmV0", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connection_is_refused_at_start_with_the_settings_to_give()
    {
        using var services = Build(new());
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PipelineStorageOptions>>().Value);
        Assert.StartsWith("Setting 'PipelineStorage' is missing: give a connection string, or 'PipelineStorage__blobServiceUri'", error.Message, StringComparison.Ordinal);
    }
}
