using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ParPipeline.Api;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary>
/// HTTP as consumers use it, through the local host's Kestrel: HEAD, 405 with Allow, CORS for dashboards on
/// another origin, compression, content negotiation and problem bodies for every error. The Azure functions answer
/// the same (ApiParityTests).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpProtocolTests(AzuriteFixture azurite)
{
    /// <summary>One request per GET route.</summary>
    public static readonly string[] GetPaths =
    [
        "api/indices", "api/rankings/PAR/2023", "api/units", "api/units/48", "api/units/48/history", "api/compare?units=48,31",
        "api/movers/PAR/2023", "api/criteria/PAR/2023", "api/criteria/PAR/2023/1.2", "api/units/48/criteria/PAR/2023", "api/ingestions", "api/ingestions/rejected-example.csv", "api/ingestions/rejected-example.csv/report",
        "api/health", "api/manage/status", "api/openapi.json",
    ];

    private static async Task<HttpResponseMessage> SendAsync(ApiTestHost api, HttpMethod method, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await api.Http.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task HEAD_answers_every_GET_route_with_the_same_status_and_headers_and_no_body()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        Assert.Equal(ApiRoutes.All.Count(r => r.Method == "GET"), GetPaths.Length);
        foreach (var path in GetPaths.Append("api/units/Atlantis"))
        {
            var key = ("x-functions-key", ApiTestHost.AdminKey);
            var get = await SendAsync(api, HttpMethod.Get, path, key);
            var getBody = await get.Content.ReadAsByteArrayAsync();
            var head = await SendAsync(api, HttpMethod.Head, path, key);
            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            // The status body carries the storage latency measured for that request: its length may differ by a digit.
            if (!path.StartsWith("api/manage/status", StringComparison.Ordinal))
            {
                Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
            }
            else
            {
                Assert.InRange(head.Content.Headers.ContentLength!.Value, getBody.Length - 3, getBody.Length + 3);
            }
            Assert.Equal(string.Join(",", get.Headers.Vary), string.Join(",", head.Headers.Vary));
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Methods_a_route_does_not_serve_answer_405_with_Allow_and_a_problem_body()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        foreach (var method in new[] { "OPTIONS", "POST", "PUT", "PATCH", "DELETE" })
        {
            var response = await SendAsync(api, new HttpMethod(method), "api/rankings/PAR/2023");
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
            var problem = await ProblemAsync(response);
            Assert.Equal("METHOD_NOT_ALLOWED", problem.GetProperty("code").GetString());
            Assert.Equal($"/api/rankings/{{index}}/{{year}} answers GET, HEAD, not {method}.", problem.GetProperty("detail").GetString());
        }
        var get = await SendAsync(api, HttpMethod.Get, "api/manage/redrive", ("x-functions-key", ApiTestHost.AdminKey));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(["POST"], get.Content.Headers.Allow);
        // The admin key is asked for first, as the Functions host checks a function key before the function runs.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(api, HttpMethod.Get, "api/manage/redrive")).StatusCode);
    }

    [Fact]
    public async Task By_default_any_origin_may_read_and_see_the_ETag_and_a_preflight_for_If_None_Match_is_answered()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        const string origin = "https://dashboard.example.vn";
        var get = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023", ("Origin", origin));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("*", Assert.Single(get.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(CorsPolicy.ExposedHeaders, Assert.Single(get.Headers.GetValues("Access-Control-Expose-Headers")));
        Assert.Equal(["Accept", "Accept-Encoding"], get.Headers.Vary);

        var preflight = await SendAsync(api, HttpMethod.Options, "api/rankings/PAR/2023",
            ("Origin", origin), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "if-none-match"));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("GET, HEAD", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Equal("if-none-match", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Headers")));
        Assert.Equal("600", Assert.Single(preflight.Headers.GetValues("Access-Control-Max-Age")));
        Assert.Empty(await preflight.Content.ReadAsByteArrayAsync());

        // Errors of read routes are readable cross-origin too, so a dashboard can show them.
        var missing = await SendAsync(api, HttpMethod.Get, "api/units/Atlantis", ("Origin", origin));
        Assert.Equal("*", Assert.Single(missing.Headers.GetValues("Access-Control-Allow-Origin")));

        // Admin routes never: no CORS header, and a preflight is refused.
        var admin = await SendAsync(api, HttpMethod.Post, "api/manage/redrive", ("Origin", origin), ("x-functions-key", ApiTestHost.AdminKey));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.False(admin.Headers.Contains("Access-Control-Allow-Origin"));
        var adminPreflight = await SendAsync(api, HttpMethod.Options, "api/manage/redrive",
            ("Origin", origin), ("Access-Control-Request-Method", "POST"), ("x-functions-key", ApiTestHost.AdminKey));
        Assert.Equal(HttpStatusCode.Forbidden, adminPreflight.StatusCode);
        Assert.False(adminPreflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("Preflight refused: admin routes do not answer cross-origin requests.", (await ProblemAsync(adminPreflight)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_list_of_origins_is_echoed_for_those_only_with_Vary_Origin()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false,
            settings: new Dictionary<string, string?> { ["Api:AllowedOrigins"] = "https://dashboard.example.vn, https://bao.example.vn" });
        var allowed = await SendAsync(api, HttpMethod.Get, "api/units", ("Origin", "https://bao.example.vn"));
        Assert.Equal("https://bao.example.vn", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(["Accept-Encoding", "Origin"], allowed.Headers.Vary);

        var other = await SendAsync(api, HttpMethod.Get, "api/units", ("Origin", "https://evil.example"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        var preflight = await SendAsync(api, HttpMethod.Options, "api/units", ("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET"));
        Assert.Equal(HttpStatusCode.Forbidden, preflight.StatusCode);
        Assert.Equal("CORS_NOT_ALLOWED", (await ProblemAsync(preflight)).GetProperty("code").GetString());
        var wrongMethod = await SendAsync(api, HttpMethod.Options, "api/units", ("Origin", "https://bao.example.vn"), ("Access-Control-Request-Method", "DELETE"));
        Assert.Equal("Preflight refused: this route answers GET, HEAD, not DELETE.", (await ProblemAsync(wrongMethod)).GetProperty("detail").GetString());
        var wrongHeader = await SendAsync(api, HttpMethod.Options, "api/units", ("Origin", "https://bao.example.vn"),
            ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "if-none-match, x-evil"));
        Assert.Equal("Preflight refused: request header 'x-evil' is not allowed.", (await ProblemAsync(wrongHeader)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Large_answers_are_compressed_with_their_own_ETag_and_Vary_and_decompress_to_the_same_bytes()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var identity = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023");
        var plain = await identity.Content.ReadAsByteArrayAsync();
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        var etags = new HashSet<string> { identity.Headers.ETag!.Tag };
        foreach (var coding in new[] { "gzip", "br" })
        {
            var compressed = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023", ("Accept-Encoding", coding));
            Assert.Equal([coding], compressed.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            var bytes = await compressed.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, compressed.Content.Headers.ContentLength);
            Assert.True(bytes.Length * 5 < plain.Length, $"{coding}: {bytes.Length} of {plain.Length} bytes");
            using var input = new MemoryStream(bytes);
            using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            await decoder.CopyToAsync(output);
            Assert.Equal(plain, output.ToArray());
            Assert.Equal($"{identity.Headers.ETag.Tag.TrimEnd('"')}-{coding}\"", compressed.Headers.ETag!.Tag);
            Assert.True(etags.Add(compressed.Headers.ETag.Tag));

            var revalidated = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023", ("Accept-Encoding", coding), ("If-None-Match", compressed.Headers.ETag.Tag));
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            // The identity ETag does not validate the compressed representation (RFC 9110 §8.8.3).
            var other = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023", ("Accept-Encoding", coding), ("If-None-Match", identity.Headers.ETag.Tag));
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }
        var csv = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023?format=csv", ("Accept-Encoding", "gzip"));
        Assert.Equal(["gzip"], csv.Content.Headers.ContentEncoding);
        var health = await SendAsync(api, HttpMethod.Get, "api/health", ("Accept-Encoding", "gzip"));
        Assert.Empty(health.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_snapshot_answer_is_compressed_once_not_per_request()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var pipeline = (PipelineApi)api.Services.GetService(typeof(PipelineApi))!;
        var request = ApiRequest.Empty with { AcceptEncoding = "br" };
        var first = await pipeline.RankingsAsync("PAR", "2023", request, CancellationToken.None);
        var second = await pipeline.RankingsAsync("PAR", "2023", request, CancellationToken.None);
        Assert.Equal("br", first.Headers["Content-Encoding"]);
        Assert.Same(first.Body, second.Body);
    }

    [Fact]
    public async Task Accept_text_csv_gets_the_csv_with_a_file_name_as_format_csv_does()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var byFormat = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023?format=csv");
        var byAccept = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023", ("Accept", "text/csv"));
        foreach (var response in new[] { byFormat, byAccept })
        {
            Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.Equal("attachment; filename=\"PAR-2023.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        }
        Assert.Equal(await byFormat.Content.ReadAsByteArrayAsync(), await byAccept.Content.ReadAsByteArrayAsync());
        Assert.Equal(byFormat.Headers.ETag, byAccept.Headers.ETag);
        var browser = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023", ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        Assert.Equal("application/json; charset=utf-8", browser.Content.Headers.ContentType!.ToString());
        var json = await SendAsync(api, HttpMethod.Get, "api/rankings/PAR/2023", ("Accept", "text/csv;q=0.5, application/json"));
        Assert.Equal("application/json; charset=utf-8", json.Content.Headers.ContentType!.ToString());
    }

    [Theory]
    [InlineData("api/rankings/PAR/")]
    [InlineData("api/rankings/PAR")]
    [InlineData("api/units//history")]
    [InlineData("api/units/")]
    [InlineData("api/nothing/here")]
    [InlineData("api/")]
    public async Task Paths_no_route_owns_are_404_with_a_problem_body_never_another_routes_answer(string path)
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var response = await SendAsync(api, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("NOT_FOUND", problem.GetProperty("code").GetString());
        Assert.StartsWith("'/api/", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("GET /api/rankings/{index}/{year}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/units/%2e")]
    [InlineData("/api/units/%2E%2E")]
    [InlineData("/api/units/48/%2e")]
    public async Task A_dot_segment_sent_encoded_is_404_not_the_route_it_would_normalise_to(string target)
    {
        // Sent on a raw socket: HttpClient itself would decode %2e and drop the segment before sending.
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(api.Http.BaseAddress!.Host, api.Http.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 404 Not Found", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json; charset=utf-8", answer, StringComparison.Ordinal);
        Assert.Contains($"\"detail\":\"'{target}' is not a route of this API", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/units/%00")]
    [InlineData("api/units/48%00/history")]
    public async Task A_NUL_in_the_path_is_refused_by_Kestrel_before_any_route_runs(string path)
    {
        // Kestrel (the local host's, and the one the Functions host runs on) rejects a request target whose
        // decoded path holds NUL while parsing the request line, with 400 and no body: no middleware sees it.
        // ApiPath would answer 404 with a problem body if it ever got through.
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var response = await SendAsync(api, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("NOT_FOUND", JsonDocument.Parse(ApiPath.Check("/" + path)!.Body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_target_over_8_KiB_is_414_with_a_problem_body_and_one_at_the_limit_is_served()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        const string prefix = "/api/units?kind=";
        var atLimit = await SendAsync(api, HttpMethod.Get, prefix + new string('x', 8192 - prefix.Length));
        Assert.Equal(HttpStatusCode.BadRequest, atLimit.StatusCode);
        Assert.Equal("PARAMETER_TOO_LONG", (await ProblemAsync(atLimit)).GetProperty("code").GetString());
        var over = await SendAsync(api, HttpMethod.Get, prefix + new string('x', 8193 - prefix.Length));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, over.StatusCode);
        var problem = await ProblemAsync(over);
        Assert.Equal("URI_TOO_LONG", problem.GetProperty("code").GetString());
        Assert.Equal("Request targets are limited to 8 KiB; this one has 8,193 characters.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task No_input_gets_a_5xx_and_every_error_has_a_problem_body()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        (HttpMethod Method, string Path, (string, string)[] Headers)[] hostile =
        [
            (HttpMethod.Get, "api/rankings/PAR/2023", [("Accept-Encoding", "gzip;q=abc, br;q=-1, ;;;")]),
            (HttpMethod.Get, "api/rankings/PAR/2023", [("Accept", "text/csv;q=NaN, */*;q=2")]),
            (HttpMethod.Get, "api/rankings/PAR/2023", [("If-None-Match", "W/, \"\", *x")]),
            (HttpMethod.Options, "api/units", [("Origin", "null"), ("Access-Control-Request-Method", "")]),
            (HttpMethod.Options, "api/units", [("Origin", "https://a.example"), ("Access-Control-Request-Method", "G\tET"), ("Access-Control-Request-Headers", ",,,")]),
            (HttpMethod.Get, "api/units/" + new string('x', 300), []),
            (HttpMethod.Get, "api/units/%F0%9F%98%80?year=2025", []),
            (HttpMethod.Get, "api/units/%E0%A4%A", []),
            (HttpMethod.Get, "api/rankings/PAR/-1", []),
            (HttpMethod.Get, "api/rankings/%2F/2023", []),
            (HttpMethod.Get, "api/compare?units=,,,,&from=2030&to=2020", []),
            (HttpMethod.Get, "api/units?kind=%00", []),
            (HttpMethod.Get, "api/movers/PAR/2023?top=99999999999999999999", []),
            (new HttpMethod("PROPFIND"), "api/indices", []),
            (HttpMethod.Post, "api/manage/reports/%2e%2e/2023", [("x-functions-key", ApiTestHost.AdminKey)]),
        ];
        foreach (var (method, path, headers) in hostile)
        {
            var response = await SendAsync(api, method, path, headers);
            Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode}");
            if ((int)response.StatusCode >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {path}: {response.Content.Headers.ContentType}");
            }
        }
    }
}
