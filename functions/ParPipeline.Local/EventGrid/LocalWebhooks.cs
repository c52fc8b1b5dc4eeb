using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;

namespace ParPipeline.Local.EventGrid;

/// <summary>
/// The extension webhooks the Functions host serves at <c>/runtime/webhooks/{extension}</c>, served by the local
/// host the same way: an extension that asks for a webhook (the blob extension does, for an Event Grid source) gets
/// this URL, and a POST there is handed to the extension's own HTTP converter, as the Functions host hands it.
/// </summary>
// IWebHookProvider is marked "not ready for public consumption", yet it is how the Functions host itself gives
// extensions their webhooks (WebJobsSdkExtensionHookProvider); the local host follows Azure here, so it is used.
#pragma warning disable CS0618
public sealed class LocalWebhooks : IWebHookProvider
#pragma warning restore CS0618
{
    public const string PathPrefix = "/runtime/webhooks/";

    private readonly ConcurrentDictionary<string, IAsyncConverter<HttpRequestMessage, HttpResponseMessage>> _handlers = new(StringComparer.OrdinalIgnoreCase);

    public Uri GetUrl(IExtensionConfigProvider extension)
    {
        var name = Name(extension);
        if (extension is IAsyncConverter<HttpRequestMessage, HttpResponseMessage> handler)
        {
            _handlers[name] = handler;
        }
        // The port is known only once Kestrel listens; the extension only logs this URL.
        return new Uri($"http://127.0.0.1{PathPrefix}{name}");
    }

    /// <summary>The webhook's name: the extension's configuration section ("Blobs" → blobs), as the Functions host names it.</summary>
    public static string Name(IExtensionConfigProvider extension) =>
        (extension.GetType().GetCustomAttribute<ExtensionAttribute>()?.ConfigurationSection ?? extension.GetType().Name).ToLowerInvariant();

    public IAsyncConverter<HttpRequestMessage, HttpResponseMessage>? Find(string name) => _handlers.GetValueOrDefault(name);
}
