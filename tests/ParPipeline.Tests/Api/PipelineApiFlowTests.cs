using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Api;

namespace ParPipeline.Tests.Api;

/// <summary>
/// The order every request goes through in <see cref="PipelineApi"/>, on the two routes that need no storage (the
/// gazetteer's unit list and the OpenAPI document), so each step is seen in-process: a path no route owns first,
/// then a CORS preflight, the method, the read key, the query's bounds, the handler, the coding, Vary, 304 and the
/// CORS headers. The storage connection named is never contacted. Both hosts call these methods (ApiParityTests).
/// </summary>
public sealed class PipelineApiFlowTests
{
    private static PipelineApi Api(string? readKey = null, string origins = "*")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PipelineStorage"] = "UseDevelopmentStorage=true",
            ["Api:ReadKey"] = readKey,
            ["Api:AllowedOrigins"] = origins,
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddParPipeline(configuration)
            .BuildServiceProvider().GetRequiredService<PipelineApi>();
    }

    private static ApiRequest Get(params (string Name, string Value)[] query) => new(query.ToDictionary(q => q.Name, q => q.Value));

    private static string Code(ApiResponse response)
    {
        using var body = JsonDocument.Parse(response.Body);
        return body.RootElement.GetProperty("code").GetString()!;
    }

    private static List<JsonElement> Units(ApiResponse response) =>
        [.. JsonDocument.Parse(response.Body).RootElement.EnumerateArray().Select(e => e.Clone())];

    [Fact]
    public async Task The_unit_list_answers_by_kind_and_year_ordered_by_kind_year_and_code()
    {
        var api = Api();
        var provinces2024 = Units(await api.UnitsAsync(Get(("kind", "province"), ("year", "2024")), default));
        var provinces2025 = Units(await api.UnitsAsync(Get(("kind", "PROVINCE"), ("year", "2025")), default));
        var ministries = Units(await api.UnitsAsync(Get(("kind", "ministry")), default));
        var all = Units(await api.UnitsAsync(Get(), default));
        var provinces = Units(await api.UnitsAsync(Get(("kind", "province")), default)).Select(u => u.GetProperty("code").GetString()!).ToList();
        Assert.Equal((63, 34), (provinces2024.Count, provinces2025.Count));
        Assert.Equal(all.Count, provinces.Count + ministries.Count);
        Assert.Equal("01", provinces2024[0].GetProperty("code").GetString());
        Assert.All(ministries, m => Assert.Equal("ministry", m.GetProperty("kind").GetString()));
        var codes2024 = provinces2024.Select(u => u.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes2024.Order(StringComparer.Ordinal), codes2024);
        // Provinces come before ministries, and those to 2024 before those formed in 2025.
        Assert.Equal("province", all[0].GetProperty("kind").GetString());
        Assert.Equal("ministry", all[^1].GetProperty("kind").GetString());
        // Every province of either era: the 63 to 2024, then the 34 from 2025, each by code.
        Assert.Equal([.. codes2024, .. provinces2025.Select(u => u.GetProperty("code").GetString()!)], provinces);
    }

    [Theory]
    [InlineData("kind", "city", "BAD_PARAMETER")]
    [InlineData("year", "1899", "BAD_PARAMETER")]
    [InlineData("year", "3000", "BAD_PARAMETER")]
    [InlineData("region", "north", "UNKNOWN_PARAMETER")]
    public async Task A_bad_parameter_is_400_before_the_handler_answers(string name, string value, string code)
    {
        var answer = await Api().UnitsAsync(Get((name, value)), default);
        Assert.Equal((400, code), (answer.Status, Code(answer)));
        Assert.Empty(answer.Headers);
    }

    [Fact]
    public async Task The_first_and_last_years_a_unit_can_exist_in_are_taken()
    {
        var api = Api();
        Assert.Equal(200, (await api.UnitsAsync(Get(("year", "1900")), default)).Status);
        Assert.Equal(200, (await api.UnitsAsync(Get(("year", "2999")), default)).Status);
    }

    [Fact]
    public async Task A_path_no_route_owns_is_404_whatever_the_method_key_or_origin()
    {
        var api = Api(readKey: "k");
        var answer = await api.UnitsAsync(new ApiRequest(new Dictionary<string, string>()) { Method = "DELETE", RawPath = "/api/units/%2e", Origin = "https://a.vn" }, default);
        Assert.Equal((404, "NOT_FOUND"), (answer.Status, Code(answer)));
        Assert.Empty(answer.Headers);
    }

    [Fact]
    public async Task A_preflight_is_answered_before_the_method_and_the_key_are_checked()
    {
        var answer = await Api(readKey: "k").UnitsAsync(new ApiRequest(new Dictionary<string, string>()) { Method = "OPTIONS", Origin = "https://a.vn", PreflightMethod = "GET" }, default);
        Assert.Equal(204, answer.Status);
        Assert.Equal("GET, HEAD", answer.Headers["Access-Control-Allow-Methods"]);
    }

    [Theory]
    [InlineData("OPTIONS", null, null)]
    [InlineData("OPTIONS", null, "GET")]
    [InlineData("OPTIONS", "https://a.vn", null)]
    [InlineData("POST", "https://a.vn", null)]
    [InlineData("PUT", null, null)]
    public async Task A_method_the_route_does_not_serve_is_405_with_Allow_and_CORS_headers_for_an_allowed_origin(string method, string? origin, string? preflight)
    {
        var answer = await Api(readKey: "k").UnitsAsync(new ApiRequest(Get(("nope", "1")).Query) { Method = method, Origin = origin, PreflightMethod = preflight }, default);
        Assert.Equal((405, "METHOD_NOT_ALLOWED"), (answer.Status, Code(answer)));
        using var body = JsonDocument.Parse(answer.Body);
        Assert.Equal(("Method not allowed", $"/api/units answers GET, HEAD, not {method}."), (body.RootElement.GetProperty("title").GetString(), body.RootElement.GetProperty("detail").GetString()));
        Assert.Equal("GET, HEAD", answer.Headers["Allow"]);
        Assert.Equal(origin is null ? null : "*", answer.Headers.GetValueOrDefault("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task HEAD_is_served_as_GET()
    {
        var answer = await Api().UnitsAsync(new ApiRequest(new Dictionary<string, string>()) { Method = "HEAD" }, default);
        Assert.Equal(200, answer.Status);
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("", 401)]
    [InlineData("wrong", 401)]
    [InlineData("read-ke", 401)]
    [InlineData("read-key!", 401)]
    [InlineData("read-key", 200)]
    public async Task With_a_read_key_set_only_that_key_reads_and_its_check_comes_before_the_querys(string? key, int status)
    {
        var api = Api(readKey: "read-key");
        var answer = await api.UnitsAsync(new ApiRequest(Get(("kind", "province")).Query, Key: key), default);
        Assert.Equal(status, answer.Status);
        if (status == 401)
        {
            Assert.Equal("READ_KEY_REQUIRED", Code(answer));
            using var body = JsonDocument.Parse(answer.Body);
            Assert.Equal(("Key required", "This API is configured to need a key: send it as the x-functions-key header or the code query parameter."),
                (body.RootElement.GetProperty("title").GetString(), body.RootElement.GetProperty("detail").GetString()));
            // A bad query without the key is still a 401: nothing about the route is told before the key.
            Assert.Equal(401, (await api.UnitsAsync(new ApiRequest(Get(("bogus", "1")).Query, Key: key), default)).Status);
        }
    }

    [Fact]
    public async Task No_read_key_set_means_anonymous_reads()
    {
        Assert.Equal(200, (await Api(readKey: "").UnitsAsync(Get(), default)).Status);
        Assert.Equal(200, (await Api(readKey: null).OpenApiAsync(Get(), default)).Status);
    }

    [Fact]
    public void The_key_comparison_takes_exactly_the_key()
    {
        Assert.True(PipelineApi.KeyMatches("k1", "k1"));
        Assert.False(PipelineApi.KeyMatches(null, "k1"));
        Assert.False(PipelineApi.KeyMatches("k", "k1"));
        Assert.False(PipelineApi.KeyMatches("K1", "k1"));
        Assert.False(PipelineApi.KeyMatches("k1 ", "k1"));
    }

    [Fact]
    public async Task A_large_answer_goes_out_compressed_with_Vary_and_its_own_tag_and_revalidates_to_304()
    {
        var api = Api();
        var identity = await api.OpenApiAsync(Get(), default);
        Assert.Equal(new Dictionary<string, string> { ["Vary"] = "Accept-Encoding" }, identity.Headers);
        Assert.True(identity.Body.Length > ContentCoding.MinimumBytes, $"{identity.Body.Length} bytes");

        var br = await api.OpenApiAsync(new ApiRequest(new Dictionary<string, string>()) { AcceptEncoding = "gzip;q=0.5, br" }, default);
        Assert.Equal(new Dictionary<string, string> { ["Content-Encoding"] = "br", ["Vary"] = "Accept-Encoding" }, br.Headers);
        Assert.Equal(identity.ETag![..^1] + "-br\"", br.ETag);
        Assert.Equal(ContentCoding.Compress(identity.Body, "br"), br.Body);

        var notModified = await api.OpenApiAsync(new ApiRequest(new Dictionary<string, string>(), IfNoneMatch: br.ETag) { AcceptEncoding = "br" }, default);
        Assert.Equal((304, 0, br.ETag), (notModified.Status, notModified.Body.Length, notModified.ETag));
        // The identity tag does not validate the compressed representation, nor the other way round.
        Assert.Equal(200, (await api.OpenApiAsync(new ApiRequest(new Dictionary<string, string>(), IfNoneMatch: identity.ETag) { AcceptEncoding = "br" }, default)).Status);
        Assert.Equal(304, (await api.OpenApiAsync(new ApiRequest(new Dictionary<string, string>(), IfNoneMatch: identity.ETag), default)).Status);
        Assert.Equal(200, (await api.OpenApiAsync(new ApiRequest(new Dictionary<string, string>(), IfNoneMatch: br.ETag), default)).Status);
    }

    [Fact]
    public async Task With_a_list_of_origins_a_read_answer_varies_by_Origin_and_an_allowed_origin_may_read_it()
    {
        var api = Api(origins: "https://a.vn");
        var answer = await api.OpenApiAsync(new ApiRequest(new Dictionary<string, string>()) { Origin = "https://a.vn" }, default);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Vary"] = "Accept-Encoding, Origin",
            ["Access-Control-Allow-Origin"] = "https://a.vn",
            ["Access-Control-Expose-Headers"] = "ETag, Content-Disposition, Content-Length",
        }, answer.Headers);
        var other = await api.OpenApiAsync(new ApiRequest(new Dictionary<string, string>()) { Origin = "https://b.vn" }, default);
        Assert.Equal(new Dictionary<string, string> { ["Vary"] = "Accept-Encoding, Origin" }, other.Headers);
    }

    [Fact]
    public async Task An_error_answer_is_neither_compressed_nor_given_Vary()
    {
        var answer = await Api().UnitsAsync(new ApiRequest(Get(("kind", new string('x', 200))).Query) { AcceptEncoding = "br" }, default);
        Assert.Equal(400, answer.Status);
        Assert.Empty(answer.Headers);
        Assert.Equal('{', (char)answer.Body[0]);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_made_once_and_is_the_same_bytes_every_time()
    {
        var api = Api();
        var first = await api.OpenApiAsync(Get(), default);
        var second = await api.OpenApiAsync(Get(), default);
        Assert.Same(first.Body, second.Body);
        Assert.Equal("3.1.2", JsonDocument.Parse(first.Body).RootElement.GetProperty("openapi").GetString());
        Assert.StartsWith("{", Encoding.UTF8.GetString(first.Body));
    }

    [Fact]
    public void A_path_no_route_owns_under_api_is_the_404_naming_the_routes()
    {
        var answer = PipelineApi.NotFound("/api/nothing");
        Assert.Equal((404, "NOT_FOUND"), (answer.Status, Code(answer)));
        Assert.StartsWith("'/api/nothing' is not a route of this API", JsonDocument.Parse(answer.Body).RootElement.GetProperty("detail").GetString());
    }
}
