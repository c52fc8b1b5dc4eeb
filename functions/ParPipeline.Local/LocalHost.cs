using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParPipeline.Local.Azurite;
using ParPipeline.Local.EventGrid;
using Microsoft.Azure.WebJobs.Host.Config;
using ParPipeline.Local.Faults;
using ParPipeline.Local.Http;
using ParPipeline.Local.Triggers;
using ParPipeline.Storage;

namespace ParPipeline.Local;

/// <summary>
/// The pipeline on one machine: the WebJobs SDK runs the same triggers as the Azure app (blob receipts,
/// retries and poison handling as in Azure), Kestrel serves /api on loopback, and Azurite is started when
/// no <c>PipelineStorage</c> is configured.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AzuriteServer? _azurite;

    private LocalHost(IHost host, AzuriteServer? azurite, Uri baseAddress, string storage)
    {
        _host = host;
        _azurite = azurite;
        BaseAddress = baseAddress;
        Storage = storage;
    }

    /// <summary>Where /api is served, e.g. http://127.0.0.1:7071/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The storage in use, without secrets.</summary>
    public string Storage { get; }

    public IServiceProvider Services => _host.Services;

    public AzuriteServer? Azurite => _azurite;

    public static async Task<LocalHost> StartAsync(IConfiguration configuration, Action<ILoggingBuilder> logging, CancellationToken ct)
    {
        var options = configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        LocalStartupChecks.EnsurePortFree(options.HttpPort);

        AzuriteServer? azurite = null;
        var connection = PipelineStorageConnection.From(configuration.GetSection(PipelineStorageNames.Connection));
        var overrides = new Dictionary<string, string?>();
        if (!connection.IsConfigured)
        {
            var root = RepositoryRoot.Find();
            azurite = await AzuriteServer.StartAsync(
                new AzuriteOptions(root, Path.Combine(root, options.DataDirectory, "azurite"), []), ct);
            overrides[PipelineStorageNames.Connection] = azurite.ConnectionString();
        }

        try
        {
            var pipelineStorage = overrides.GetValueOrDefault(PipelineStorageNames.Connection) ?? configuration[PipelineStorageNames.Connection];
            // The WebJobs SDK keeps blob receipts, timer schedules and locks in AzureWebJobsStorage.
            if (string.IsNullOrEmpty(configuration["AzureWebJobsStorage"]) && !string.IsNullOrEmpty(pipelineStorage))
            {
                overrides["AzureWebJobsStorage"] = pipelineStorage;
            }
            var host = Build(configuration, overrides, options, logging);
            await LocalStartupChecks.ProvisionAsync(host.Services, options.StorageTimeout, ct);
            await StartHostAsync(host, options.HttpPort, ct);

            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var storage = host.Services.GetRequiredService<IOptions<PipelineStorageOptions>>().Value.Connection.Describe();
            return new LocalHost(host, azurite, new Uri(address.TrimEnd('/') + "/"), storage);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
            throw;
        }
    }

    private static IHost Build(IConfiguration configuration, Dictionary<string, string?> overrides, LocalHostOptions options, Action<ILoggingBuilder> logging)
    {
        var hostJson = LocalHostJson.Load(Path.Combine(RepositoryRoot.Find(), "host.json"), configuration);
        return new HostBuilder()
            .ConfigureAppConfiguration(config => config
                .AddInMemoryCollection(LocalDefaults.Settings)
                .AddConfiguration(configuration)
                .AddInMemoryCollection(overrides))
            .ConfigureLogging(logging)
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddAzureStorageCoreServices();
                // The Azure app's host.json, so both hosts retry and poison alike (LocalHostJson).
                webJobs.AddAzureStorageBlobs(hostJson.Apply);
                webJobs.AddAzureStorageQueues(hostJson.Apply);
                webJobs.AddTimers();
            })
            .ConfigureServices((context, services) =>
            {
                services.AddParPipeline(context.Configuration);
                services.AddSingleton(hostJson);
                // Event Grid as Azure runs it: the blob extension's webhook, and BlobCreated events for each upload.
                services.AddSingleton<LocalWebhooks>();
#pragma warning disable CS0618 // IWebHookProvider: see LocalWebhooks.
                services.AddSingleton<IWebHookProvider>(provider => provider.GetRequiredService<LocalWebhooks>());
#pragma warning restore CS0618
                services.AddHostedService<LocalBlobEvents>();
                // Rehearsing a bad day: faults in the pipeline's storage calls, only when Local__StorageFaults__* asks.
                var faults = context.Configuration.GetSection(StorageFaultOptions.Section).Get<StorageFaultOptions>() ?? new StorageFaultOptions();
                services.AddSingleton(faults);
                services.AddSingleton<StorageFaultCounts>();
                if (faults.Enabled)
                {
                    foreach (var service in Enum.GetValues<StorageService>())
                    {
                        services.AddSingleton(provider => new StorageTransport(service, new Azure.Core.Pipeline.HttpClientTransport(
                            new HttpClient(new StorageFaultHandler(service, faults, provider.GetRequiredService<StorageFaultCounts>(), TimeProvider.System)))));
                    }
                }
                if (hostJson.FunctionTimeout is { } timeout)
                {
                    services.Configure<JobHostFunctionTimeoutOptions>(o => o.Timeout = timeout);
                }
                services.AddSingleton<ITypeLocator, LocalTriggerTypes>();
                services.AddSingleton(provider => new ReportMirror(provider.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>(), options.ReportsFolder()));
                // Read now, not on first use: a key file others can read stops the host at start.
                services.AddSingleton(AdminKey.From(context.Configuration, Path.Combine(RepositoryRoot.TryFind() ?? Path.GetTempPath(), options.DataDirectory)));
                services.AddRouting();
            })
            .ConfigureWebHost(web => LocalWeb.Configure(web, options.HttpPort, options.ReportsFolder()))
            .UseDefaultServiceProvider(o => { o.ValidateOnBuild = true; o.ValidateScopes = true; })
            .Build();
    }

    private static async Task StartHostAsync(IHost host, int port, CancellationToken ct)
    {
        try
        {
            await host.StartAsync(ct);
        }
        catch (IOException e) when (e.InnerException is SocketException or null)
        {
            throw new LocalStartupException($"Port {port} on 127.0.0.1 cannot be used: {e.Message}", e);
        }
    }

    /// <summary>
    /// Stops taking new work and lets running functions finish, as the Functions host does before it shuts an
    /// instance down: stopping the WebJobs host alone does not wait for a queue function already running,
    /// which would then log into a disposed logger factory and bring the process down.
    /// </summary>
    private async Task DrainAsync(CancellationToken ct)
    {
        if (_host.Services.GetService<IDrainModeManager>() is { } drain)
        {
            await drain.EnableDrainModeAsync(ct);
        }
        if (_host.Services.GetService<IFunctionActivityStatusProvider>() is { } activity)
        {
            while (activity.GetStatus().OutstandingInvocations > 0 && !ct.IsCancellationRequested)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }


    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await DrainAsync(stop.Token);
            await _host.StopAsync(stop.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Storage may already be gone (Azurite stopped from outside): shutting down goes on regardless.
            Console.Error.WriteLine($"warning: the host did not stop cleanly: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
        finally
        {
            try
            {
                _host.Dispose();
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or AggregateException)
            {
                // WebJobs 3.0.x disposes the timer trigger's singleton-lock renewal timer a second time after
                // StopAsync ("The timer has already been stopped"); the host is down either way.
            }
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }
        }
    }
}
