using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ParPipeline.Local;
using ParPipeline.Storage;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>The local host on a fresh Azurite account with every sample ranked, and a client on its Kestrel.</summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private ApiTestHost(LocalHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public LocalHost Host { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => Host.Services;

    public static async Task<ApiTestHost> StartAsync(AzuriteFixture azurite, bool seed = true, IDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = azurite.NewAccountConnectionString(),
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = AdminKey,
            // Tests read right after writing: no catalog caching between requests.
            ["Api:SnapshotRefresh"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        var host = await LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(),
            logging => logging.ClearProviders(), CancellationToken.None);
        var api = new ApiTestHost(host);
        if (seed)
        {
            await PipelineSteps.RankAllSamplesAsync(host.Services);
        }
        return api;
    }

    public async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
