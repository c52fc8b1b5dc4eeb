using System.Net;
using System.Text.Json.Nodes;
using Json.Schema;
using ParPipeline.Api;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary>
/// Real answers of every route, successes and errors, checked against the served OpenAPI document as a
/// contract-checking proxy would: the status is one the operation lists, the content type one that response lists,
/// and the JSON body valid against its schema (JsonSchema.Net, draft 2020-12, which OpenAPI 3.1 schemas are).
/// Schemas are closed, so a field the code writes and the document does not name fails too.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiContractTests(AzuriteFixture azurite)
{
    /// <summary>Method, path, whether to send the admin key, and the status the request must get.</summary>
    private static readonly (string Method, string Path, bool Key, int Status)[] Requests =
    [
        ("GET", "api/indices", false, 200), ("GET", "api/health", false, 200), ("GET", "api/openapi.json", false, 200),
        ("GET", "api/rankings/PAR/2023", false, 200), ("GET", "api/rankings/SIPAS/2023", false, 200), ("GET", "api/rankings/PAR-MINISTRIES/2023", false, 200),
        ("GET", "api/rankings/PAR/2023?format=csv", false, 200), ("GET", "api/rankings/PAR/2023?group=cities&sort=-points", false, 200),
        ("GET", "api/rankings/PAR/1999", false, 404), ("GET", "api/rankings/HDI/2023", false, 404), ("GET", "api/rankings/PAR/twenty", false, 400),
        ("GET", "api/rankings/PAR/2023?region=Atlantis", false, 400), ("GET", "api/rankings/PAR/2023?sort=best", false, 400),
        ("GET", "api/rankings/PAR/2023?regoin=x", false, 400), ("POST", "api/rankings/PAR/2023", false, 405),
        ("GET", "api/units", false, 200), ("GET", "api/units?kind=ministry", false, 200), ("GET", "api/units?kind=planet", false, 400),
        ("GET", "api/units/48", false, 200), ("GET", "api/units/MOJ", false, 200), ("GET", "api/units/Atlantis", false, 404),
        ("GET", "api/units/L%C3%A0o%20Cai", false, 300), ("GET", "api/units/lao-cai?year=2025", false, 200),
        ("GET", "api/units/48/history", false, 200), ("GET", "api/units/48/history?index=HDI", false, 404),
        ("GET", "api/compare?units=48,31&index=PAR", false, 200), ("GET", "api/compare?units=Atlantis", false, 404), ("GET", "api/compare", false, 400),
        ("GET", "api/compare?units=L%C3%A0o%20Cai", false, 300), ("DELETE", "api/compare", false, 405),
        ("GET", "api/movers/PAR/2023", false, 200), ("GET", "api/movers/SIPAS/2023?by=points&top=3", false, 200), ("GET", "api/movers/PAR/2023?top=0", false, 400),
        ("GET", "api/movers/HDI/2023", false, 404),
        ("GET", "api/criteria/PAR/2023", false, 200), ("GET", "api/criteria/PAR/2023?format=csv", false, 200), ("GET", "api/criteria/SIPAS/2023", false, 404),
        ("GET", "api/criteria/PAR/twenty", false, 400), ("GET", "api/criteria/PAR/2023/1.10", false, 200), ("GET", "api/criteria/PAR/2022/1.1?format=csv", false, 200),
        ("GET", "api/criteria/PAR/2023/9.9", false, 404), ("GET", "api/criteria/PAR/2023/1.1?format=xml", false, 400),
        ("GET", "api/units/48/criteria/PAR/2023", false, 200), ("GET", "api/units/da-nang/criteria/PAR/2022?format=csv", false, 200),
        ("GET", "api/units/MOJ/criteria/PAR/2023", false, 404), ("GET", "api/units/Atlantis/criteria/PAR/2023", false, 404), ("GET", "api/units/48/criteria/PAR/2021", false, 404),
        ("GET", "api/ingestions", true, 200), ("GET", "api/ingestions?status=rejected&top=2", true, 200), ("GET", "api/ingestions?status=lost", true, 400),
        ("GET", "api/ingestions", false, 401), ("PUT", "api/ingestions", true, 405),
        ("GET", "api/ingestions/rejected-example.csv", true, 200), ("GET", "api/ingestions/PAR%2F2023%2Fpar-index-2023-provinces.xlsx", true, 200),
        ("GET", "api/ingestions/nothing.csv", true, 404), ("GET", "api/ingestions/rejected-example.csv", false, 401),
        ("GET", "api/ingestions/rejected-example.csv/report", true, 200), ("GET", "api/ingestions/par-index-2023-provinces.xlsx/report", true, 404),
        ("POST", "api/manage/reports/PAR/2023", true, 200), ("POST", "api/manage/reports/PAR/1999", true, 404), ("POST", "api/manage/reports/PAR/2023", false, 401),
        ("POST", "api/manage/redrive", true, 200), ("GET", "api/manage/redrive", true, 405),
        ("GET", "api/manage/status", true, 200), ("GET", "api/manage/status", false, 401),
    ];

    [Fact]
    public void Every_route_is_exercised_with_a_success_and_an_error()
    {
        foreach (var route in ApiRoutes.All)
        {
            var mine = Requests.Where(r => Template(r.Path) == route.Template).ToList();
            Assert.Contains(mine, r => r.Status is >= 200 and < 300);
            Assert.Contains(mine, r => r.Status >= 400 || route == ApiRoutes.Health || route == ApiRoutes.OpenApi || route == ApiRoutes.Indices || route == ApiRoutes.Units);
        }
    }

    [Fact]
    public async Task Every_answer_is_one_the_document_lists_with_a_body_valid_against_its_schema()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var document = JsonNode.Parse(await api.Http.GetStringAsync("api/openapi.json"))!;
        var failures = new List<string>();
        foreach (var (method, path, key, status) in Requests)
        {
            var response = await api.SendAsync(new HttpMethod(method), path, key: key ? ApiTestHost.AdminKey : null);
            Assert.True(status == (int)response.StatusCode, $"{method} {path}: {(int)response.StatusCode}, expected {status}");
            failures.AddRange(await CheckAsync(document, method, path, response));
            if (response.Headers.ETag is { } etag)
            {
                var notModified = await api.SendAsync(new HttpMethod(method), path, ifNoneMatch: etag.ToString());
                Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
                failures.AddRange(await CheckAsync(document, method, path, notModified));
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task With_a_read_key_set_the_401_of_a_read_route_is_documented_and_health_stays_anonymous()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false, settings: new Dictionary<string, string?> { ["Api:ReadKey"] = "reader" });
        var document = JsonNode.Parse(await (await api.SendAsync(HttpMethod.Get, "api/openapi.json", key: "reader")).Content.ReadAsStringAsync())!;
        var refused = await api.SendAsync(HttpMethod.Get, "api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(await CheckAsync(document, "GET", "api/units", refused));
        var health = await api.SendAsync(HttpMethod.Get, "api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Empty(await CheckAsync(document, "GET", "api/health", health));
        Assert.Empty(document["paths"]!["/health"]!["get"]!["security"]!.AsArray());
    }

    [Fact]
    public async Task A_body_the_schema_does_not_allow_is_caught()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var document = JsonNode.Parse(await api.Http.GetStringAsync("api/openapi.json"))!;
        var schema = SchemaFor(document, document["paths"]!["/health"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.True(schema.Evaluate(JsonNode.Parse("""{"status":"ok","storage":"reachable"}""")).IsValid);
        Assert.False(schema.Evaluate(JsonNode.Parse("""{"status":"ok"}""")).IsValid);
        Assert.False(schema.Evaluate(JsonNode.Parse("""{"status":"ok","storage":"reachable","latencyMs":3}""")).IsValid);
    }

    private static string Template(string path)
    {
        var segments = path.Split('?')[0]["api/".Length..].Split('/');
        return ApiRoutes.All.Single(r => r.Template.Split('/') is var t && t.Length == segments.Length &&
            t.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second)).Template;
    }

    private static async Task<List<string>> CheckAsync(JsonNode document, string method, string path, HttpResponseMessage response)
    {
        var where = $"{method} {path} ({(int)response.StatusCode})";
        var operation = document["paths"]!["/" + Template(path)]![method == "HEAD" ? "get" : method.ToLowerInvariant()]
            // Another method on the route: its 405 is documented on the route's own operation.
            ?? document["paths"]!["/" + Template(path)]!.AsObject().First().Value!;
        if (operation["responses"]![((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)] is not { } documented)
        {
            return [$"{where}: status not listed"];
        }
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0)
        {
            return documented["content"] is null || response.StatusCode == HttpStatusCode.NotModified ? [] : [$"{where}: empty body where content is listed"];
        }
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        if (documented["content"]?[mediaType] is not { } media)
        {
            return [$"{where}: content type {mediaType} not listed"];
        }
        if (mediaType is "text/csv" or "text/html")
        {
            return [];
        }
        var result = SchemaFor(document, media["schema"]!).Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? [] : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{where}: {d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(5)];
    }

    /// <summary>The media type's schema as a standalone draft 2020-12 schema, the document's components as its $defs.</summary>
    private static JsonSchema SchemaFor(JsonNode document, JsonNode schema)
    {
        var root = schema.DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = document["components"]!["schemas"]!.DeepClone();
        return JsonSchema.FromText(root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
    }
}
