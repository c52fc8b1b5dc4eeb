using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Local;
using ParPipeline.Local.Azurite;
using ParPipeline.Storage;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>
/// One Azurite for the whole test run: in memory, loopback, free ports, started from the repository's pinned
/// npm package (npm ci if needed). The pipeline's container, queue and table names are fixed, so tests
/// isolate themselves by storage account: Azurite serves a pool of accounts, one handed to each test.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const int AccountPool = 256;
    private readonly List<AzuriteAccount> _accounts;
    private int _next = -1;
    private AzuriteServer? _server;

    public AzuriteFixture()
    {
        // Keys are made per run: nothing secret is committed, and Azurite accepts any base64 key.
        _accounts = [.. Enumerable.Range(1, AccountPool).Select(i => new AzuriteAccount($"test{i:000}", Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))))];
    }

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() =>
        _server = await AzuriteServer.StartAsync(new AzuriteOptions(RepositoryRoot.Find(), null, _accounts), CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A connection string to a storage account no other test uses.</summary>
    public string NewAccountConnectionString()
    {
        var index = Interlocked.Increment(ref _next);
        if (index >= _accounts.Count)
        {
            throw new InvalidOperationException($"All {AccountPool} Azurite accounts are in use; raise AccountPool.");
        }
        return Server.ConnectionString(_accounts[index]);
    }

    /// <summary>The pipeline's Core services over a fresh account, its containers, queue and tables created.</summary>
    public async Task<ServiceProvider> NewPipelineAsync(IDictionary<string, string?>? settings = null, Action<ILoggingBuilder>? logging = null,
        Action<IServiceCollection>? services = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PipelineStorageNames.Connection] = NewAccountConnectionString() })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection()
            .AddLogging(logging ?? (_ => { }))
            .AddSingleton<IConfiguration>(configuration)
            .AddParPipeline(configuration);
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
