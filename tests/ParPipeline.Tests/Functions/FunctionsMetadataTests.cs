using System.Text.Json;
using ParPipeline.Api;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Functions;

/// <summary>
/// The Azure wiring, checked without the Functions host: the Worker SDK writes functions.metadata at build,
/// and the host binds exactly what it says.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement[] Functions = Load();

    private static JsonElement[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsOutput, "functions.metadata")));
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static JsonElement Binding(string function)
    {
        var f = Functions.Single(f => f.GetProperty("name").GetString() == function);
        Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString());
        Assert.Equal("ParPipeline.Functions.dll", f.GetProperty("scriptFile").GetString());
        return Assert.Single(f.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("direction").GetString() == "In");
    }

    private static Dictionary<string, string> Fields(JsonElement binding) =>
        binding.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
            .ToDictionary(p => p.Name, p => p.Value.ToString());

    [Fact]
    public void The_app_has_exactly_the_pipeline_functions()
    {
        Assert.Equal(
            ApiRoutes.All.Select(r => r.Name).Concat(["IngestDrop", "PublishReports", "RecomputeRankings", "RecordPoisonedRecompute", "SweepDrops"]).Order(StringComparer.Ordinal),
            Functions.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IngestDrop_is_an_event_grid_blob_trigger_on_ministry_drops()
    {
        var fields = Fields(Binding("IngestDrop"));
        Assert.Equal("blobTrigger", fields["type"]);
        Assert.Equal("ministry-drops/{name}", fields["path"]);
        Assert.Equal("PipelineStorage", fields["connection"]);
        Assert.Equal("EventGrid", fields["source"]);
    }

    [Fact]
    public void RecomputeRankings_is_a_queue_trigger_on_rankings_recompute()
    {
        var fields = Fields(Binding("RecomputeRankings"));
        Assert.Equal("queueTrigger", fields["type"]);
        Assert.Equal("rankings-recompute", fields["queueName"]);
        Assert.Equal("PipelineStorage", fields["connection"]);
    }

    [Fact]
    public void RecordPoisonedRecompute_is_a_queue_trigger_on_the_poison_queue()
    {
        var fields = Fields(Binding("RecordPoisonedRecompute"));
        Assert.Equal("queueTrigger", fields["type"]);
        Assert.Equal("rankings-recompute-poison", fields["queueName"]);
        Assert.Equal("PipelineStorage", fields["connection"]);
    }

    [Fact]
    public void PublishReports_is_a_monitored_timer_on_the_ReportSchedule_setting()
    {
        var fields = Fields(Binding("PublishReports"));
        Assert.Equal("timerTrigger", fields["type"]);
        Assert.Equal("%ReportSchedule%", fields["schedule"]);
        Assert.Equal("True", fields["useMonitor"]);
    }

    public static TheoryData<string> Routes => [.. ApiRoutes.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Routes))]
    public void Every_API_route_is_an_HTTP_function_with_its_route_method_and_level(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var binding = Binding(name);
        var fields = Fields(binding);
        Assert.Equal("httpTrigger", fields["type"]);
        Assert.Equal(route.Template, fields["route"]);
        // Read routes anonymous (Api__ReadKey adds a key in the handlers), admin routes function-level.
        Assert.Equal(route.Access == ApiAccess.Admin ? "Function" : "Anonymous", fields["authLevel"]);
        // Bound to every method, so the app answers 405 with Allow and CORS preflights itself; it serves route.Allowed.
        Assert.Equal(ApiRoute.BoundMethods.Select(m => m.ToLowerInvariant()), binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void The_root_host_json_is_copied_into_the_app_output_with_the_api_prefix()
    {
        var copied = File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsOutput, "host.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")), copied);
        using var doc = JsonDocument.Parse(copied);
        Assert.Equal("2.0", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal("api", doc.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("00:00:02", doc.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxPollingInterval").GetString());
    }
}
