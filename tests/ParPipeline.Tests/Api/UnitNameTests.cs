using System.Net;
using System.Text.Json;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary><c>/api/units/{unit}</c> takes every name <c>/api/units</c> itself lists, and says when a name means two units.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnitNameTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_name_the_unit_list_gives_resolves_to_its_unit_or_to_a_choice_that_names_it()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var (_, list) = await api.GetJsonAsync("api/units");
        var checkedNames = 0;
        var ambiguous = new List<string>();
        foreach (var unit in list.EnumerateArray())
        {
            var code = unit.GetProperty("code").GetString()!;
            var year = unit.TryGetProperty("toYear", out var to) && to.ValueKind == JsonValueKind.Number ? to.GetInt32() : unit.GetProperty("fromYear").GetInt32();
            var names = unit.GetProperty("variants").EnumerateArray().Select(v => v.GetString()!)
                .Append(unit.GetProperty("nameVi").GetString()!).Append(unit.GetProperty("nameEn").GetString()!).Distinct();
            foreach (var name in names)
            {
                checkedNames++;
                var (response, body) = await api.GetJsonAsync($"api/units/{Uri.EscapeDataString(name)}");
                if (response.StatusCode == HttpStatusCode.MultipleChoices)
                {
                    ambiguous.Add(name);
                    Assert.Equal("AMBIGUOUS_UNIT", body.GetProperty("code").GetString());
                    Assert.Contains(code, body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("value").GetString()));
                    // The year of the unit's era settles it.
                    (response, body) = await api.GetJsonAsync($"api/units/{Uri.EscapeDataString(name)}?year={year}");
                }
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"'{name}' ({code}): {(int)response.StatusCode}");
                Assert.Equal(code, body.GetProperty("code").GetString());
            }
        }
        Assert.Equal(372, checkedNames);
        Assert.Contains("Lào Cai", ambiguous);
    }

    [Theory]
    [InlineData("Bộ Tư pháp")]
    [InlineData("Tư pháp")]
    [InlineData("BTP")]
    [InlineData("bo tu phap")]
    [InlineData("Ministry of Justice")]
    [InlineData("MOJ")]
    public async Task A_ministry_is_found_by_its_Vietnamese_name_and_short_forms(string name)
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var (response, body) = await api.GetJsonAsync($"api/units/{Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("MOJ", "Bộ Tư pháp"), (body.GetProperty("code").GetString(), body.GetProperty("nameVi").GetString()));
    }

    [Fact]
    public async Task A_name_two_eras_give_to_different_units_needs_a_year_and_the_answer_says_which_units_it_can_mean()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var (response, body) = await api.GetJsonAsync("api/units/L%C3%A0o%20Cai");
        Assert.Equal(HttpStatusCode.MultipleChoices, response.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("'Lào Cai' names Lào Cai (10, to 2024) and Lào Cai (15, from 2025); add ?year= to say which, or use the code.",
            body.GetProperty("detail").GetString());
        Assert.Equal([("10", "Lào Cai (10, to 2024)"), ("15", "Lào Cai (15, from 2025)")],
            body.GetProperty("suggestions").EnumerateArray().Select(s => (s.GetProperty("value").GetString(), s.GetProperty("label").GetString())));

        var (_, before) = await api.GetJsonAsync("api/units/lao-cai?year=2024");
        Assert.Equal("10", before.GetProperty("code").GetString());
        var (_, after) = await api.GetJsonAsync("api/units/lao-cai?year=2025");
        Assert.Equal("15", after.GetProperty("code").GetString());
        // Code 15 is Yên Bái to 2024 and the Lào Cai formed around it from 2025.
        Assert.Equal(["Yên Bái", "Lào Cai"], after.GetProperty("lineage").EnumerateArray().Select(u => u.GetProperty("nameVi").GetString()));
        Assert.Equal(["10", "15"], after.GetProperty("lineage")[1].GetProperty("predecessors").EnumerateArray().Select(p => p.GetString()).Order());
        var (history, _) = await api.GetJsonAsync("api/units/Lao%20Cai/history?year=2023");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        var (compare, compared) = await api.GetJsonAsync("api/compare?units=Lao%20Cai,48");
        Assert.Equal(HttpStatusCode.MultipleChoices, compare.StatusCode);
        Assert.Equal("AMBIGUOUS_UNIT", compared.GetProperty("code").GetString());
        var (badYear, bad) = await api.GetJsonAsync("api/units/lao-cai?year=soon");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("'year' must be a whole number from 1900 to 2999; 'soon' is not.", bad.GetProperty("detail").GetString());
    }
}
