using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Criteria;

/// <summary>
/// The criteria routes over the seed's two made-up PAR annexes (CriteriaAnnex.Par: 2022 with step 5, 2023 with
/// step 3). Every expected figure is worked out here from the annex's formula, not from the code under test.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CriteriaRoutesTests(AzuriteFixture azurite)
{
    private static readonly (string Id, int I)[] Criteria = [("1.1", 1), ("1.2", 2), ("1.10", 3)];

    private static double Score(string code, int i, int step) => CriteriaAnnex.ParScore(code, i, step);

    /// <summary>Rank by competition ranking, leader's score: from the formula over every province of the year.</summary>
    private static (int Rank, double Leader) Place(int year, string code, int i, int step)
    {
        var all = CriteriaAnnex.Provinces(year).Select(u => Score(u.Code, i, step)).ToList();
        return (1 + all.Count(s => s > Score(code, i, step)), all.Max());
    }

    [Fact]
    public async Task A_units_criteria_carry_maximum_rank_leader_gap_and_change_and_say_where_points_were_lost()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (response, json) = await api.GetJsonAsync("api/units/da-nang/criteria/PAR/2023");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("PAR", 2023, "48", "Đà Nẵng", "Da Nang", 2022),
            (json.GetProperty("index").GetString(), json.GetProperty("year").GetInt32(), json.GetProperty("unitCode").GetString(),
             json.GetProperty("unitName").GetString(), json.GetProperty("unitNameEn").GetString(), json.GetProperty("comparedWith").GetInt32()));
        var criteria = json.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(["1.1", "1.2", "1.10"], criteria.Select(c => c.GetProperty("criterion").GetString()));
        foreach (var (c, (id, i)) in criteria.Zip(Criteria))
        {
            var (rank, leader) = Place(2023, "48", i, 3);
            var (now, before) = (Score("48", i, 3), Score("48", i, 5));
            Assert.Equal((now, rank, 63, leader, Math.Round(leader - now, 2), before, Math.Round(now - before, 2)),
                (c.GetProperty("score").GetDouble(), c.GetProperty("rank").GetInt32(), c.GetProperty("of").GetInt32(), c.GetProperty("leaderScore").GetDouble(),
                 c.GetProperty("gapToLeader").GetDouble(), c.GetProperty("previousScore").GetDouble(), c.GetProperty("change").GetDouble()));
            // PAR's definition lists no criteria: no component, no maximum, and nothing said of either.
            Assert.False(c.TryGetProperty("component", out _));
            Assert.False(c.TryGetProperty("maximum", out _));
        }
        // Đà Nẵng 2023: 1.1 2.75 (leads), 1.2 1.00, 1.10 1.75; 2022: 0.75, 2.00, 0.75.
        Assert.Equal((2.75, 1.0, 1.75), (Score("48", 1, 3), Score("48", 2, 3), Score("48", 3, 3)));
        var lost = json.GetProperty("pointsLost");
        static List<(string?, double)> Points(JsonElement list) => [.. list.EnumerateArray().Select(p => (p.GetProperty("criterion").GetString(), p.GetProperty("points").GetDouble()))];
        Assert.Empty(lost.GetProperty("belowMaximum").EnumerateArray());
        Assert.Equal([("1.2", 1.75), ("1.10", 1.0)], Points(lost.GetProperty("belowLeader")));
        Assert.Equal([("1.2", 1.0)], Points(lost.GetProperty("sinceLastYear")));
        Assert.Equal([("1.1", 2.0), ("1.10", 1.0)], Points(lost.GetProperty("gainedSinceLastYear")));
    }

    [Fact]
    public async Task One_criterion_ranks_every_unit_and_the_list_names_every_criterion_in_natural_order()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (_, one) = await api.GetJsonAsync("api/criteria/PAR/2023/1.10");
        Assert.Equal(("1.10", 2022), (one.GetProperty("criterion").GetString(), one.GetProperty("comparedWith").GetInt32()));
        var units = one.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(63, units.Count);
        var expected = CriteriaAnnex.Provinces(2023).Select(u => (u.Code, Score: Score(u.Code, 3, 3)))
            .OrderByDescending(u => u.Score).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => e.Code), units.Select(u => u.GetProperty("unitCode").GetString()));
        var danang = units.Single(u => u.GetProperty("unitCode").GetString() == "48");
        Assert.Equal((Place(2023, "48", 3, 3).Rank, "Đà Nẵng", 1.75, 1.0, 0.75, 1.0),
            (danang.GetProperty("rank").GetInt32(), danang.GetProperty("unitName").GetString(), danang.GetProperty("score").GetDouble(),
             danang.GetProperty("gapToLeader").GetDouble(), danang.GetProperty("previousScore").GetDouble(), danang.GetProperty("change").GetDouble()));

        var (_, list) = await api.GetJsonAsync("api/criteria/PAR/2023");
        Assert.Equal((63, 189L), (list.GetProperty("units").GetInt32(), list.GetProperty("rows").GetInt64()));
        var criteria = list.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(["1.1", "1.2", "1.10"], criteria.Select(c => c.GetProperty("criterion").GetString()));
        foreach (var (c, (_, i)) in criteria.Zip(Criteria))
        {
            var scores = CriteriaAnnex.Provinces(2023).Select(u => (u.Code, Score: Score(u.Code, i, 3))).OrderByDescending(s => s.Score).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
            Assert.Equal((63, scores[0].Code, scores[0].Score, Math.Round(scores.Average(s => s.Score), 4)),
                (c.GetProperty("units").GetInt32(), c.GetProperty("leaderCode").GetString(), c.GetProperty("leaderScore").GetDouble(), c.GetProperty("mean").GetDouble()));
        }
    }

    [Fact]
    public async Task Every_criteria_route_answers_csv_as_a_download()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var unit = await api.Http.GetAsync("api/units/48/criteria/PAR/2023?format=csv");
        Assert.Equal("text/csv; charset=utf-8", unit.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment; filename=\"PAR-2023-48-criteria.csv\"", unit.Content.Headers.ContentDisposition!.ToString());
        var lines = (await unit.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("criterion,component,score,maximum,rank,of,leader_score,gap_to_leader,previous_score,change", lines[0]);
        Assert.Equal($"1.2,,1,,{Place(2023, "48", 2, 3).Rank},63,2.75,1.75,2,-1", lines[2]);
        Assert.Equal(4, lines.Length);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/criteria/PAR/2023/1.1");
        request.Headers.Add("Accept", "text/csv");
        var one = await api.Http.SendAsync(request);
        Assert.Equal("attachment; filename=\"PAR-2023-criterion-1.1.csv\"", one.Content.Headers.ContentDisposition!.ToString());
        var rows = (await one.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("rank,of,unit_code,unit_name,score,gap_to_leader,previous_score,change", 64), (rows[0], rows.Length));

        var list = await api.Http.GetAsync("api/criteria/PAR/2022?format=csv");
        Assert.Equal("attachment; filename=\"PAR-2022-criteria.csv\"", list.Content.Headers.ContentDisposition!.ToString());
        Assert.StartsWith("criterion,component,maximum,units,leader_code,leader_score,mean\r\n1.1,,,63,", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/criteria/PAR/2021", 404, "NO_CRITERIA", "No PAR criteria annex for 2021 has been ingested; annexes: 2022, 2023.")]
    [InlineData("api/criteria/SIPAS/2023", 404, "NO_CRITERIA", "No SIPAS criteria annex has been ingested.")]
    [InlineData("api/criteria/PAR/2023/9.9", 404, "UNKNOWN_CRITERION", "The PAR 2023 annex has no criterion '9.9'; it has 3, such as 1.1, 1.2, 1.10.")]
    [InlineData("api/units/MOJ/criteria/PAR/2023", 404, "UNIT_NOT_IN_ANNEX", "Bộ Tư pháp is not a province or city of 2023, which the PAR annex scores.")]
    [InlineData("api/units/Atlantis/criteria/PAR/2023", 404, "UNKNOWN_UNIT", null)]
    [InlineData("api/criteria/HDI/2023", 404, "UNKNOWN_INDEX", null)]
    [InlineData("api/criteria/PAR/2023?format=xml", 400, "BAD_PARAMETER", "'format' takes json, csv; 'xml' is not one of them.")]
    [InlineData("api/criteria/PAR/2023/1.1?top=3", 400, "UNKNOWN_PARAMETER", "Unknown query parameter 'top'; this route takes format.")]
    public async Task A_missing_annex_criterion_or_unit_is_a_problem_that_says_what_there_is(string path, int status, string code, string? detail)
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (response, json) = await api.GetJsonAsync(path);
        Assert.Equal((status, code), ((int)response.StatusCode, json.GetProperty("code").GetString()));
        if (detail is not null)
        {
            Assert.Equal(detail, json.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task A_new_annex_replaces_the_old_one_whole_for_every_reader()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (_, first) = await api.GetJsonAsync("api/units/48/criteria/PAR/2023");
        var old = first.GetProperty("criteriaVersion").GetString();
        var bytes = Encoding.UTF8.GetBytes(CriteriaAnnex.Par(2023, 7));
        var outcome = await api.Services.GetRequiredService<IngestionService>().IngestAsync("PAR/2023/criteria-2023-v2.csv", new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        // The pointer is trusted for at most SnapshotRefresh (200 ms): after it, every answer is the new version's.
        await Task.Delay(300);
        var (_, unit) = await api.GetJsonAsync("api/units/48/criteria/PAR/2023");
        var (_, one) = await api.GetJsonAsync("api/criteria/PAR/2023/1.2");
        Assert.NotEqual(old, sha);
        Assert.Equal((sha, sha), (unit.GetProperty("criteriaVersion").GetString(), one.GetProperty("criteriaVersion").GetString()));
        Assert.Equal(Criteria.Select(c => Score("48", c.I, 7)), unit.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("score").GetDouble()));
        Assert.Equal(CriteriaAnnex.Provinces(2023).Select(u => Score(u.Code, 2, 7)).Order(),
            one.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("score").GetDouble()).Order());
    }

    [Fact]
    public async Task A_province_merged_in_2025_has_no_change_on_its_criteria_and_an_unchanged_one_has()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var ingestion = api.Services.GetRequiredService<IngestionService>();
        foreach (var year in new[] { 2024, 2025 })
        {
            var outcome = await ingestion.IngestAsync($"PAR/{year}/criteria-{year}.csv", new MemoryStream(Encoding.UTF8.GetBytes(CriteriaAnnex.Par(year, year - 2020))), CancellationToken.None);
            Assert.Equal(IngestStatus.Ingested, outcome.Status);
        }

        // Đà Nẵng (48) of 2025 is Đà Nẵng and Quảng Nam merged; Hà Nội (01) is unchanged.
        var (_, merged) = await api.GetJsonAsync("api/units/48/criteria/PAR/2025");
        Assert.Equal(JsonValueKind.Null, merged.TryGetProperty("comparedWith", out var none) ? none.ValueKind : JsonValueKind.Null);
        Assert.Equal(Criteria.Length, merged.GetProperty("criteria").GetArrayLength());
        Assert.All(merged.GetProperty("criteria").EnumerateArray(), c => Assert.False(c.TryGetProperty("change", out _)));
        Assert.Empty(merged.GetProperty("pointsLost").GetProperty("sinceLastYear").EnumerateArray());
        Assert.Equal(34, merged.GetProperty("criteria")[0].GetProperty("of").GetInt32());

        var (_, hanoi) = await api.GetJsonAsync("api/units/01/criteria/PAR/2025");
        Assert.Equal(2024, hanoi.GetProperty("comparedWith").GetInt32());
        Assert.Equal(Criteria.Select(c => Math.Round(Score("01", c.I, 5) - Score("01", c.I, 4), 2)),
            hanoi.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("change").GetDouble()));
        var (_, one) = await api.GetJsonAsync("api/criteria/PAR/2025/1.1");
        var rows = one.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!);
        Assert.False(rows["48"].TryGetProperty("change", out _));
        Assert.Equal(Math.Round(Score("01", 1, 5) - Score("01", 1, 4), 2), rows["01"].GetProperty("change").GetDouble());
    }
}
