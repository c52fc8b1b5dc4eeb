using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Local;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Definitions;

/// <summary>
/// An index is a JSON file: one read from <c>Indices:DefinitionsDirectory</c> is ingested, ranked, served and
/// published like the embedded ones, with no code; a bad file is refused by file and field, and stops the host at
/// start.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndexDefinitionFileTests(AzuriteFixture azurite)
{
    /// <summary>A test-only index: a provincial digital-transformation score out of 1,000 with three pillars, and the
    /// five criteria that make them.</summary>
    public static JsonObject Dti() => JsonNode.Parse("""
        {
          "code": "DTI", "nameEn": "Digital Transformation Index (test)", "nameVi": "Chỉ số chuyển đổi số (thử)",
          "shortNameEn": "DTI", "shortNameVi": "Chỉ số DTI", "unitKind": "province", "decimals": 2, "firstYear": 2020,
          "higherIsBetter": true, "titles": [["DTI", "Chỉ số chuyển đổi số"]], "titleExcludes": [],
          "unitHeaders": ["Tỉnh, thành phố", "Tỉnh"],
          "fields": [
            { "key": "total", "nameEn": "DTI", "nameVi": "Chỉ số DTI", "maximum": 1000, "required": true, "headers": ["Chỉ số DTI", "DTI"] },
            { "key": "government", "nameEn": "Digital government", "nameVi": "Chính quyền số", "maximum": 400, "headers": ["Chính quyền số"] },
            { "key": "economy", "nameEn": "Digital economy", "nameVi": "Kinh tế số", "maximum": 300, "headers": ["Kinh tế số"] },
            { "key": "society", "nameEn": "Digital society", "nameVi": "Xã hội số", "maximum": 300, "headers": ["Xã hội số"] }
          ],
          "sums": [{ "total": "total", "parts": ["government", "economy", "society"] }],
          "criteria": [
            { "id": "G1", "component": "government", "maximum": 200, "nameEn": "Online public services", "nameVi": "Dịch vụ công trực tuyến" },
            { "id": "G2", "component": "government", "maximum": 200 },
            { "id": "E1", "component": "economy", "maximum": 300 },
            { "id": "S1", "component": "society", "maximum": 150 },
            { "id": "S2", "component": "society", "maximum": 150, "nameEn": "Digital skills", "nameVi": "Kỹ năng số" }
          ],
          "sources": ["A test-only definition: the structure is made up."]
        }
        """)!.AsObject();

    private static string Folder(params (string Name, string Json)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("indices-").FullName;
        foreach (var (name, json) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), json);
        }
        return folder;
    }

    public static TheoryData<string, string, string> Broken() => new()
    {
        { "{ \"code\": \"DTI\", ", "line 1", "is not valid JSON" },
        { "remove:code", "code", "is missing" },
        { "set:code=dti", "code", "'dti' must be capital letters, digits and '-'" },
        { "set:unitKind=city", "unitKind", "'city' must be province or ministry" },
        { "set:decimals=7", "decimals", "must be a whole number from 0 to 4" },
        { "set:fields[0].key=score", "fields", "no field has the key 'total', the score that is ranked" },
        { "set:fields[2].key=government", "fields[2].key", "'government' is defined twice" },
        { "set:fields[1].maximum=0", "fields[1].maximum", "must be a positive number, or null when no source gives it" },
        { "empty:fields[3].headers", "fields[3].headers", "is empty" },
        { "set:sums[0].parts[2]=people", "sums[0].parts[2]", "'people' is not a field of this index" },
        { "remove:sources", "sources", "is missing" },
        { "set:criteria[1].id=G1", "criteria[1].id", "'G1' is defined twice" },
        { "set:criteria[1].id=g 1", "criteria[1].id", "'g 1' is defined twice" },
        { "remove:criteria[2].id", "criteria[2].id", "is missing" },
        { "set:criteria[0].component=total", "criteria[0].component", "'total' is not a component of this index (a field other than 'total')" },
        { "set:criteria[0].component=people", "criteria[0].component", "'people' is not a component of this index" },
        { "remove:criteria[3].component", "criteria[3].component", "is missing: the key of the field the criterion counts towards" },
        { "set:criteria[4].maximum=0", "criteria[4].maximum", "must be a positive number, or null when no source gives it" },
        { "set:criteria[1].maximum=201", "criteria", "the maxima of the criteria of 'government' add up to 401, over its maximum 400" },
        { "set:criteria[2].component=society", "criteria", "component 'economy' has no criteria, while the other parts of sums[0] have: list its criteria too" },
        { "set:criteria[4].nameVi=Dịch vụ công trực tuyến", "criteria[4].nameVi", "'Dịch vụ công trực tuyến' also names criterion 'G1'" },
        { "empty:criteria", "criteria", "must be a list of criteria, or left out when no source lists them" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_bad_definition_file_is_refused_naming_the_file_and_the_field(string change, string field, string reason)
    {
        string json;
        if (change.StartsWith('{'))
        {
            json = change;
        }
        else
        {
            var definition = Dti();
            var (verb, rest) = (change.Split(':', 2)[0], change.Split(':', 2)[1]);
            var (path, value) = rest.Contains('=') ? (rest.Split('=')[0], rest.Split('=')[1]) : (rest, null);
            var steps = System.Text.RegularExpressions.Regex.Matches(path, @"[A-Za-z]+|\d+").Select(m => m.Value).ToList();
            JsonNode parent = definition;
            foreach (var step in steps[..^1])
            {
                parent = int.TryParse(step, out var at) ? parent[at]! : parent[step]!;
            }
            var last = steps[^1];
            JsonNode? newValue = value is null ? null : int.TryParse(value, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
            switch (verb)
            {
                case "remove":
                    parent.AsObject().Remove(last);
                    break;
                case "empty":
                    parent[last] = new JsonArray();
                    break;
                default:
                    if (int.TryParse(last, out var index))
                    {
                        parent[index] = newValue;
                    }
                    else
                    {
                        parent[last] = newValue;
                    }
                    break;
            }
            json = definition.ToJsonString();
        }
        var folder = Folder(("dti.json", json));

        var refused = Assert.Throws<IndexDefinitionException>(() => IndexCatalog.Load(folder));

        Assert.Equal((Path.Combine(folder, "dti.json"), field), (refused.File, refused.Field));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Index definition {Path.Combine(folder, "dti.json")}, {field}: ", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A composite of two sub-indices of 10 points, weighted to a total of 100 (as PCI weights its ten); a
    /// maximum given as null is left open, as a definition may where no source gives it.</summary>
    public static JsonObject Weighted(string weights, double? totalMaximum = 100, double? bMaximum = 10) => JsonNode.Parse($$"""
        {
          "code": "WCI", "nameEn": "Weighted composite (test)", "nameVi": "Chỉ số tổng hợp có trọng số (thử)",
          "shortNameEn": "WCI", "shortNameVi": "Chỉ số WCI", "unitKind": "province", "decimals": 2, "higherIsBetter": true,
          "titles": [["WCI"]], "titleExcludes": [], "unitHeaders": ["Tỉnh"],
          "fields": [
            { "key": "total", "nameEn": "WCI", "nameVi": "Chỉ số WCI", "maximum": {{Json(totalMaximum)}}, "required": true, "headers": ["WCI"] },
            { "key": "a", "nameEn": "Sub-index A", "nameVi": "Chỉ số thành phần A", "maximum": 10, "headers": ["A"] },
            { "key": "b", "nameEn": "Sub-index B", "nameVi": "Chỉ số thành phần B", "maximum": {{Json(bMaximum)}}, "headers": ["B"] }
          ],
          "sums": [{ "total": "total", "parts": ["a", "b"], "weights": {{weights}} }],
          "sources": ["A test-only definition."]
        }
        """)!.AsObject();

    private static string Json(double? maximum) => maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";

    [Theory]
    [InlineData("[6]", "sums[0].weights", "must list one weight per part (2)")]
    [InlineData("[6, 0]", "sums[0].weights[1]", "must be a positive number")]
    [InlineData("[6, \"4\"]", "sums[0].weights[1]", "must be a positive number")]
    [InlineData("[6, 3]", "sums[0].weights", "take the parts' maxima to 90, not to the maximum of 'total' (100): the weights do not add up")]
    public void Weights_that_do_not_take_the_parts_to_the_total_are_refused(string weights, string field, string reason)
    {
        var folder = Folder(("wci.json", Weighted(weights).ToJsonString()));
        var refused = Assert.Throws<IndexDefinitionException>(() => IndexCatalog.Load(folder));
        Assert.Equal($"Index definition {Path.Combine(folder, "wci.json")}, {field}: {reason}", refused.Message);
    }

    [Fact]
    public async Task A_weighted_total_is_checked_against_its_weighted_parts_within_their_rounding()
    {
        var folder = Folder(("wci.json", Weighted("[6, 4]").ToJsonString()));
        await using var services = await azurite.NewPipelineAsync(new Dictionary<string, string?> { ["Indices:DefinitionsDirectory"] = folder });
        // 6 × 7.25 + 4 × 5.5 = 65.5. Hà Nội publishes 65.55: within half a hundredth × (6 + 4 + 1) = 0.055. Hà Giang's 65.56 is not.
        var csv = ProvinceTable.Csv("Tỉnh,A,B,WCI", 2023, (unit, _) => $"{unit.NameVi},7.25,5.5,{(unit.Code == "01" ? "65.55" : unit.Code == "02" ? "65.56" : "65.5")}");

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync("WCI/2023/wci.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), CancellationToken.None);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((ProblemCodes.ComponentsDoNotSum, "D3", "Hà Giang: 6.00 × sub-index a 7.25 + 4.00 × sub-index b 5.50 = 65.50, but the WCI is 65.56."),
            (problem.Code, problem.Cell, problem.Message));
        Assert.Equal(0.005 * 11 + 1e-9, new SumRule("total", ["a", "b"], [6, 4]).Tolerance(2), 12);
        Assert.Equal(0.005 * 3 + 1e-9, new SumRule("total", ["a", "b"]).Tolerance(2), 12);
        Assert.Equal(65.5, new SumRule("total", ["a", "b"], [6, 4]).Combine([7.25, 5.5]), 9);
    }

    [Fact]
    public void An_index_defined_twice_or_a_folder_that_is_not_there_is_refused()
    {
        var folder = Folder(("a.json", Dti().ToJsonString()), ("b.json", Dti().ToJsonString()));
        var twice = Assert.Throws<IndexDefinitionException>(() => IndexCatalog.Load(folder));
        Assert.Equal($"Index definition {Path.Combine(folder, "b.json")}, code: 'DTI' is already defined by {Path.Combine(folder, "a.json")}", twice.Message);

        var par = Dti();
        par["code"] = "PAR";
        var clash = Assert.Throws<IndexDefinitionException>(() => IndexCatalog.Load(Folder(("par.json", par.ToJsonString()))));
        Assert.Contains("'PAR' is already defined by ParPipeline.Indices.Definitions.par.json", clash.Message, StringComparison.Ordinal);

        var missing = Path.Combine(Path.GetTempPath(), "no-such-indices-folder");
        Assert.Equal($"Index definition {missing}, DefinitionsDirectory: is not a folder (setting Indices__DefinitionsDirectory)",
            Assert.Throws<IndexDefinitionException>(() => IndexCatalog.Load(missing)).Message);
        Assert.Equal(["PAPI", "PAR", "PAR-MINISTRIES", "PCI", "SIPAS"], IndexCatalog.Load(null).All.Select(i => i.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_bad_definition_file_stops_the_local_host_at_start_with_its_name_and_field()
    {
        var bad = Dti();
        bad["decimals"] = 9;
        var folder = Folder(("dti.json", bad.ToJsonString()));

        var refused = await Assert.ThrowsAsync<LocalStartupException>(() => LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = azurite.NewAccountConnectionString(),
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = "k",
            ["Indices:DefinitionsDirectory"] = folder,
        }).Build(), logging => logging.ClearProviders(), CancellationToken.None));

        Assert.Equal($"Index definition {Path.Combine(folder, "dti.json")}, decimals: must be a whole number from 0 to 4", refused.Message);
    }

    [Fact]
    public async Task An_index_from_a_definition_file_is_ingested_ranked_served_and_published_with_no_code()
    {
        var folder = Folder(("dti.json", Dti().ToJsonString()));
        var reports = Directory.CreateTempSubdirectory("dti-reports-").FullName;
        await using var host = await LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = azurite.NewAccountConnectionString(),
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = "k",
            ["Local:ReportsDirectory"] = reports,
            ["Indices:DefinitionsDirectory"] = folder,
        }).Build(), logging => logging.ClearProviders(), CancellationToken.None);
        // Government 400 - code, economy 250, society 200: Hà Nội (01) leads with 849.
        var csv = ProvinceTable.Csv("Tỉnh,Chính quyền số,Kinh tế số,Xã hội số,Chỉ số DTI", 2023, (unit, _) =>
        {
            var government = 400 - int.Parse(unit.Code, System.Globalization.CultureInfo.InvariantCulture);
            return $"{unit.NameVi},{government},250,200,{government + 450}";
        });

        var outcome = await host.Services.GetRequiredService<IngestionService>().IngestAsync("DTI/2023/dti-2023.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), CancellationToken.None);
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        await host.Services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("DTI", 2023), CancellationToken.None);
        // Its criteria annex, criteria by component with their maxima (Tuyên Quang, 08: G2 = 192, S1 and S2 100 of 150).
        Assert.Equal(IngestStatus.Ingested, (await host.Services.GetRequiredService<IngestionService>().IngestAsync("DTI/2023/criteria.csv",
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Criteria.CriteriaDefinitionIngestionTests.Annex())), CancellationToken.None)).Status);
        await host.Services.GetRequiredService<ReportPublisher>().PublishChangedAsync(CancellationToken.None);
        await host.Services.GetRequiredService<ReportMirror>().MirrorAsync(CancellationToken.None);

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var ranking = JsonDocument.Parse(await http.GetStringAsync("api/rankings/DTI/2023"));
        var units = ranking.RootElement.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(63, units.Count);
        Assert.Equal(("01", 849.0, 1), (units[0].GetProperty("unitCode").GetString(), units[0].GetProperty("score").GetDouble(), units[0].GetProperty("rank").GetInt32()));
        Assert.Equal(("96", 304.0), (units[^1].GetProperty("unitCode").GetString(), units[^1].GetProperty("fields").GetProperty("government").GetProperty("score").GetDouble()));
        using var indices = JsonDocument.Parse(await http.GetStringAsync("api/indices"));
        Assert.Contains("DTI", indices.RootElement.EnumerateArray().Select(i => i.GetProperty("code").GetString()));

        var page = await http.GetAsync("reports/DTI/2023/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Chỉ số DTI năm 2023</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" data-type=\"number\" class=\"\">Chính quyền số</th>", html, StringComparison.Ordinal);
        var unit = await http.GetStringAsync("reports/units/01.en.html");
        Assert.Contains("<section id=\"dti\">\n<h2>DTI</h2>", unit, StringComparison.Ordinal);
        // 2020 is the index's first year, not 2023: the data simply holds no 2022.
        Assert.Contains("no earlier year in the data", unit, StringComparison.Ordinal);
        Assert.Contains("Digital Transformation Index (test)", await http.GetStringAsync("reports/index.en.html"), StringComparison.Ordinal);
        var tuyenQuang = await http.GetStringAsync("reports/units/08.html");
        Assert.Contains("<th scope=\"col\">Điểm</th><th scope=\"col\">Tối đa</th>", tuyenQuang, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"t\">G2</td><td class=\"t\">Chính quyền số</td><td class=\"num\">192,00</td><td class=\"num\">200,00</td>", tuyenQuang, StringComparison.Ordinal);
        Assert.Contains("<li>Xa điểm tối đa nhất ở: E1 (−50,00; Kinh tế số), S1 (−50,00; Xã hội số), S2 (−50,00; Xã hội số), G2 (−8,00; Chính quyền số).</li>",
            tuyenQuang, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PCI/2023/pci-2023.csv", "PCI", 10)]
    [InlineData("PAPI/2023/papi-2023.csv", "PAPI", 8)]
    public async Task The_PCI_and_PAPI_samples_are_ingested_and_ranked_from_their_definitions_alone(string sample, string index, int components)
    {
        await using var services = await azurite.NewPipelineAsync();
        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(sample, Samples.Open(sample), CancellationToken.None);
        Assert.Equal((IngestStatus.Ingested, 63), (outcome.Status, outcome.Units));
        Assert.DoesNotContain(outcome.Warnings, w => w.Code != ProblemCodes.SheetIgnored);
        var versions = await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest(index, 2023), CancellationToken.None);
        var table = await services.GetRequiredService<RankingStore>().GetAsync(new IndexYear(index, 2023), CancellationToken.None);
        Assert.Equal(63, table!.Units.Count);
        Assert.All(table.Units, u => Assert.Equal(components, u.Fields.Count));
        Assert.Equal(1, table.Units.Min(u => u.Rank));
        Assert.NotEmpty(versions);
    }
}
