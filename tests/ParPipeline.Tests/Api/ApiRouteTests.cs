using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary>Every route of the API through the local host's real HTTP stack (HttpClient to Kestrel on loopback).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiRouteTests(AzuriteFixture azurite)
{
    private static List<JsonElement> Units(JsonElement body) => [.. body.GetProperty("units").EnumerateArray()];

    private static string Code(JsonElement unit) => unit.GetProperty("unitCode").GetString()!;

    [Fact]
    public async Task Indices_list_every_ranked_year_with_unit_counts_and_when_its_file_arrived()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (response, body) = await api.GetJsonAsync("api/indices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var par = body.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "PAR");
        Assert.Equal([2021, 2022, 2023], par.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.All(par.GetProperty("years").EnumerateArray(), y => Assert.Equal(63, y.GetProperty("units").GetInt32()));
        var newest = par.GetProperty("years").EnumerateArray().Max(y => y.GetProperty("ingestedAt").GetDateTimeOffset());
        Assert.Equal(newest, par.GetProperty("lastIngestedAt").GetDateTimeOffset());
        Assert.True(newest > DateTimeOffset.UtcNow.AddMinutes(-5));
        var ministries = body.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "PAR-MINISTRIES");
        Assert.Equal("ministry", ministries.GetProperty("unitKind").GetString());
        Assert.Equal(17, Assert.Single(ministries.GetProperty("years").EnumerateArray()).GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task Rankings_filter_by_region_and_city_group_sort_and_answer_csv_with_a_BOM()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);

        var (_, all) = await api.GetJsonAsync("api/rankings/PAR/2023");
        Assert.Equal(63, Units(all).Count);
        Assert.Equal("rank", all.GetProperty("sort").GetString());
        var daNang = Units(all).Single(u => Code(u) == "48");
        Assert.Equal((12, 88.68), (daNang.GetProperty("rank").GetInt32(), daNang.GetProperty("score").GetDouble()));
        Assert.Equal((1.14, -7), (daNang.GetProperty("movement").GetProperty("pointsChange").GetDouble(), daNang.GetProperty("movement").GetProperty("placesChange").GetInt32()));
        Assert.True(daNang.GetProperty("fields").EnumerateObject().Any(), "components ranked");

        // Region by its English or Vietnamese name, any case or diacritics: the 14 of Đà Nẵng's region, Đà Nẵng first.
        foreach (var region in new[] { "North%20Central%20and%20Central%20Coastal%20region", "B%E1%BA%AFc%20Trung%20B%E1%BB%99%20v%C3%A0%20duy%C3%AAn%20h%E1%BA%A3i%20mi%E1%BB%81n%20Trung", "bac-trung-bo-va-duyen-hai-mien-trung" })
        {
            var (r, regional) = await api.GetJsonAsync($"api/rankings/PAR/2023?region={region}");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(14, Units(regional).Count);
            Assert.Equal("48", Code(Units(regional)[0]));
            Assert.All(Units(regional), u => Assert.Equal("Bắc Trung Bộ và duyên hải miền Trung", u.GetProperty("region").GetProperty("group").GetString()));
        }

        var (_, cities) = await api.GetJsonAsync("api/rankings/PAR/2023?group=cities");
        Assert.Equal(["01", "31", "48", "79", "92"], Units(cities).Select(Code).Order(StringComparer.Ordinal));
        Assert.Equal(["31", "01", "48"], Units(cities).Select(Code).Take(3));
        Assert.Equal(3, Units(cities).Single(u => Code(u) == "48").GetProperty("cityGroup").GetProperty("rank").GetInt32());

        var (_, byName) = await api.GetJsonAsync("api/rankings/PAR/2023?sort=name");
        Assert.Equal("An Giang", Units(byName)[0].GetProperty("unitName").GetString());
        var (_, worstFirst) = await api.GetJsonAsync("api/rankings/PAR/2023?sort=-rank");
        Assert.Equal(63, Units(worstFirst)[0].GetProperty("rank").GetInt32());
        var (_, risers) = await api.GetJsonAsync("api/rankings/PAR/2023?sort=-places");
        var places = Units(risers).Select(u => u.GetProperty("movement").GetProperty("placesChange").GetInt32()).ToList();
        Assert.Equal(places.OrderDescending(), places);

        var csv = await api.Http.GetAsync("api/rankings/PAR/2023?format=csv&region=Southeast");
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Rank,Of,Code,Unit,Score,Region", lines[0], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(",79,Hồ Chí Minh,", StringComparison.Ordinal) || l.Contains(",79,TP. Hồ Chí Minh,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("api/rankings/PAR/2023?sort=best", 400, "BAD_PARAMETER")]
    [InlineData("api/rankings/PAR/2023?format=xml", 400, "BAD_PARAMETER")]
    [InlineData("api/rankings/PAR/2023?region=Atlantis", 400, "UNKNOWN_REGION")]
    [InlineData("api/rankings/PAR/2023?regoin=Southeast", 400, "UNKNOWN_PARAMETER")]
    [InlineData("api/rankings/PAR/1999", 404, "NO_RANKING")]
    [InlineData("api/rankings/HDI/2023", 404, "UNKNOWN_INDEX")]
    [InlineData("api/rankings/PAR/twenty", 400, "BAD_YEAR")]
    [InlineData("api/units/Atlantis", 404, "UNKNOWN_UNIT")]
    [InlineData("api/units/48/history?index=HDI", 404, "UNKNOWN_INDEX")]
    [InlineData("api/compare?index=PAR", 400, "BAD_PARAMETER")]
    [InlineData("api/compare?units=1,2,3,4,5,6,7,8,10,11,12", 400, "BAD_PARAMETER")]
    [InlineData("api/compare?units=48&from=2024&to=2020", 400, "BAD_PARAMETER")]
    [InlineData("api/movers/PAR/2023?top=0", 400, "BAD_PARAMETER")]
    [InlineData("api/movers/PAR/2023?top=1000000", 400, "BAD_PARAMETER")]
    [InlineData("api/units?kind=village", 400, "BAD_PARAMETER")]
    [InlineData("api/health?verbose=1", 400, "UNKNOWN_PARAMETER")]
    public async Task Errors_are_problem_details_with_a_stable_code(string path, int status, string code)
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (response, body) = await api.GetJsonAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.StartsWith("https://parpipeline.dev/problems/", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task An_unknown_unit_or_year_suggests_what_was_probably_meant()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);

        var (_, unit) = await api.GetJsonAsync("api/units/Da%20Nag");
        Assert.Contains("did you mean Đà Nẵng (48)", unit.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("48", unit.GetProperty("suggestions")[0].GetProperty("value").GetString());

        var (_, year) = await api.GetJsonAsync("api/rankings/PAR/2024");
        Assert.Equal("There is no PAR ranking for 2024; years ranked: 2021, 2022, 2023.", year.GetProperty("detail").GetString());
        Assert.Equal("2023", year.GetProperty("suggestions")[0].GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("48")]
    [InlineData("da-nang")]
    [InlineData("%C4%90%C3%A0%20N%E1%BA%B5ng")]
    [InlineData("TP.%20%C4%90%C3%A0%20N%E1%BA%B5ng")]
    [InlineData("danang")]
    public async Task A_unit_is_found_by_code_or_any_accepted_name_with_its_lineage_and_results(string unit)
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (response, body) = await api.GetJsonAsync($"api/units/{unit}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("48", "Đà Nẵng"), (body.GetProperty("code").GetString(), body.GetProperty("nameVi").GetString()));
        var lineage = body.GetProperty("lineage").EnumerateArray().ToList();
        Assert.Equal([2024, null], lineage.Select(l => l.TryGetProperty("toYear", out var to) ? to.GetInt32() : (int?)null));
        Assert.Equal(["48", "49"], lineage[1].GetProperty("predecessors").EnumerateArray().Select(p => p.GetString()));
        Assert.True(lineage[1].GetProperty("merged").GetBoolean());
        var results = body.GetProperty("results").EnumerateArray().Select(r => (r.GetProperty("index").GetString(), r.GetProperty("year").GetInt32())).ToList();
        Assert.Equal([("PAR", 2021), ("PAR", 2022), ("PAR", 2023), ("SIPAS", 2022), ("SIPAS", 2023)], results);
        var sipas2023 = body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("index").GetString() == "SIPAS" && r.GetProperty("year").GetInt32() == 2023);
        Assert.Equal((22, 12), (sipas2023.GetProperty("ranking").GetProperty("rank").GetInt32(), sipas2023.GetProperty("ranking").GetProperty("movement").GetProperty("placesChange").GetInt32()));
    }

    [Fact]
    public async Task A_province_merged_in_2025_names_its_successor_and_ministries_are_found_by_acronym()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);

        var (_, quangNam) = await api.GetJsonAsync("api/units/quang-nam");
        Assert.Equal("49", quangNam.GetProperty("code").GetString());
        Assert.Equal("48", Assert.Single(quangNam.GetProperty("lineage").EnumerateArray()).GetProperty("successor").GetString());

        var (response, justice) = await api.GetJsonAsync("api/units/MOJ");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ministry", justice.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_gazetteer_lists_both_eras_and_ministries_and_filters_by_kind_and_year()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);

        var (_, all) = await api.GetJsonAsync("api/units");
        Assert.Equal(63 + 34 + 17, all.GetArrayLength());
        var (_, in2025) = await api.GetJsonAsync("api/units?kind=province&year=2025");
        Assert.Equal(34, in2025.GetArrayLength());
        Assert.Equal(23, in2025.EnumerateArray().Count(u => u.GetProperty("merged").GetBoolean()));
        var (_, in2023) = await api.GetJsonAsync("api/units?kind=province&year=2023");
        Assert.Equal(63, in2023.GetArrayLength());
        var hue = in2023.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "46");
        Assert.Contains("TT-Huế", hue.GetProperty("variants").EnumerateArray().Select(v => v.GetString()));
        var (_, ministries) = await api.GetJsonAsync("api/units?kind=ministry");
        Assert.Equal(17, ministries.GetArrayLength());
    }

    [Fact]
    public async Task History_and_compare_follow_units_year_by_year()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);

        var (_, history) = await api.GetJsonAsync("api/units/da-nang/history?index=par");
        var points = history.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([2021, 2022, 2023], points.Select(p => p.GetProperty("year").GetInt32()));
        Assert.Equal((88.68, 12, 1.14, -7), (points[2].GetProperty("score").GetDouble(), points[2].GetProperty("rank").GetInt32(),
            points[2].GetProperty("pointsChange").GetDouble(), points[2].GetProperty("placesChange").GetInt32()));
        // A first year has no movement: null members are left out of every body.
        Assert.False(points[0].TryGetProperty("pointsChange", out _));

        var (_, all) = await api.GetJsonAsync("api/units/48/history");
        Assert.Equal(5, all.GetProperty("points").GetArrayLength());

        var (_, compare) = await api.GetJsonAsync("api/compare?units=48,Hai%20Phong&index=PAR&from=2022&to=2023");
        var units = compare.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["48", "31"], units.Select(u => u.GetProperty("code").GetString()));
        Assert.All(units, u => Assert.Equal([2022, 2023], u.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("year").GetInt32())));
        Assert.Equal(2, units[1].GetProperty("points")[1].GetProperty("rank").GetInt32());

        var (unknown, problem) = await api.GetJsonAsync("api/compare?units=48,Atlantis");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("UNKNOWN_UNIT", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Movers_list_the_biggest_risers_and_fallers_by_places_or_points()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (_, ranking) = await api.GetJsonAsync("api/rankings/PAR/2023");
        var moved = Units(ranking).Select(u => (Code: Code(u), Places: u.GetProperty("movement").GetProperty("placesChange").GetInt32(),
            Points: u.GetProperty("movement").GetProperty("pointsChange").GetDouble(), Rank: u.GetProperty("rank").GetInt32())).ToList();

        var (_, movers) = await api.GetJsonAsync("api/movers/PAR/2023?top=5");
        Assert.Equal(2022, movers.GetProperty("comparedWith").GetInt32());
        var risers = movers.GetProperty("risers").EnumerateArray().Select(m => m.GetProperty("unitCode").GetString()).ToList();
        var fallers = movers.GetProperty("fallers").EnumerateArray().Select(m => m.GetProperty("unitCode").GetString()).ToList();
        Assert.Equal(moved.Where(m => m.Places > 0).OrderByDescending(m => m.Places).ThenByDescending(m => m.Points).ThenBy(m => m.Rank).Take(5).Select(m => m.Code), risers);
        Assert.Equal(moved.Where(m => m.Places < 0).OrderBy(m => m.Places).ThenBy(m => m.Points).ThenBy(m => m.Rank).Take(5).Select(m => m.Code), fallers);
        Assert.Equal(5, risers.Count);

        var (_, byPoints) = await api.GetJsonAsync("api/movers/PAR/2023?by=points&top=3");
        Assert.Equal(moved.Where(m => m.Points > 0).OrderByDescending(m => m.Points).ThenByDescending(m => m.Places).ThenBy(m => m.Rank).Take(3).Select(m => m.Code),
            byPoints.GetProperty("risers").EnumerateArray().Select(m => m.GetProperty("unitCode").GetString()));

        var (_, first) = await api.GetJsonAsync("api/movers/PAR/2021");
        Assert.Equal(0, first.GetProperty("risers").GetArrayLength());
        Assert.False(first.TryGetProperty("comparedWith", out _));
    }

    [Fact]
    public async Task Reads_carry_an_ETag_and_Cache_Control_and_a_matching_If_None_Match_answers_304()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        foreach (var path in new[] { "api/rankings/PAR/2023", "api/rankings/PAR/2023?format=csv", "api/indices", "api/units", "api/units/48",
            "api/units/48/history", "api/compare?units=48,31", "api/movers/PAR/2023", "api/openapi.json" })
        {
            var first = await api.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!.ToString();
            Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());

            var again = await api.SendAsync(HttpMethod.Get, path, ifNoneMatch: etag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(etag, again.Headers.ETag!.ToString());
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());

            var stale = await api.SendAsync(HttpMethod.Get, path, ifNoneMatch: "\"0000\"");
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await stale.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal("no-store", (await api.Http.GetAsync("api/health")).Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task A_new_ranking_version_changes_the_ETag_and_the_body()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var before = await api.Http.GetAsync("api/rankings/PAR/2023");
        var etag = before.Headers.ETag!.ToString();

        var corrected = Encoding.UTF8.GetBytes(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC"));
        await api.Services.GetRequiredService<ParPipeline.Ingest.IngestionService>().IngestAsync("PAR/2023/corrected.csv", new MemoryStream(corrected), CancellationToken.None);
        await api.Services.GetRequiredService<ParPipeline.Ranking.RankingService>().RecomputeAsync(new("PAR", 2023), CancellationToken.None);

        var after = await api.SendAsync(HttpMethod.Get, "api/rankings/PAR/2023", ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag!.ToString());
        Assert.NotEqual(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_ledger_route_needs_the_admin_key_and_lists_every_file_newest_first_with_a_status_filter()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        await api.Services.GetRequiredService<ParPipeline.Ingest.IngestionService>().IngestAsync("PAR/2023/broken.csv",
            new MemoryStream(Encoding.UTF8.GetBytes("Tỉnh,Chỉ số CCHC\nAtlantis,80\n")), CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Http.GetAsync("api/ingestions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "api/ingestions", key: "guess")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Http.GetAsync($"api/ingestions?code={ApiTestHost.AdminKey}")).StatusCode);

        var all = await api.SendAsync(HttpMethod.Get, "api/ingestions", key: ApiTestHost.AdminKey);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("no-store", all.Headers.CacheControl!.ToString());
        var body = JsonDocument.Parse(await all.Content.ReadAsStringAsync()).RootElement;
        // The seed's six samples, its rejected example and two annexes, and this test's drop.
        Assert.Equal(10, body.GetProperty("total").GetInt32());
        var received = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("receivedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(received.OrderDescending(), received);

        var rejected = JsonDocument.Parse(await (await api.SendAsync(HttpMethod.Get, "api/ingestions?status=rejected", key: ApiTestHost.AdminKey)).Content.ReadAsStringAsync()).RootElement;
        // Newest first: this test's drop, then the seed's rejected example.
        Assert.Equal(["PAR/2023/broken.csv", PipelineSteps.RejectedExample],
            rejected.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("blobNames")[0].GetString()));
        var item = rejected.GetProperty("items")[0];
        Assert.Equal("rejected", item.GetProperty("status").GetString());
        Assert.StartsWith("ministry-quarantine/", item.GetProperty("storedAs").GetString(), StringComparison.Ordinal);
        var one = JsonDocument.Parse(await (await api.SendAsync(HttpMethod.Get, "api/ingestions?top=1", key: ApiTestHost.AdminKey)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((10, 1), (one.GetProperty("total").GetInt32(), one.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task With_a_read_key_set_read_routes_need_it_in_the_header_or_the_code_parameter()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false, settings: new Dictionary<string, string?> { ["Api:ReadKey"] = "reader-key" });

        var (refused, problem) = await api.GetJsonAsync("api/units");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("READ_KEY_REQUIRED", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "api/units", key: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Get, "api/units", key: "reader-key")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("api/units?code=reader-key")).StatusCode);
    }

    [Fact]
    public async Task Without_a_read_key_read_routes_are_anonymous()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("api/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("api/health")).StatusCode);
    }

    [Fact]
    public async Task Large_bodies_and_long_request_lines_are_refused_before_any_route()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        HttpRequestMessage Post(int bytes) => new(HttpMethod.Post, "api/manage/reports/PAR/2023")
        {
            Headers = { { "x-functions-key", ApiTestHost.AdminKey } },
            Content = new ByteArrayContent(new byte[bytes]),
        };
        // 64 KiB is let through to the route (which ignores the body: no ranking to publish here), one byte more is not.
        using var atLimit = Post(64 * 1024);
        var passed = await api.Http.SendAsync(atLimit);
        Assert.Equal(HttpStatusCode.NotFound, passed.StatusCode);
        Assert.Equal("NO_RANKING", JsonDocument.Parse(await passed.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        using var large = Post(64 * 1024 + 1);
        var refused = await api.Http.SendAsync(large);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("REQUEST_TOO_LARGE", problem.GetProperty("code").GetString());
        Assert.Equal("Request bodies are limited to 64 KiB; this one declares 65,537 bytes.", problem.GetProperty("detail").GetString());

        var longLine = await api.Http.GetAsync("api/units?kind=" + new string('x', 9_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longLine.StatusCode);
    }

    [Fact]
    public async Task Redrive_needs_the_admin_key_and_puts_poisoned_requests_back_on_the_queue()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var ledger = api.Services.GetRequiredService<ParPipeline.Storage.PoisonLedger>();
        // One that can succeed now, one naming no index, one that is no request at all: each failed 5 tries.
        foreach (var (id, message) in new[] { ("m1", "{\"index\":\"PAR\",\"year\":2023}"), ("m2", "{\"index\":\"NOPE\",\"year\":2023}"), ("m3", "not a request") })
        {
            await ledger.RecordFailureAsync("rankings-recompute", id, message, 5, DateTimeOffset.UtcNow, "boom", CancellationToken.None);
            await ledger.RecordPoisonAsync("rankings-recompute", "copy-" + id, message, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Post, "api/manage/redrive")).StatusCode);

        // The local host's command, as an operator runs it against the running host.
        using var command = LocalHostProcess.Start(["redrive", "--port", api.Host.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string?> { ["Local__AdminKey"] = ApiTestHost.AdminKey });
        Assert.Equal(0, await command.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("re-queued 1 recompute request on rankings-recompute", command.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("left 2 that cannot succeed, still recorded:", command.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  m2: no index 'NOPE' is defined (PAPI, PAR, PAR-MINISTRIES, PCI, SIPAS)", command.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  m3: not a recompute request", command.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(["m2", "m3"], (await ledger.ListPoisonedAsync(CancellationToken.None)).Select(p => p.MessageId).Order(StringComparer.Ordinal));

        var again = await api.SendAsync(HttpMethod.Post, "api/manage/redrive", key: ApiTestHost.AdminKey);
        // What a redrive did is never served from a cache.
        Assert.Equal(("no-store", false), (again.Headers.CacheControl!.ToString(), again.Headers.ETag is not null));
        var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, answer.GetProperty("requeued").GetInt32());
        Assert.Equal(["m2", "m3"], answer.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("messageId").GetString()).Order(StringComparer.Ordinal));
        // The recompute trigger takes it (PAR 2023 has no scores here, so it ranks nothing and succeeds).
        var queue = api.Services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient("rankings-recompute");
        await Eventually.GetAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? "taken" : null,
            TimeSpan.FromSeconds(30), "the re-driven request taken by the recompute trigger");
    }

    [Fact]
    public async Task Health_tells_probes_only_whether_storage_answers_and_the_keyed_status_gives_the_detail()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, settings: new Dictionary<string, string?> { ["Api:ReadKey"] = "reader" });
        var (health, body) = await api.GetJsonAsync("api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"ok","storage":"reachable"}""", body.GetRawText());

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "api/manage/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.SendAsync(HttpMethod.Get, "api/manage/status", key: "reader")).StatusCode);
        var response = await api.SendAsync(HttpMethod.Get, "api/manage/status", key: ApiTestHost.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = status.RootElement;
        Assert.Equal(("ok", "reachable"), (root.GetProperty("status").GetString(), root.GetProperty("storage").GetString()));
        Assert.InRange(root.GetProperty("storageLatencyMs").GetDouble(), 0.0, 5000.0);
        Assert.Equal(["rankings-recompute", "rankings-recompute-poison"], root.GetProperty("queues").EnumerateArray().Select(q => q.GetProperty("queue").GetString()));
        Assert.Equal(0, root.GetProperty("poisoned").GetInt32());
        Assert.Equal(0, root.GetProperty("dropsWaiting").GetInt32());
        var ledger = await api.Services.GetRequiredService<ParPipeline.Storage.IngestionLedger>().ListAsync(CancellationToken.None);
        var newest = ledger.OrderByDescending(e => e.ReceivedAt).First();
        Assert.Equal(newest.Sha256, root.GetProperty("lastIngestion").GetProperty("sha256").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }
}
