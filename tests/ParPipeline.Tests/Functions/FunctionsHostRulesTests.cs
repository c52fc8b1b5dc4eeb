using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using ParPipeline.Api;
using ParPipeline.Functions.Http;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Functions;

/// <summary>
/// The built app passes every check the Functions host makes when it indexes functions
/// (<see cref="FunctionsHostRules"/>), and each check fails on the mistake it exists for, so it cannot pass by
/// checking nothing.
/// </summary>
public sealed class FunctionsHostRulesTests
{
    private static JsonElement[] Metadata()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsOutput, "functions.metadata")));
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static string[] Extensions()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.FunctionsOutput, "extensions.json")));
        return [.. doc.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()!)];
    }

    private static JsonElement[] Parse(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone())];

    private static string Http(string name, string route, params string[] methods) =>
        $$"""{"name":"{{name}}","bindings":[{"name":"request","direction":"In","type":"httpTrigger","route":"{{route}}","methods":[{{string.Join(",", methods.Select(m => $"\"{m}\""))}}]},{"name":"$return","direction":"Out","type":"http"}]}""";

    [Fact]
    public void The_built_app_breaks_none_of_the_hosts_indexing_rules()
    {
        var functions = Metadata();
        Assert.Equal(23, functions.Length);
        Assert.Empty(FunctionsHostRules.Violations(functions, Extensions()));
    }

    [Fact]
    public void Every_HTTP_function_is_bound_to_the_methods_the_route_table_says_and_serves_what_it_allows()
    {
        foreach (var route in ApiRoutes.All)
        {
            var function = typeof(ApiReadFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods())
                .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == route.Name);
            var trigger = function.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;
            Assert.Equal(route.Template, trigger.Route);
            Assert.Equal(ApiRoute.BoundMethods, trigger.Methods!.Select(m => m.ToUpperInvariant()));
            Assert.Equal(route.Method == "GET" ? ["GET", "HEAD"] : ["POST"], route.Allowed);
        }
    }

    [Theory]
    [InlineData("admin/reports/{index}/{year}")]
    [InlineData("Admin/redrive")]
    [InlineData("/ADMIN")]
    [InlineData("administration/keys")]
    [InlineData("runtime/webhooks/blobs")]
    [InlineData("RunTime")]
    public void A_route_in_the_reserved_space_is_refused_in_any_case(string route)
    {
        var problem = Assert.Single(FunctionsHostRules.Violations(Parse($"[{Http("F", route, "post")}]"), []));
        Assert.Equal($"F: route '{route}' is in the host's reserved route space (admin, runtime)", problem);
    }

    [Theory]
    [InlineData("manage/redrive")]
    [InlineData("api-admin")]
    [InlineData("units/admin")]
    public void Routes_that_only_contain_the_reserved_words_elsewhere_are_accepted(string route) =>
        Assert.Empty(FunctionsHostRules.Violations(Parse($"[{Http("F", route, "post")}]"), []));

    [Fact]
    public void Two_functions_on_one_route_conflict_when_their_methods_meet_or_either_lists_none()
    {
        Assert.Equal(["B: route 'Units/' conflicts with A"],
            FunctionsHostRules.Violations(Parse($"[{Http("A", "units", "get", "head")},{Http("B", "Units/", "head")}]"), []));
        Assert.Equal(["B: route 'units' conflicts with A"],
            FunctionsHostRules.Violations(Parse($"[{Http("A", "units", "get")},{Http("B", "units")}]"), []));
        Assert.Empty(FunctionsHostRules.Violations(Parse($"[{Http("A", "units", "get")},{Http("B", "units", "post")}]"), []));
    }

    [Fact]
    public void An_HTTP_function_without_a_route_takes_its_name_as_the_route()
    {
        const string noRoute = """{"name":"admin","bindings":[{"name":"req","direction":"In","type":"httpTrigger"},{"name":"$return","direction":"Out","type":"http"}]}""";
        Assert.Equal(["admin: route 'admin' is in the host's reserved route space (admin, runtime)"], FunctionsHostRules.Violations(Parse($"[{noRoute}]"), []));
    }

    [Theory]
    [InlineData("host")]
    [InlineData("1Ingest")]
    [InlineData("Ingest.Drop")]
    [InlineData("Ingest Drop")]
    public void Function_names_the_host_refuses_are_refused(string name) =>
        Assert.Equal([$"{name}: not a function name the host accepts"], FunctionsHostRules.Violations(Parse($"[{Http(name, "x", "get")}]"), []));

    [Fact]
    public void Function_names_are_unique_ignoring_case() =>
        Assert.Equal(["apiunits: a second function of that name (names are compared ignoring case)"],
            FunctionsHostRules.Violations(Parse($"[{Http("ApiUnits", "a", "get")},{Http("apiunits", "b", "get")}]"), []));

    [Fact]
    public void Bindings_need_valid_unique_names_one_trigger_an_out_return_and_their_extension()
    {
        const string json = """
        [{"name":"F","bindings":[
          {"name":"blob","direction":"In","type":"blobTrigger","path":"c/{name}"},
          {"name":"blob","direction":"Out","type":"queue"},
          {"name":"my-binding","direction":"Out","type":"blob"},
          {"name":"$return","direction":"In","type":"serviceBus"},
          {"name":"t","direction":"In","type":"timerTrigger"}]}]
        """;
        Assert.Equal(
        [
            "F: 2 trigger bindings, the host takes exactly one",
            "F: binding type 'blobTrigger' needs the extension AzureStorageBlobs, which extensions.json lacks",
            "F: two bindings named 'blob'",
            "F: binding type 'queue' needs the extension AzureStorageQueues, which extensions.json lacks",
            "F: binding name 'my-binding' is invalid",
            "F: binding type 'blob' needs the extension AzureStorageBlobs, which extensions.json lacks",
            "F: $return binding with direction In",
            "F: binding type 'serviceBus' has no known extension",
        ], FunctionsHostRules.Violations(Parse(json), []));
        Assert.Equal(["F: binding type 'serviceBus' has no known extension", "F: 2 trigger bindings, the host takes exactly one", "F: two bindings named 'blob'",
                "F: binding name 'my-binding' is invalid", "F: $return binding with direction In"],
            FunctionsHostRules.Violations(Parse(json), ["AzureStorageBlobs", "AzureStorageQueues"]).OrderBy(p => p.Contains("serviceBus") ? 0 : 1).ToList());
    }
}
