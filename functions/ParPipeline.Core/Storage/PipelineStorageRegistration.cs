using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ParPipeline.Storage;

/// <summary>
/// Registers the Blob, Queue and Table service clients once, from the <c>PipelineStorage</c> connection, the
/// same way the Functions host reads a connection: either a connection string (locally, Azurite) or
/// identity-based settings <c>PipelineStorage__blobServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__tableServiceUri</c> (or <c>__accountName</c>) with <c>__credential</c>/<c>__clientId</c>.
/// </summary>
public static class PipelineStorageRegistration
{
    public static IServiceCollection AddPipelineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PipelineStorageNames.Connection);

        services.AddOptions<PipelineStorageOptions>()
            .Configure(o => o.Connection = PipelineStorageConnection.From(section))
            .Validate(o => o.Connection.IsConfigured,
                $"Setting '{PipelineStorageNames.Connection}' is missing: give a connection string, or " +
                $"'{PipelineStorageNames.Connection}__blobServiceUri', '__queueServiceUri' and '__tableServiceUri' " +
                $"(or '{PipelineStorageNames.Connection}__accountName') for an identity-based connection.")
            .ValidateOnStart();

        services.AddAzureClients(clients =>
        {
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, provider) =>
                Connection(provider).CreateBlobServiceClient(Configured(options, StorageService.Blob, provider), credential));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, provider) =>
            {
                // Base64, as a queue trigger with the default messageEncoding reads it; the triggers here take
                // messages undecoded (host.json messageEncoding none) and read base64 or JSON themselves.
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return Connection(provider).CreateQueueServiceClient(Configured(options, StorageService.Queue, provider), credential);
            });
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
                Connection(provider).CreateTableServiceClient(Configured(options, StorageService.Table, provider), credential));

            // PipelineStorage__clientId selects the user-assigned identity, as the Functions host does; locally the
            // connection string is used and this credential is never asked for a token.
            clients.UseCredential(new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = section["clientId"],
            }));
        });
        return services;
    }

    private static T Configured<T>(T options, StorageService service, IServiceProvider provider) where T : ClientOptions
    {
        StorageRetry.Apply(options);
        if (provider.GetServices<StorageTransport>().LastOrDefault(t => t.Service == service) is { } transport)
        {
            options.Transport = transport.Transport;
        }
        return options;
    }

    private static PipelineStorageConnection Connection(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<PipelineStorageOptions>>().Value.Connection;
}

/// <summary>Bound, validated form of the <c>PipelineStorage</c> setting.</summary>
public sealed class PipelineStorageOptions
{
    public PipelineStorageConnection Connection { get; set; } = PipelineStorageConnection.None;
}

/// <summary>Either a connection string or three service endpoints reached with a token credential.</summary>
public sealed record PipelineStorageConnection(string? ConnectionString, Uri? BlobServiceUri, Uri? QueueServiceUri, Uri? TableServiceUri)
{
    public static PipelineStorageConnection None { get; } = new(null, null, null, null);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ConnectionString) ||
        (BlobServiceUri is not null && QueueServiceUri is not null && TableServiceUri is not null);

    public static PipelineStorageConnection From(IConfigurationSection section)
    {
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new PipelineStorageConnection(section.Value, null, null, null);
        }

        var account = section["accountName"];
        return new PipelineStorageConnection(
            null,
            Endpoint(section["blobServiceUri"], account, "blob"),
            Endpoint(section["queueServiceUri"], account, "queue"),
            Endpoint(section["tableServiceUri"], account, "table"));
    }

    private static Uri? Endpoint(string? explicitUri, string? account, string service) =>
        !string.IsNullOrWhiteSpace(explicitUri) ? new Uri(explicitUri)
        : !string.IsNullOrWhiteSpace(account) ? new Uri($"https://{account}.{service}.core.windows.net")
        : null;

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions options, TokenCredential credential) =>
        ConnectionString is { } cs ? new BlobServiceClient(cs, options) : new BlobServiceClient(Required(BlobServiceUri), credential, options);

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions options, TokenCredential credential) =>
        ConnectionString is { } cs ? new QueueServiceClient(cs, options) : new QueueServiceClient(Required(QueueServiceUri), credential, options);

    public TableServiceClient CreateTableServiceClient(TableClientOptions options, TokenCredential credential) =>
        ConnectionString is { } cs ? new TableServiceClient(cs, options) : new TableServiceClient(Required(TableServiceUri), credential, options);

    private static Uri Required(Uri? uri) =>
        uri ?? throw new InvalidOperationException($"Setting '{PipelineStorageNames.Connection}' is incomplete.");

    /// <summary>Where this connection points, without any secret, for messages.</summary>
    public string Describe()
    {
        if (ConnectionString is null)
        {
            return BlobServiceUri?.ToString() ?? "(not configured)";
        }
        var blobEndpoint = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .FirstOrDefault(p => p.Length == 2 && p[0].Trim().Equals("BlobEndpoint", StringComparison.OrdinalIgnoreCase));
        return blobEndpoint?[1] ?? "(connection string)";
    }

    // A connection string holds a key: never print it.
    public override string ToString() => Describe();
}
