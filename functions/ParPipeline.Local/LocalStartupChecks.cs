using System.Net;
using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParPipeline.Storage;

namespace ParPipeline.Local;

/// <summary>What the local host checks before it starts, each failure one clear line for the user.</summary>
internal static class LocalStartupChecks
{
    public static void EnsurePortFree(int port)
    {
        if (port == 0)
        {
            return;
        }
        try
        {
            var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException)
        {
            throw new LocalStartupException($"Port {port} on 127.0.0.1 is already in use: stop whatever listens there, or pass --port with another port.");
        }
    }

    public static async Task ProvisionAsync(IServiceProvider services, TimeSpan timeout, CancellationToken ct)
    {
        // A bad index definition file stops the host here, named by file and field, not at the first drop.
        try
        {
            services.GetRequiredService<ParPipeline.Indices.IndexCatalog>();
        }
        catch (ParPipeline.Indices.IndexDefinitionException e)
        {
            throw new LocalStartupException(e.Message, e);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var where = services.GetRequiredService<IOptions<PipelineStorageOptions>>().Value.Connection.Describe();
        try
        {
            await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(limit.Token);
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0} s" : e.Message.ReplaceLineEndings(" ");
            throw new LocalStartupException($"Storage at {where} cannot be reached: {Shorten(reason)}", e);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + " ...";
}
