using System.Globalization;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;

namespace ParPipeline.Local;

/// <summary>
/// The repository's host.json, the file the Azure app ships, applied to the WebJobs SDK options of the local host,
/// so both run one retry schedule: batch size, visibility timeout (the wait between tries), dequeue count before
/// poison, blob parallelism, function timeout. As in Azure, an app setting
/// <c>AzureFunctionsJobHost__path__to__setting</c> overrides a host.json value
/// (https://learn.microsoft.com/azure/azure-functions/functions-host-json#override-hostjson-values). Every leaf of
/// host.json is either applied or listed in <see cref="Overridden"/> with its reason (LocalHostJsonTests), and the
/// overrides are printed at start.
/// </summary>
public sealed class LocalHostJson
{
    /// <summary>The configuration root Azure reads host.json overrides from.</summary>
    public const string OverrideSection = "AzureFunctionsJobHost";

    /// <summary>host.json leaves (':'-separated, as configuration keys) the local host applies as they are.</summary>
    public static readonly IReadOnlyList<string> Applied =
    [
        "version",
        "extensions:queues:visibilityTimeout",
        "extensions:queues:batchSize",
        "extensions:queues:maxDequeueCount",
        "extensions:queues:newBatchThreshold",
        "extensions:queues:messageEncoding",
        "extensions:blobs:maxDegreeOfParallelism",
        "extensions:blobs:poisonBlobThreshold",
        "extensions:http:routePrefix",
        "functionTimeout",
    ];

    /// <summary>host.json leaves (a trailing '*' covers a section) the local host deliberately does otherwise, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Overridden = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["extensions:queues:maxPollingInterval"] =
            "polls every 0.5 s instead: polling Azurite on one machine costs nothing and takes a second off drop-to-visible (bench/); the retry schedule (batch, visibility timeout, dequeue count) is host.json's",
        ["logging:logLevel:*"] =
            "the console shows the pipeline's lines at Information and the SDKs' at Warning; host.json's levels are the Azure app's (Application Insights)",
        ["logging:applicationInsights:*"] = "there is no Application Insights locally",
    };

    /// <summary>The local polling interval that replaces host.json's (see <see cref="Overridden"/>).</summary>
    public static readonly TimeSpan LocalPollingInterval = TimeSpan.FromMilliseconds(500);

    private readonly IConfiguration _settings;

    private LocalHostJson(IConfiguration settings, string path)
    {
        _settings = settings;
        Path = path;
    }

    public string Path { get; }

    /// <summary>host.json at <paramref name="path"/>, with the app's <c>AzureFunctionsJobHost</c> overrides on top.</summary>
    public static LocalHostJson Load(string path, IConfiguration configuration)
    {
        if (!File.Exists(path))
        {
            throw new LocalStartupException($"{path} is missing: the local host runs with the Azure app's host.json, at the root of the clone.");
        }
        var settings = new ConfigurationBuilder()
            .AddJsonFile(path, optional: false)
            .AddConfiguration(configuration.GetSection(OverrideSection) is var section && section.Exists()
                ? new ConfigurationBuilder().AddInMemoryCollection(section.AsEnumerable(makePathsRelative: true).Where(p => p.Value is not null)).Build()
                : new ConfigurationBuilder().Build())
            .Build();
        var prefix = settings["extensions:http:routePrefix"] ?? "api";
        if (prefix != "api")
        {
            throw new LocalStartupException($"host.json sets extensions.http.routePrefix to '{prefix}'; the API, its OpenAPI document and its tests are under /api.");
        }
        return new LocalHostJson(settings, path);
    }

    /// <summary>Every leaf of a host.json, as configuration keys ("extensions:queues:batchSize").</summary>
    public static IReadOnlyList<string> Leaves(string path) =>
        [.. new ConfigurationBuilder().AddJsonFile(path).Build().AsEnumerable().Where(p => p.Value is not null).Select(p => p.Key).Order(StringComparer.Ordinal)];

    public string? this[string key] => _settings[key];

    public void Apply(QueuesOptions queues)
    {
        Set("extensions:queues:visibilityTimeout", v => queues.VisibilityTimeout = TimeSpan.Parse(v, CultureInfo.InvariantCulture));
        Set("extensions:queues:batchSize", v => queues.BatchSize = int.Parse(v, CultureInfo.InvariantCulture));
        Set("extensions:queues:maxDequeueCount", v => queues.MaxDequeueCount = int.Parse(v, CultureInfo.InvariantCulture));
        Set("extensions:queues:newBatchThreshold", v => queues.NewBatchThreshold = int.Parse(v, CultureInfo.InvariantCulture));
        Set("extensions:queues:messageEncoding", v => queues.MessageEncoding = Enum.Parse<Azure.Storage.Queues.QueueMessageEncoding>(v, ignoreCase: true));
        queues.MaxPollingInterval = LocalPollingInterval;
    }

    public void Apply(BlobsOptions blobs)
    {
        Set("extensions:blobs:maxDegreeOfParallelism", v => blobs.MaxDegreeOfParallelism = int.Parse(v, CultureInfo.InvariantCulture));
        Set("extensions:blobs:poisonBlobThreshold", v => blobs.PoisonBlobThreshold = int.Parse(v, CultureInfo.InvariantCulture));
    }

    public TimeSpan? FunctionTimeout => this["functionTimeout"] is { } v ? TimeSpan.Parse(v, CultureInfo.InvariantCulture) : null;

    /// <summary>What the local host does otherwise than host.json, one line each, for the start-up banner.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"host.json: queues batch {this["extensions:queues:batchSize"] ?? "16"}, visibility timeout {this["extensions:queues:visibilityTimeout"] ?? "00:00:00"}, " +
            $"{this["extensions:queues:maxDequeueCount"] ?? "5"} tries before poison, blobs parallelism {this["extensions:blobs:maxDegreeOfParallelism"] ?? "8"}, function timeout {this["functionTimeout"] ?? "none"}";
        foreach (var (key, reason) in Overridden)
        {
            yield return $"  locally otherwise: {key.Replace(':', '.')}: {reason}";
        }
    }

    private void Set(string key, Action<string> apply)
    {
        if (this[key] is { Length: > 0 } value)
        {
            apply(value);
        }
    }
}
