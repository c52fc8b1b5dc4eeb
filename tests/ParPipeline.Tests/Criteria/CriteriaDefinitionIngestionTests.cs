using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Definitions;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Criteria;

/// <summary>
/// An annex of an index whose definition lists its criteria (the test-only DTI of IndexDefinitionFileTests, beside a
/// second test-only index, XYZ, with criteria of its own): criteria are named by id or name and stored by id, an
/// unknown criterion, another index's criterion or a score over the criterion's maximum is a located error, and
/// criteria that do not add up to their component in the provincial table are a warning the ledger keeps.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CriteriaDefinitionIngestionTests(AzuriteFixture azurite)
{
    private static JsonObject Xyz()
    {
        var xyz = IndexDefinitionFileTests.Dti();
        xyz["code"] = "XYZ";
        xyz["shortNameEn"] = "XYZ";
        xyz["shortNameVi"] = "Chỉ số XYZ";
        xyz["titles"] = JsonNode.Parse("""[["XYZ"]]""");
        xyz["fields"]![0]!["headers"] = JsonNode.Parse("""["XYZ"]""");
        xyz["criteria"] = JsonNode.Parse("""
            [{ "id": "X1", "component": "government" }, { "id": "X2", "component": "economy" }, { "id": "X3", "component": "society" }]
            """);
        return xyz;
    }

    private async Task<ServiceProvider> PipelineAsync()
    {
        var folder = Directory.CreateTempSubdirectory("criteria-indices-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "dti.json"), IndexDefinitionFileTests.Dti().ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(folder, "xyz.json"), Xyz().ToJsonString());
        return await azurite.NewPipelineAsync(new Dictionary<string, string?> { ["Indices:DefinitionsDirectory"] = folder });
    }

    /// <summary>Every 2023 province on all five criteria: government 400 - code split 200 / 200 - code, economy 250,
    /// society 100 and 100, as the DTI table of <see cref="Table"/> gives; <paramref name="edit"/> changes rows.</summary>
    public static string Annex(Func<string, string, double, (string Criterion, double Score)?>? edit = null)
    {
        var rows = new List<(string, string, double)>();
        foreach (var unit in CriteriaAnnex.Provinces(2023))
        {
            var code = int.Parse(unit.Code, CultureInfo.InvariantCulture);
            foreach (var (criterion, score) in new[] { ("G1", 200.0), ("G2", 200.0 - code), ("E1", 250.0), ("S1", 100.0), ("S2", 100.0) })
            {
                var row = edit is null ? (criterion, score) : edit(unit.Code, criterion, score);
                if (row is { } r)
                {
                    rows.Add((unit.NameVi, r.Criterion, r.Score));
                }
            }
        }
        return CriteriaAnnex.Of(2023, rows);
    }

    private static MemoryStream Table() => new(Encoding.UTF8.GetBytes(ProvinceTable.Csv("Tỉnh,Chính quyền số,Kinh tế số,Xã hội số,Chỉ số DTI", 2023, (unit, _) =>
    {
        var government = 400 - int.Parse(unit.Code, CultureInfo.InvariantCulture);
        return $"{unit.NameVi},{government},250,200,{government + 450}";
    })));

    /// <summary>The data row of a unit's criterion in <see cref="Annex"/> (header row 1, five rows a unit, in code order).</summary>
    private static int RowOf(string code, int criterion) => 2 + 5 * CriteriaAnnex.Provinces(2023).ToList().FindIndex(u => u.Code == code) + criterion;

    [Fact]
    public async Task An_unknown_criterion_another_indexs_criterion_and_a_score_over_the_criterions_maximum_are_located_and_nothing_is_made_current()
    {
        await using var services = await PipelineAsync();
        var annex = Annex((code, criterion, score) => (code, criterion) switch
        {
            ("01", "G1") => ("G3", score),
            ("02", "E1") => ("X2", score),
            ("04", "G1") => (criterion, 250),
            ("06", "S2") => (criterion, 1200),
            _ => (criterion, score),
        });

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync("DTI/2023/criteria.csv", new MemoryStream(Encoding.UTF8.GetBytes(annex)), CancellationToken.None);

        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Equal(
        [
            ("C" + RowOf("01", 0), ProblemCodes.UnknownCriterion, "'G3' is not a criterion of DTI; its criteria include G1, G2, E1, S1, S2.",
                "'G3' không phải là tiêu chí của Chỉ số DTI; các tiêu chí gồm G1, G2, E1, S1, S2."),
            ("C" + RowOf("02", 2), ProblemCodes.CriterionOfOtherIndex, "'X2' is a criterion of XYZ, not of DTI: is this the right file, or the right folder?",
                "'X2' là tiêu chí của XYZ, không phải của Chỉ số DTI: tệp có đúng không, gửi đúng thư mục chưa?"),
            ("D" + RowOf("04", 0), ProblemCodes.CriterionOverMaximum, "G1 of Cao Bằng: 250 is over the criterion's maximum of 200.",
                "G1 của Cao Bằng: 250 vượt điểm tối đa 200 của tiêu chí."),
            ("D" + RowOf("06", 4), ProblemCodes.ScoreOutOfRange, "S2 of Bắc Kạn: 1200 is outside 0..1000.", "S2 của Bắc Kạn: 1200 nằm ngoài khoảng 0..1000."),
        ], outcome.Problems.Select(p => (p.Cell, p.Code, p.Message, p.MessageVi)));
        Assert.All(outcome.Problems, p => Assert.Equal("Sheet1", p.Sheet));
        Assert.Null(await services.GetRequiredService<CriteriaStore>().GetCurrentAsync(new IndexYear("DTI", 2023), CancellationToken.None));
    }

    [Fact]
    public async Task Criteria_named_by_name_are_stored_by_id_and_criteria_that_do_not_add_up_to_their_component_are_a_warning_the_ledger_keeps()
    {
        await using var services = await PipelineAsync();
        var ingestion = services.GetRequiredService<IngestionService>();
        Assert.Equal(IngestStatus.Ingested, (await ingestion.IngestAsync("DTI/2023/dti-2023.csv", Table(), CancellationToken.None)).Status);
        // Hà Nội names G1 and S2 by their names. Cao Bằng (04) is 0.01 off in government, within the rounding of two
        // criteria and the component (0.015); Bắc Kạn (06) is 0.02 off, over it; Tuyên Quang (08) 5 points off in society.
        var annex = Annex((code, criterion, score) => (code, criterion) switch
        {
            ("01", "G1") => ("Online public services", score),
            ("01", "S2") => ("kỹ năng số", score),
            ("04", "G2") => (criterion, score + 0.01),
            ("06", "G2") => (criterion, score + 0.02),
            ("08", "S1") => (criterion, score - 5),
            _ => (criterion, score),
        });
        var bytes = Encoding.UTF8.GetBytes(annex);

        var outcome = await ingestion.IngestAsync("DTI/2023/criteria.csv", new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        (string?, string)[] expected =
        [
            ("D" + RowOf("06", 0), "The 2 criteria of Bắc Kạn in 'Digital government' add up to 394.02, but the DTI 2023 table gives 394.00 (off by 0.02, more than the rounding allows, 0.015)."),
            ("D" + RowOf("08", 3), "The 2 criteria of Tuyên Quang in 'Digital society' add up to 195.00, but the DTI 2023 table gives 200.00 (off by 5.00, more than the rounding allows, 0.015)."),
        ];
        Assert.Equal(expected, outcome.Warnings.Where(w => w.Code == ProblemCodes.CriteriaDoNotSum).Select(w => (w.Cell, w.Message)));
        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), CancellationToken.None);
        Assert.Equal(expected, entry!.Warnings.Where(w => w.Code == ProblemCodes.CriteriaDoNotSum).Select(w => (w.Cell, w.Message)));

        var rows = new List<CriterionScore>();
        await foreach (var row in services.GetRequiredService<CriteriaStore>().ReadCurrentAsync(new IndexYear("DTI", 2023), CancellationToken.None))
        {
            rows.Add(row);
        }
        Assert.Equal(63 * 5, rows.Count);
        Assert.Equal(["E1", "G1", "G2", "S1", "S2"], rows.Where(r => r.UnitCode == "01").Select(r => r.Criterion).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_annex_before_its_table_is_checked_when_the_table_comes_and_the_unit_route_gives_components_and_maxima()
    {
        var folder = Directory.CreateTempSubdirectory("criteria-indices-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "dti.json"), IndexDefinitionFileTests.Dti().ToJsonString());
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false, new Dictionary<string, string?> { ["Indices:DefinitionsDirectory"] = folder });
        var outcome = await api.Services.GetRequiredService<IngestionService>().IngestAsync("DTI/2023/criteria.csv",
            new MemoryStream(Encoding.UTF8.GetBytes(Annex((code, criterion, score) => code == "08" && criterion == "S1" ? (criterion, score - 5) : (criterion, score)))), CancellationToken.None);
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.DoesNotContain(outcome.Warnings, w => w.Code == ProblemCodes.CriteriaDoNotSum);
        // The table that comes after is held against the annex: the warning sits on Tuyên Quang's row, society column.
        var table = await api.Services.GetRequiredService<IngestionService>().IngestAsync("DTI/2023/dti-2023.csv", Table(), CancellationToken.None);
        Assert.Equal(IngestStatus.Ingested, table.Status);
        Assert.Equal([("Sheet1", "D6", "The 2 criteria of Tuyên Quang in 'Digital society' add up to 195.00, but the DTI 2023 table gives 200.00 (off by 5.00, more than the rounding allows, 0.015).")],
            table.Warnings.Where(w => w.Code == ProblemCodes.CriteriaDoNotSum).Select(w => (w.Sheet, w.Cell, w.Message)));

        var (_, json) = await api.GetJsonAsync("api/units/08/criteria/DTI/2023");
        var g2 = json.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "G2");
        // G2 = 200 - code: Hà Nội (01) leads with 199; Tuyên Quang (08) has 192, 5th after codes 01, 02, 04 and 06.
        Assert.Equal(("government", 200.0, 192.0, 5, 199.0, 7.0),
            (g2.GetProperty("component").GetString(), g2.GetProperty("maximum").GetDouble(), g2.GetProperty("score").GetDouble(), g2.GetProperty("rank").GetInt32(),
             g2.GetProperty("leaderScore").GetDouble(), g2.GetProperty("gapToLeader").GetDouble()));
        var belowMaximum = json.GetProperty("pointsLost").GetProperty("belowMaximum").EnumerateArray()
            .Select(p => (p.GetProperty("criterion").GetString(), p.GetProperty("component").GetString(), p.GetProperty("points").GetDouble())).ToList();
        Assert.Equal([("S1", "society", 55.0), ("E1", "economy", 50.0), ("S2", "society", 50.0), ("G2", "government", 8.0)], belowMaximum);
        var (_, list) = await api.GetJsonAsync("api/criteria/DTI/2023");
        Assert.Equal([("E1", "economy", "Digital economy", 300.0)], list.GetProperty("criteria").EnumerateArray().Take(1)
            .Select(c => (c.GetProperty("criterion").GetString(), c.GetProperty("component").GetString(), c.GetProperty("componentName").GetString(), c.GetProperty("maximum").GetDouble())));
    }
}
