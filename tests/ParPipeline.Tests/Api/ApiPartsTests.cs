using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ParPipeline.Api;

namespace ParPipeline.Tests.Api;

/// <summary>
/// The API's request pipeline in its plain parts, each rule at its edge: the query's bounds, paths no route owns,
/// weights of Accept and Accept-Encoding, the CORS policy and the answer's validator, headers and encodings. The
/// host tests (ApiRouteTests, HttpProtocolTests, RequestLimitsTests) show the same through Kestrel; these show
/// which rule answers, with the exact text a client reads, and are fast enough for mutation testing.
/// </summary>
public sealed class ApiPartsTests
{
    private static ApiRequest Query(params (string Name, string Value)[] parameters) =>
        new(parameters.ToDictionary(p => p.Name, p => p.Value));

    private static (int Status, string Code, string Title, string Detail, string Type) Problem(ApiResponse? response)
    {
        Assert.NotNull(response);
        Assert.Equal(ApiResponse.ProblemJson, response.ContentType);
        using var body = JsonDocument.Parse(response.Body);
        var root = body.RootElement;
        Assert.Equal(response.Status, root.GetProperty("status").GetInt32());
        return (response.Status, root.GetProperty("code").GetString()!, root.GetProperty("title").GetString()!,
            root.GetProperty("detail").GetString()!, root.GetProperty("type").GetString()!);
    }

    private static CorsPolicy Cors(string origins) => new(Options.Create(new ApiOptions { AllowedOrigins = origins }));

    // ---- ApiParameters: 16 parameters, 256 characters, only the route's names ----

    [Fact]
    public void Sixteen_parameters_pass_and_seventeen_are_refused_saying_how_many()
    {
        var names = Enumerable.Range(1, 17).Select(i => $"p{i}").ToList();
        Assert.Null(ApiParameters.Check(Query([.. names.Take(16).Select(n => (n, "1"))]), names));
        Assert.Equal((400, "TOO_MANY_PARAMETERS", "Bad request", "A request takes at most 16 query parameters; this one has 17.", "https://parpipeline.dev/problems/too-many-parameters"),
            Problem(ApiParameters.Check(Query([.. names.Select(n => (n, "1"))]), names)));
    }

    [Fact]
    public void A_name_or_a_value_of_256_characters_passes_and_257_are_refused_with_the_name_clipped()
    {
        var name256 = new string('n', 256);
        Assert.Null(ApiParameters.Check(Query((name256, "v")), [name256]));
        Assert.Null(ApiParameters.Check(Query(("top", new string('1', 256))), ["top"]));

        var name257 = new string('n', 257);
        Assert.Equal(("PARAMETER_TOO_LONG", $"Query parameter '{new string('n', 40)}…' is longer than 256 characters."),
            Problem(ApiParameters.Check(Query((name257, "v")), [name257])) is var p ? (p.Code, p.Detail) : default);
        Assert.Equal(("PARAMETER_TOO_LONG", "Query parameter 'top' is longer than 256 characters."),
            Problem(ApiParameters.Check(Query(("top", new string('1', 257))), ["top"])) is var q ? (q.Code, q.Detail) : default);
    }

