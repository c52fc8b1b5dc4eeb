using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Storage;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>What a ministry clerk does (drop a file) and what a test looks at (is a blob there), on a pipeline's storage.</summary>
public static class Blobs
{
    public static async Task DropAsync(IServiceProvider services, string name, byte[] bytes) =>
        await services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer)
            .GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);

    public static async Task<bool> ExistsAsync(IServiceProvider services, string container, string name) =>
        (await services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(container).GetBlobClient(name).ExistsAsync()).Value;
}
