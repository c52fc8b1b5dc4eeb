using System.Text;
using System.Text.Json.Nodes;
using ParPipeline.Indices;

namespace ParPipeline.Tests.Definitions;

/// <summary>
/// Each check of a definition file at its edge, read by IndexDefinitionReader alone (no host, no storage):
/// IndexDefinitionFileTests holds the same rules through the catalog, a folder and the local host.
/// </summary>
public sealed class IndexDefinitionReaderTests
{
    private static IndexDefinition Read(JsonNode definition) =>
        IndexDefinitionReader.Read("dti.json", Encoding.UTF8.GetBytes(definition.ToJsonString()));

    private static JsonObject Dti(Action<JsonObject> change)
    {
        var definition = IndexDefinitionFileTests.Dti();
        change(definition);
        return definition;
    }

    private static JsonObject Field(JsonObject definition, int i) => definition["fields"]![i]!.AsObject();

    private static JsonObject Criterion(JsonObject definition, int i) => definition["criteria"]![i]!.AsObject();

    public static TheoryData<string, Action<JsonObject>, string, string> Refused() => new()
    {
        { "a name left out", d => d.Remove("nameEn"), "nameEn", "is missing" },
        { "a name of spaces", d => d["shortNameVi"] = "  ", "shortNameVi", "is empty" },
        { "a name that is a number", d => d["nameVi"] = 7, "nameVi", "must be string" },
        { "a null name", d => d["shortNameEn"] = null, "shortNameEn", "is missing" },
        { "no unit kind", d => d.Remove("unitKind"), "unitKind", "is missing" },
        { "decimals as text", d => d["decimals"] = "2", "decimals", "must be number" },
        { "no decimals", d => d.Remove("decimals"), "decimals", "is missing" },
        { "negative decimals", d => d["decimals"] = -1, "decimals", "must be a whole number from 0 to 4" },
        { "five decimals", d => d["decimals"] = 5, "decimals", "must be a whole number from 0 to 4" },
        { "a fraction of decimals", d => d["decimals"] = 1.5, "decimals", "must be a whole number from 0 to 4" },
        { "no direction", d => d.Remove("higherIsBetter"), "higherIsBetter", "is missing" },
        { "a direction as text", d => d["higherIsBetter"] = "yes", "higherIsBetter", "must be true or false" },
        { "a first year before 1990", d => d["firstYear"] = 1989, "firstYear", "must be a year" },
        { "a first year after 2100", d => d["firstYear"] = 2101, "firstYear", "must be a year" },
        { "a first year as text", d => d["firstYear"] = "2020", "firstYear", "must be a year" },
        { "no titles", d => d.Remove("titles"), "titles", "is missing" },
        { "no title", d => d["titles"] = new JsonArray(), "titles", "is empty" },
        { "no unit headers", d => d.Remove("unitHeaders"), "unitHeaders", "is missing" },
        { "no title exclusions", d => d.Remove("titleExcludes"), "titleExcludes", "is missing" },
        { "no sums", d => d.Remove("sums"), "sums", "is missing" },
        { "null sums", d => d["sums"] = null, "sums", "is missing" },
        { "sums that are not a list", d => d["sums"] = "total", "sums", "must be array" },
        { "no unit header", d => d["unitHeaders"] = new JsonArray(), "unitHeaders", "is empty" },
        { "no fields", d => d.Remove("fields"), "fields", "is missing" },
        { "fields that are not a list", d => d["fields"] = "total", "fields", "must be array" },
        { "a field without its English name", d => Field(d, 1).Remove("nameEn"), "fields[1].nameEn", "is missing" },
        { "a field without its Vietnamese name", d => Field(d, 2).Remove("nameVi"), "fields[2].nameVi", "is missing" },
        { "a field without headers", d => Field(d, 3).Remove("headers"), "fields[3].headers", "is missing" },
        { "a maximum as text", d => Field(d, 1)["maximum"] = "400", "fields[1].maximum", "must be a positive number, or null when no source gives it" },
        { "a negative maximum", d => Field(d, 1)["maximum"] = -400, "fields[1].maximum", "must be a positive number, or null when no source gives it" },
        { "a second sum over a field that is not there", d => d["sums"]!.AsArray().Add(JsonNode.Parse("""{ "total": "people", "parts": ["economy"] }""")),
            "sums[1].total", "'people' is not a field of this index" },
        { "a sum without parts", d => d["sums"]![0]!["parts"] = new JsonArray(), "sums[0].parts", "is empty" },
        { "a second sum with a part that has no criteria", d =>
            {
                d["fields"]!.AsArray().Add(JsonNode.Parse("""{ "key": "extra", "nameEn": "Extra", "nameVi": "Thêm", "headers": ["Thêm"] }"""));
                d["sums"]!.AsArray().Add(JsonNode.Parse("""{ "total": "government", "parts": ["economy", "extra"] }"""));
            },
            "criteria", "component 'extra' has no criteria, while the other parts of sums[1] have: list its criteria too" },
        { "a criterion that is not an object", d => d["criteria"]![1] = "G2", "criteria[1]", "must be an object" },
        { "a criterion id of spaces", d => Criterion(d, 1)["id"] = " ", "criteria[1].id", "is missing" },
        { "a criterion id that is a number", d => Criterion(d, 1)["id"] = 7, "criteria[1].id", "is missing" },
        { "a criterion component that is a number", d => Criterion(d, 1)["component"] = 7, "criteria[1].component",
            "is missing: the key of the field the criterion counts towards" },
        { "a criterion maximum as text", d => Criterion(d, 1)["maximum"] = "200", "criteria[1].maximum", "must be a positive number, or null when no source gives it" },
        { "an English criterion name two criteria share", d => Criterion(d, 4)["nameEn"] = "online PUBLIC services", "criteria[4].nameEn",
            "'online PUBLIC services' also names criterion 'G1'" },
        { "criteria that are not a list", d => d["criteria"] = "G1", "criteria", "must be a list of criteria, or left out when no source lists them" },
        { "a field the definition's record cannot take", d => Field(d, 0)["required"] = "yes", "$.fields[0].required",
            "The JSON value could not be converted to ParPipeline.Indices.IndexField." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_definition_is_refused_naming_the_field_and_the_reason(string what, Action<JsonObject> change, string field, string reason)
    {
        var refused = Assert.Throws<IndexDefinitionException>(() => Read(Dti(change)));

        Assert.Equal((what, "dti.json", field), (what, refused.File, refused.Field));
        Assert.Equal($"Index definition dti.json, {field}: {reason}", refused.Message);
    }

    [Fact]
    public void Json_that_is_not_an_object_or_not_json_at_all_is_refused_with_its_line()
    {
        var array = Assert.Throws<IndexDefinitionException>(() => IndexDefinitionReader.Read("dti.json", "[1, 2]"u8));
        Assert.Equal("Index definition dti.json, $: must be an object", array.Message);

        var broken = Assert.Throws<IndexDefinitionException>(() => IndexDefinitionReader.Read("dti.json", "{\n  \"code\": \"DTI\",\n  \"nameEn\" \"x\"\n}"u8));
        Assert.Equal("line 3", broken.Field);
        Assert.StartsWith("Index definition dti.json, line 3: is not valid JSON ('\"' is invalid after a property name.", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_a_trailing_comma_are_allowed_so_a_definition_can_say_where_its_figures_come_from()
    {
        var json = IndexDefinitionFileTests.Dti().ToJsonString().Replace("\"decimals\":2,", "\"decimals\":2, // as published\n", StringComparison.Ordinal);
        json = json[..json.LastIndexOf('}')] + ", /* end */ }";

        var definition = IndexDefinitionReader.Read("dti.json", Encoding.UTF8.GetBytes(json));

        Assert.Equal(("DTI", 2, 5), (definition.Code, definition.Decimals, definition.Criteria!.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Decimals_from_0_to_4_are_taken(int decimals) =>
        Assert.Equal(decimals, Read(Dti(d => d["decimals"] = decimals)).Decimals);

    [Theory]
    [InlineData(1990)]
    [InlineData(2100)]
    public void A_first_year_from_1990_to_2100_is_taken(int year) =>
        Assert.Equal(year, Read(Dti(d => d["firstYear"] = year)).FirstYear);

    [Fact]
    public void What_may_be_left_out_or_empty_is_taken()
    {
        Assert.Null(Read(Dti(d => d["firstYear"] = null)).FirstYear);
        Assert.False(Read(Dti(d => d["higherIsBetter"] = false)).HigherIsBetter);
        Assert.Empty(Read(Dti(d => d["titleExcludes"] = new JsonArray())).TitleExcludes);
        // No sums: the criteria are not held against any.
        Assert.Empty(Read(Dti(d => d["sums"] = new JsonArray())).Sums);
        // A criterion without a maximum, even beside one that alone would fill its component: they cannot be summed.
        var open = Read(Dti(d => { Criterion(d, 0)["maximum"] = 300; Criterion(d, 1).Remove("maximum"); }));
        Assert.Equal(new double?[] { 300, null }, open.Criteria!.Where(c => c.Component == "government").Select(c => c.Maximum));
        Assert.Null(Read(Dti(d => Criterion(d, 1)["maximum"] = null)).Criteria![1].Maximum);
    }

    [Fact]
    public void A_field_without_a_maximum_is_bounded_by_the_total_s()
    {
        var dti = Read(IndexDefinitionFileTests.Dti());
        Assert.Equal((400.0, 1000.0), (dti.MaximumOf(dti.Fields[1]), dti.MaximumOf(dti.Fields[0])));
        var open = Read(Dti(d => Field(d, 1)["maximum"] = null));
        Assert.Equal(1000.0, open.MaximumOf(open.Fields[1]));
    }

    [Fact]
    public void A_field_or_criterion_is_found_by_its_exact_key_or_id_only()
    {
        var dti = Read(IndexDefinitionFileTests.Dti());
        Assert.Equal("economy", dti.Field("economy")!.Key);
        Assert.Null(dti.Field("people"));
        Assert.Equal("G1", dti.Criterion("G1")!.Id);
        // As stored: an annex's "g 1" is matched by FindCriterion and stored as "G1"; "g 1" itself is no stored id.
        Assert.Null(dti.Criterion("g 1"));
        Assert.Equal("G1", dti.FindCriterion("g 1")!.Id);
        Assert.Null(dti.Criterion("X9"));
    }

    [Fact]
    public void The_catalog_refuses_a_definition_built_in_code_without_one_total_or_with_a_sum_over_another_index_s_field()
    {
        var dti = Read(IndexDefinitionFileTests.Dti());
        var twoTotals = dti with { Fields = [.. dti.Fields, dti.Fields[0]] };
        var foreignSum = dti with { Sums = [new SumRule("total", ["government", "people"])] };

        Assert.Equal("Index definition DTI needs one 'total' field and sums over its own fields.",
            Assert.Throws<InvalidOperationException>(() => new IndexCatalog([twoTotals])).Message);
        Assert.Equal("Index definition DTI needs one 'total' field and sums over its own fields.",
            Assert.Throws<InvalidOperationException>(() => new IndexCatalog([foreignSum])).Message);
        Assert.Equal("DTI", Assert.Single(new IndexCatalog([dti]).All).Code);
    }

    [Fact]
    public void Only_the_json_files_of_a_definitions_folder_are_read()
    {
        var folder = Directory.CreateTempSubdirectory("indices-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "dti.json"), IndexDefinitionFileTests.Dti().ToJsonString());
            File.WriteAllText(Path.Combine(folder, "README.md"), "# Our indices\n\nNotes, not a definition.");
            File.WriteAllText(Path.Combine(folder, "dti.json.bak"), "{ broken");

            Assert.Equal("DTI", IndexCatalog.Load(folder).Find("dti")!.Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Weights_are_held_against_the_total_s_own_maximum_within_a_millionth()
    {
        // A total out of 200: weights 12 and 8 take two 10-point parts to it (against the default 100 they would not).
        Assert.Equal(new double[] { 12, 8 }, Read(IndexDefinitionFileTests.Weighted("[12, 8]", totalMaximum: 200)).Sums[0].Weights!);
        // Without a maximum the total is out of 100.
        Assert.Equal(new double[] { 6, 4 }, Read(IndexDefinitionFileTests.Weighted("[6, 4]", totalMaximum: null)).Sums[0].Weights!);
        // Within a millionth of the total is close enough (weights written as decimals); a ten-thousandth is not.
        Assert.Equal(new double[] { 6, 4.0000001 }, Read(IndexDefinitionFileTests.Weighted("[6, 4.0000001]")).Sums[0].Weights!);
        var off = Assert.Throws<IndexDefinitionException>(() => Read(IndexDefinitionFileTests.Weighted("[6, 4.001]")));
        Assert.Equal("sums[0].weights", off.Field);
        // A part without a maximum: the weights cannot be held against the total, and are taken as given.
        Assert.Equal(new double[] { 6, 4 }, Read(IndexDefinitionFileTests.Weighted("[6, 4]", bMaximum: null)).Sums[0].Weights!);
    }
}