    [Fact]
    public void Only_the_routes_parameters_and_the_function_key_are_taken_in_any_case()
    {
        Assert.Null(ApiParameters.Check(Query(("SORT", "rank"), ("CODE", "k")), ["sort"]));
        Assert.Null(ApiParameters.Check(Query(("code", "k")), []));
        Assert.Equal(("UNKNOWN_PARAMETER", "Unknown query parameter 'sortt'; this route takes sort, top."),
            Problem(ApiParameters.Check(Query(("sort", "rank"), ("sortt", "x")), ["sort", "top"])) is var p ? (p.Code, p.Detail) : default);
        Assert.Equal(("UNKNOWN_PARAMETER", "This route takes no query parameter ('year' given)."),
            Problem(ApiParameters.Check(Query(("year", "2023")), [])) is var q ? (q.Code, q.Detail) : default);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 10)]
    [InlineData(" 7 ", 7)]
    public void A_whole_number_within_its_bounds_is_taken(string text, int expected) =>
        Assert.Equal(((int?)expected, (ApiResponse?)null), ApiParameters.Int(Query(("top", text)), "top", 1, 10));

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("+5")]
    [InlineData("-1")]
    [InlineData("5.0")]
    [InlineData("1e1")]
    [InlineData("ten")]
    public void A_number_out_of_bounds_or_not_plainly_written_is_refused_naming_the_bounds(string text)
    {
        var (value, problem) = ApiParameters.Int(Query(("top", text)), "top", 1, 10);
        Assert.Null(value);
        Assert.Equal(("BAD_PARAMETER", $"'top' must be a whole number from 1 to 10; '{text}' is not."), Problem(problem) is var p ? (p.Code, p.Detail) : default);
    }

    [Fact]
    public void An_absent_or_empty_parameter_is_no_value_and_no_problem()
    {
        Assert.Equal(((int?)null, (ApiResponse?)null), ApiParameters.Int(ApiRequest.Empty, "top", 1, 10));
        Assert.Equal(((int?)null, (ApiResponse?)null), ApiParameters.Int(Query(("top", "")), "top", 1, 10));
        Assert.Equal(((string?)null, (ApiResponse?)null), ApiParameters.OneOf(ApiRequest.Empty, "sort", ["rank"]));
    }

    [Fact]
    public void A_choice_is_matched_in_any_case_and_answered_as_the_route_spells_it()
    {
        Assert.Equal(("score", (ApiResponse?)null), ApiParameters.OneOf(Query(("Sort", "SCORE")), "sort", ["rank", "score"]));
        var (value, problem) = ApiParameters.OneOf(Query(("sort", "points")), "sort", ["rank", "score"]);
        Assert.Null(value);
        Assert.Equal(("BAD_PARAMETER", "'sort' takes rank, score; 'points' is not one of them."), Problem(problem) is var p ? (p.Code, p.Detail) : default);
    }

    [Fact]
    public void What_the_client_sent_is_echoed_clipped_to_40_characters_without_control_characters()
    {
        Assert.Equal(new string('x', 40), ApiParameters.Clip(new string('x', 40)));
        Assert.Equal(new string('x', 40) + "…", ApiParameters.Clip(new string('x', 41)));
        Assert.Equal("a?b?", ApiParameters.Clip("a\nb\u0000"));
    }

    // ---- ApiPath: paths no route owns ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/api/units/48")]
    [InlineData("api/units/48/history")]
    [InlineData("/api/units/%C4%90%C3%A0%20N%E1%BA%B5ng")]
    [InlineData("/api/units/48?next=//x/./..")]
    [InlineData("/api/units/...")]
    [InlineData("/api/units/.x")]
    public void A_well_formed_path_is_left_to_its_route(string? rawPath) => Assert.Null(ApiPath.Check(rawPath));

    [Theory]
    [InlineData("/api/units/", "/api/units/")]
    [InlineData("/api/units//history", "/api/units//history")]
    [InlineData("/api/units/.", "/api/units/.")]
    [InlineData("/api/units/%2e", "/api/units/%2e")]
    [InlineData("/api/units/%2E%2e", "/api/units/%2E%2e")]
    [InlineData("/api/units/%00?x=1", "/api/units/%00")]
    [InlineData("/api/units/a%0Ab", "/api/units/a%0Ab")]
    [InlineData("/", "/")]
    public void An_empty_or_dot_segment_or_a_control_character_is_404_naming_the_path_and_the_routes(string rawPath, string named)
    {
        var (status, code, title, detail, _) = Problem(ApiPath.Check(rawPath));
        Assert.Equal((404, "NOT_FOUND", "No such route"), (status, code, title));
        Assert.Equal($"'{named}' is not a route of this API; GET /api/openapi.json lists them: " +
            string.Join(", ", ApiRoutes.All.Select(r => $"{r.Method} /api/{r.Template}")) + ".", detail);
        Assert.StartsWith("'" + named + "' is not a route of this API; GET /api/openapi.json lists them: GET /api/indices, GET /api/rankings/{index}/{year}, ", detail);
        Assert.EndsWith(", POST /api/manage/redrive, GET /api/health, GET /api/manage/status, GET /api/openapi.json.", detail);
    }

    // ---- QualityValues, MediaTypes, ContentCoding: the client's weights ----

    [Fact]
    public void Weights_are_read_per_item_one_when_absent_zero_when_not_a_number()
    {
        Assert.Empty(QualityValues.Parse(null));
        Assert.Empty(QualityValues.Parse(" , ,"));
        Assert.Equal(
            [("gzip", 0.5), ("br", 1.0), ("text/csv", 1.0), ("deflate", 0.2), ("x", 0.0), ("y", 0.0), ("z", 0.0), ("w", 0.0)],
            QualityValues.Parse("gzip;q=0.5, BR ,text/csv; charset=utf-8,deflate; level=1; Q=0.2, x;q=abc, y;q=, z;q=-1, w;q=1e-1"));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(" ", false)]
    [InlineData("text/csv", true)]
    [InlineData("TEXT/CSV", true)]
    [InlineData("text/csv, application/json", false)]
    [InlineData("text/csv;q=0.9, application/json;q=0.8", true)]
    [InlineData("application/json;q=0.5, text/csv", true)]
    [InlineData("*/*, text/csv", false)]
    [InlineData("application/*;q=0.1, text/csv;q=0.2", true)]
    [InlineData("application/*, text/csv;q=0.5", false)]
    [InlineData("application/problem+json, text/csv;q=0.9", false)]
    [InlineData("text/csv;q=0.5, text/csv;q=0.9, application/json;q=0.7", true)]
    [InlineData("application/json;q=0.9, application/json;q=0.1, text/csv;q=0.5", false)]
    [InlineData("text/*", false)]
    [InlineData("text/csv;q=0", false)]
    public void Csv_is_chosen_only_when_weighed_above_json(string? accept, bool csv) => Assert.Equal(csv, MediaTypes.PrefersCsv(accept));

    [Theory]
    [InlineData("br", 1025, "br")]
    [InlineData("br", 1024, null)]
    [InlineData("gzip", 1025, "gzip")]
    [InlineData("x-gzip", 1025, "gzip")]
    [InlineData("GZIP", 1025, "gzip")]
    [InlineData("br, gzip", 5000, "br")]
    [InlineData("gzip, br;q=0.5", 5000, "gzip")]
    [InlineData("br;q=0.5, gzip;q=0.5", 5000, "br")]
    [InlineData("br;q=0.4, gzip;q=0.5", 5000, "gzip")]
    [InlineData("*", 5000, "br")]
    [InlineData("*;q=0.5, br;q=0", 5000, "gzip")]
    [InlineData("*;q=0", 5000, null)]
    [InlineData("br;q=0, gzip;q=0", 5000, null)]
    [InlineData("identity, deflate", 5000, null)]
    [InlineData("br", 2000, "br")]
    [InlineData("gzip", 2000, "gzip")]
    [InlineData("*", 2000, "br")]
    [InlineData("gzip, deflate, br", 2000, "br")]
    [InlineData("br;q=0.5, gzip", 2000, "gzip")]
    [InlineData("br;q=0, *;q=0.1", 2000, "gzip")]
    [InlineData("identity", 5000, null)]
    [InlineData("gzip;q=0, br;q=0", 5000, null)]
    [InlineData("gzip, br", 1024, null)]
    [InlineData(" ", 5000, null)]
    [InlineData(null, 5000, null)]
    public void The_coding_follows_the_clients_weights_above_1_KiB(string? acceptEncoding, int length, string? expected) =>
        Assert.Equal(expected, ContentCoding.Choose(acceptEncoding, length));

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public void A_compressed_body_decompresses_to_the_same_bytes(string coding)
    {
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Đà Nẵng 88,68; ", 200)));
        var compressed = ContentCoding.Compress(body, coding);
        Assert.True(compressed.Length < body.Length / 4, $"{compressed.Length} of {body.Length} bytes");
        using var input = new MemoryStream(compressed);
        using Stream decompressor = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        Assert.Equal(body, output.ToArray());
        // gzip's magic number: the coding named is the coding made.
        Assert.Equal(coding == "gzip", compressed is [0x1f, 0x8b, ..]);
    }

    // ---- CorsPolicy ----

    [Fact]
    public void Any_origin_reads_the_read_routes_and_no_origin_reads_the_admin_routes()
    {
        var cors = Cors("*");
        Assert.True(cors.AnyOrigin);
        Assert.Equal("*", cors.AllowOrigin(ApiRoutes.Rankings, "https://dashboard.example.vn"));
        Assert.Null(cors.AllowOrigin(ApiRoutes.Rankings, null));
        Assert.Null(cors.AllowOrigin(ApiRoutes.Rankings, ""));
        Assert.Null(cors.AllowOrigin(ApiRoutes.Status, "https://dashboard.example.vn"));
        Assert.Null(cors.AllowOrigin(ApiRoutes.Redrive, "https://dashboard.example.vn"));
    }

    [Theory]
    [InlineData("https://a.example.vn, https://b.example.vn/")]
    [InlineData("https://a.example.vn;https://b.example.vn/")]
    [InlineData("  https://a.example.vn   https://b.example.vn/ ")]
    [InlineData("https://a.example.vn,\n\thttps://b.example.vn/\r\n")]
    public void A_list_of_origins_echoes_those_origins_only_in_any_case(string origins)
    {
        var cors = Cors(origins);
        Assert.False(cors.AnyOrigin);
        Assert.Equal("https://a.example.vn", cors.AllowOrigin(ApiRoutes.Units, "https://a.example.vn"));
        Assert.Equal("https://b.example.vn", cors.AllowOrigin(ApiRoutes.Units, "https://b.example.vn"));
        Assert.Equal("HTTPS://A.EXAMPLE.VN", cors.AllowOrigin(ApiRoutes.Units, "HTTPS://A.EXAMPLE.VN"));
        Assert.Null(cors.AllowOrigin(ApiRoutes.Units, "https://c.example.vn"));
        Assert.Null(cors.AllowOrigin(ApiRoutes.Units, "https://a.example.vn.evil"));
        Assert.Null(cors.AllowOrigin(ApiRoutes.Units, "*"));
    }

    [Fact]
    public void An_allowed_cross_origin_answer_carries_the_origin_and_the_headers_a_page_may_read()
    {
        var cors = Cors("https://a.example.vn");
        var response = ApiResponse.Ok(new { a = 1 });
        var decorated = cors.Decorate(ApiRoutes.Units, new ApiRequest(new Dictionary<string, string>()) { Origin = "https://a.example.vn" }, response);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Access-Control-Allow-Origin"] = "https://a.example.vn",
            ["Access-Control-Expose-Headers"] = "ETag, Content-Disposition, Content-Length",
        }, decorated.Headers);
        Assert.Same(response, cors.Decorate(ApiRoutes.Units, new ApiRequest(new Dictionary<string, string>()) { Origin = "https://c.example.vn" }, response));
        Assert.Same(response, cors.Decorate(ApiRoutes.Units, ApiRequest.Empty, response));
        Assert.Same(response, cors.Decorate(ApiRoutes.Ingestions, new ApiRequest(new Dictionary<string, string>()) { Origin = "https://a.example.vn" }, response));
    }

    private static ApiRequest Preflight(string origin, string method, string? headers = null) =>
        new(new Dictionary<string, string>()) { Method = "OPTIONS", Origin = origin, PreflightMethod = method, PreflightHeaders = headers };

    [Fact]
    public void A_preflight_for_a_read_route_is_204_with_the_methods_headers_and_how_long_to_keep_it()
    {
        var answer = Cors("https://a.example.vn").Preflight(ApiRoutes.Rankings, Preflight("https://a.example.vn", " get ", "If-None-Match, X-Functions-Key,accept, Accept-Language, content-language"));
        Assert.Equal((204, ""), (answer.Status, answer.ContentType));
        Assert.Empty(answer.Body);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Access-Control-Allow-Origin"] = "https://a.example.vn",
            ["Access-Control-Allow-Methods"] = "GET, HEAD",
            ["Access-Control-Max-Age"] = "600",
            ["Access-Control-Allow-Headers"] = "if-none-match, x-functions-key, accept, accept-language, content-language",
            ["Vary"] = "Origin",
        }, answer.Headers);

        var any = Cors("*").Preflight(ApiRoutes.Rankings, Preflight("https://z.example", "HEAD"));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Access-Control-Allow-Origin"] = "*",
            ["Access-Control-Allow-Methods"] = "GET, HEAD",
            ["Access-Control-Max-Age"] = "600",
        }, any.Headers);
    }

    [Theory]
    [InlineData("manage/status", "https://a.example.vn", "GET", null, "admin routes do not answer cross-origin requests")]
    [InlineData("rankings", "https://c.example.vn", "GET", null, "origin 'https://c.example.vn' is not allowed (setting Api__AllowedOrigins)")]
    [InlineData("rankings", "https://a.example.vn", "post", null, "this route answers GET, HEAD, not POST")]
    [InlineData("rankings", "https://a.example.vn", "GET", "if-none-match, X-Requested-With", "request header 'x-requested-with' is not allowed")]
    public void A_preflight_this_policy_does_not_allow_is_403_without_CORS_headers_saying_which_part(string route, string origin, string method, string? headers, string why)
    {
        var target = route == "rankings" ? ApiRoutes.Rankings : ApiRoutes.Status;
        var answer = Cors("https://a.example.vn").Preflight(target, Preflight(origin, method, headers));
        Assert.Equal((403, "CORS_NOT_ALLOWED", "Cross-origin request not allowed", $"Preflight refused: {why}."), Problem(answer) is var p ? (p.Status, p.Code, p.Title, p.Detail) : default);
        Assert.Empty(answer.Headers);
    }

    // ---- ApiResponse ----

    [Fact]
    public void A_cacheable_answer_has_a_validator_and_a_minute_of_caching_and_another_has_neither()
    {
        var cacheable = ApiResponse.Ok(new { unitCode = "48" });
        Assert.Equal((200, ApiResponse.Json, "{\"unitCode\":\"48\"}", "public, max-age=60"), (cacheable.Status, cacheable.ContentType, Encoding.UTF8.GetString(cacheable.Body), cacheable.CacheControl));
        Assert.Matches("^\"[0-9a-f]{32}\"$", cacheable.ETag);
        var fresh = ApiResponse.Ok(new { unitCode = "48" }, cacheable: false);
        Assert.Equal((200, (string?)null, "no-store"), (fresh.Status, fresh.ETag, fresh.CacheControl));
        Assert.Equal("no-store", ApiResponse.Problem(400, "X", "t", "d").CacheControl);
    }

    [Fact]
    public void A_problem_is_RFC_9457_with_its_code_and_suggestions_only_when_there_are_some()
    {
        Assert.Equal("{\"type\":\"https://parpipeline.dev/problems/unknown-unit\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No unit 'Da Nag'.\",\"code\":\"UNKNOWN_UNIT\"}",
            Encoding.UTF8.GetString(ApiResponse.Problem(404, "UNKNOWN_UNIT", "Not found", "No unit 'Da Nag'.", []).Body));
        Assert.Equal("{\"type\":\"https://parpipeline.dev/problems/unknown-unit\",\"title\":\"Not found\",\"status\":404,\"detail\":\"d\",\"code\":\"UNKNOWN_UNIT\",\"suggestions\":[{\"value\":\"48\",\"label\":\"Đà Nẵng\"}]}",
            Encoding.UTF8.GetString(ApiResponse.Problem(404, "UNKNOWN_UNIT", "Not found", "d", [new ApiSuggestion("48", "Đà Nẵng")]).Body));
    }

    [Fact]
    public void A_header_set_again_in_another_case_replaces_the_first_and_leaves_the_original_alone()
    {
        var original = ApiResponse.Ok(1);
        var first = original.WithHeader("Vary", "Accept");
        var second = first.WithHeader("vary", "Accept-Encoding");
        Assert.Empty(original.Headers);
        Assert.Equal(new Dictionary<string, string> { ["Vary"] = "Accept" }, first.Headers);
        Assert.Equal("Accept-Encoding", Assert.Single(second.Headers).Value);
        Assert.Equal("Accept-Encoding", second.Headers["VARY"]);
    }

    [Fact]
    public void An_encoding_is_made_once_with_its_own_validator_and_a_changed_copy_makes_its_own()
    {
        var original = ApiResponse.Bytes(ApiResponse.Json, Encoding.UTF8.GetBytes(new string('a', 4000))).WithHeader("Vary", "Accept-Encoding");
        var br = original.Encoded("br");
        Assert.Same(br, original.Encoded("br"));
        Assert.NotSame(br, original.Encoded("gzip"));
        Assert.Equal(original.ETag![..^1] + "-br\"", br.ETag);
        Assert.Equal(original.ETag![..^1] + "-gzip\"", original.Encoded("gzip").ETag);
        Assert.Equal(new Dictionary<string, string> { ["Vary"] = "Accept-Encoding", ["Content-Encoding"] = "br" }, br.Headers);
        Assert.Equal((200, ApiResponse.Json, "public, max-age=60"), (br.Status, br.ContentType, br.CacheControl));
        Assert.Equal(ContentCoding.Compress(original.Body, "br"), br.Body);
        Assert.Equal(4000, original.Body.Length);

        // A copy has other headers, so it must not be answered with the original's kept encoding.
        var copy = original.WithHeader("Content-Disposition", "attachment");
        Assert.Equal("attachment", copy.Encoded("br").Headers["Content-Disposition"]);
        Assert.Null(ApiResponse.Bytes(ApiResponse.Json, new byte[2000], cacheable: false).Encoded("gzip").ETag);
    }
}
