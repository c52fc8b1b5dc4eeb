using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParPipeline.Tests.Functions;

/// <summary>
/// The checks the Azure Functions host (v4) makes when it indexes an app's functions, restated over the
/// functions.metadata the Worker SDK writes, so a function the host would put "in error" fails a test instead.
/// Each rule cites where the host makes it (Azure/azure-functions-host, src/WebJobs.Script). A function the host
/// refuses loads nowhere in Azure while the local host (WebJobs SDK and Kestrel) serves it happily.
/// </summary>
public static partial class FunctionsHostRules
{
    /// <summary>
    /// Utility.FunctionNameValidationRegex: a letter, then letters, digits, '_' or '-', at most 128 characters,
    /// and not "host" (used by Utility.IsValidFunctionName when metadata is read).
    /// </summary>
    [GeneratedRegex(@"^[a-z][a-z0-9_\-]{0,127}$(?<!^host$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();

    /// <summary>Utility.BindingNameValidationRegex, checked by Utility.ValidateBinding: a letter and letters or digits, or "$return".</summary>
    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]{0,127}|\$return)$")]
    private static partial Regex BindingName();

    /// <summary>
    /// Binding types the host brings itself (ScriptHost's WebJobsCoreScriptBindingProvider for http,
    /// CoreExtensionsScriptBindingProvider for timers); every other type needs its WebJobs extension listed in the
    /// extensions.json the Worker SDK generates, or the host cannot bind it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> ExtensionOf = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["httpTrigger"] = null,
        ["http"] = null,
        ["timerTrigger"] = null,
        ["blobTrigger"] = "AzureStorageBlobs",
        ["blob"] = "AzureStorageBlobs",
        ["queueTrigger"] = "AzureStorageQueues",
        ["queue"] = "AzureStorageQueues",
    };

    public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods);

    /// <summary>Every violation in the app's metadata and extensions, as sentences; empty when the host would load every function.</summary>
    public static List<string> Violations(IReadOnlyList<JsonElement> functions, IReadOnlyCollection<string> extensions)
    {
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var http = new List<HttpFunction>();
        foreach (var function in functions)
        {
            var name = function.GetProperty("name").GetString() ?? "";
            if (!FunctionName().IsMatch(name))
            {
                problems.Add($"{name}: not a function name the host accepts");
            }
            // ScriptHost.ValidateFunction: "The function or proxy name '{name}' must be unique within the function app"
            // (FunctionErrors is keyed case-insensitively, so names differing in case collide too).
            if (!names.Add(name))
            {
                problems.Add($"{name}: a second function of that name (names are compared ignoring case)");
            }
            var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
            problems.AddRange(BindingViolations(name, bindings, extensions));
            if (bindings.FirstOrDefault(b => b.GetProperty("type").GetString() == "httpTrigger") is { ValueKind: JsonValueKind.Object } trigger)
            {
                var route = trigger.TryGetProperty("route", out var r) && r.GetString() is { Length: > 0 } text ? text : name;
                var methods = trigger.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array
                    ? [.. m.EnumerateArray().Select(x => x.GetString()!.ToLowerInvariant())] : new List<string>();
                http.Add(new HttpFunction(name, route, methods));
            }
        }
        problems.AddRange(RouteViolations(http));
        return problems;
    }

    public static IEnumerable<string> BindingViolations(string function, IReadOnlyList<JsonElement> bindings, IReadOnlyCollection<string> extensions)
    {
        var triggers = bindings.Count(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
        // A function is started by exactly one trigger (FunctionMetadata.Trigger / the WebJobs indexer's single trigger parameter).
        if (triggers != 1)
        {
            yield return $"{function}: {triggers} trigger bindings, the host takes exactly one";
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var binding in bindings)
        {
            var name = binding.GetProperty("name").GetString();
            var type = binding.GetProperty("type").GetString()!;
            var direction = binding.GetProperty("direction").GetString();
            if (name is null || !BindingName().IsMatch(name))
            {
                yield return $"{function}: binding name '{name}' is invalid";
            }
            // FunctionMetadataManager.ValidateMetadata: "Multiple bindings with name '{0}' discovered. Binding names must be unique."
            else if (!seen.Add(name))
            {
                yield return $"{function}: two bindings named '{name}'";
            }
            // Utility.ValidateBinding: "$return bindings must specify a direction of 'out'."
            if (name == "$return" && !string.Equals(direction, "out", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{function}: $return binding with direction {direction}";
            }
            if (!ExtensionOf.TryGetValue(type, out var extension))
            {
                yield return $"{function}: binding type '{type}' has no known extension";
            }
            else if (extension is not null && !extensions.Contains(extension))
            {
                yield return $"{function}: binding type '{type}' needs the extension {extension}, which extensions.json lacks";
            }
        }
    }

    public static IEnumerable<string> RouteViolations(IReadOnlyList<HttpFunction> functions)
    {
        for (var i = 0; i < functions.Count; i++)
        {
            var route = functions[i].Route.Trim('/').ToLowerInvariant();
            // ScriptHost.ValidateHttpFunction: "disallow custom routes in our own reserved route space": a route whose
            // text starts with "admin" or "runtime" (so "administration/x" too) is "in error: The specified route
            // conflicts with one or more built in routes."
            if (route.StartsWith("admin", StringComparison.Ordinal) || route.StartsWith("runtime", StringComparison.Ordinal))
            {
                yield return $"{functions[i].Name}: route '{functions[i].Route}' is in the host's reserved route space (admin, runtime)";
            }
            for (var j = 0; j < i; j++)
            {
                // ScriptHost.HttpRoutesConflict: the same route ignoring case and '/' at either end, and methods that
                // intersect (none listed means every method): "The route specified conflicts with the route defined by function".
                if (string.Equals(functions[i].Route.Trim('/'), functions[j].Route.Trim('/'), StringComparison.OrdinalIgnoreCase) &&
                    (functions[i].Methods.Count == 0 || functions[j].Methods.Count == 0 || functions[i].Methods.Intersect(functions[j].Methods).Any()))
                {
                    yield return $"{functions[i].Name}: route '{functions[i].Route}' conflicts with {functions[j].Name}";
                }
            }
        }
    }
}
