using System.Text.Json;
using System.Text.Json.Nodes;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary>
/// The served OpenAPI document as consumers' tools see it: Spectral (ruleset spectral:oas, .spectral.yaml) and
/// Redocly CLI (recommended rules, redocly.yaml), both pinned in package.json, report no error and no warning.
/// Each linter is also shown a broken copy, so the test cannot pass with a linter that checks nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiLintTests(AzuriteFixture azurite)
{
    private static async Task<string> ServedDocumentAsync(AzuriteFixture azurite)
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var path = Path.Combine(Directory.CreateTempSubdirectory("openapi-").FullName, "openapi.json");
        await File.WriteAllBytesAsync(path, await api.Http.GetByteArrayAsync("api/openapi.json"));
        return path;
    }

    private static string Broken(string served)
    {
        var document = JsonNode.Parse(File.ReadAllText(served))!.AsObject();
        document["info"]!.AsObject().Remove("license");
        document["paths"]!["/units"]!["get"]!.AsObject().Remove("operationId");
        var path = Path.Combine(Path.GetDirectoryName(served)!, "broken.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static Task<(int Exit, string Output)> RunAsync(string tool, params string[] arguments) => NodeTools.RunAsync(tool, arguments);

    private static async Task<List<string>> SpectralAsync(string document)
    {
        var (_, output) = await RunAsync("spectral", "lint", document, "--ruleset", Path.Combine(RepositoryPaths.Root, ".spectral.yaml"), "--format", "json", "--quiet");
        var json = output[output.IndexOf('[', StringComparison.Ordinal)..(output.LastIndexOf(']') + 1)];
        return [.. JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(r => $"{r.GetProperty("code").GetString()} at {string.Join('.', r.GetProperty("path").EnumerateArray())}: {r.GetProperty("message").GetString()}")];
    }

    private static async Task<List<string>> RedoclyAsync(string document)
    {
        var (_, output) = await RunAsync("redocly", "lint", document, "--config", Path.Combine(RepositoryPaths.Root, "redocly.yaml"), "--format=json");
        var json = output[output.IndexOf('{', StringComparison.Ordinal)..(output.LastIndexOf('}') + 1)];
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("ruleId").GetString()} ({p.GetProperty("severity").GetString()}): {p.GetProperty("message").GetString()}")];
    }

    [Fact]
    public async Task Spectral_finds_nothing_in_the_served_document_and_finds_a_missing_operation_id()
    {
        var served = await ServedDocumentAsync(azurite);
        Assert.Empty(await SpectralAsync(served));
        Assert.Contains(await SpectralAsync(Broken(served)), r => r.StartsWith("operation-operationId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redocly_finds_no_error_or_warning_in_the_served_document_and_finds_a_missing_license()
    {
        var served = await ServedDocumentAsync(azurite);
        Assert.Empty(await RedoclyAsync(served));
        var broken = await RedoclyAsync(Broken(served));
        Assert.Contains(broken, p => p.StartsWith("info-license", StringComparison.Ordinal));
        Assert.Contains(broken, p => p.StartsWith("operation-operationId", StringComparison.Ordinal));
    }
}
