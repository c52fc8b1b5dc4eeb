using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Api;

/// <summary>"What became of my file": GET /api/ingestions/{file} and its report page, through the local host's HTTP stack.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FileFateRouteTests(AzuriteFixture azurite)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(ApiTestHost api, string path)
    {
        var response = await api.SendAsync(HttpMethod.Get, path, key: ApiTestHost.AdminKey);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_rejected_file_is_found_by_name_path_or_hash_with_every_problem_in_both_languages_and_its_report_links()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (status, body) = await GetAsync(api, "api/ingestions/rejected-example.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("rejected-example.csv", body.GetProperty("query").GetString());
        var file = Assert.Single(body.GetProperty("files").EnumerateArray());
        var sha = file.GetProperty("sha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PipelineSteps.RejectedExampleBytes())), sha);
        Assert.Equal("rejected", file.GetProperty("status").GetString());
        Assert.Equal([PipelineSteps.RejectedExample], file.GetProperty("blobNames").EnumerateArray().Select(n => n.GetString()));
        var problems = file.GetProperty("problems").EnumerateArray().Select(p => (
            p.GetProperty("code").GetString(), p.GetProperty("cell").GetString(), p.GetProperty("found").GetString(),
            p.GetProperty("message").GetString(), p.GetProperty("messageVi").GetString())).ToList();
        Assert.Equal(
        [
            (ProblemCodes.UnknownUnit, "A3", "Ha Giangg", "'Ha Giangg' is not a known province or city of 2023; closest known: Hà Giang (02), Hậu Giang (93), Bắc Giang (24), An Giang (89), Cao Bằng (04).",
                "'Ha Giangg' không phải là tỉnh, thành phố nào của năm 2023; tên gần nhất: Hà Giang (02), Hậu Giang (93), Bắc Giang (24), An Giang (89), Cao Bằng (04)."),
            (ProblemCodes.NotANumber, "B4", "88,6,8", "PAR INDEX of Cao Bằng: '88,6,8' is not a number.", "Chỉ số CCHC của Cao Bằng: '88,6,8' không phải là số."),
        ], problems);
        var report = file.GetProperty("report");
        Assert.Equal(($"/api/ingestions/{sha}/report", $"/api/ingestions/{sha}", $"ministry-quarantine/{sha}.errors.html", $"ministry-quarantine/{sha}.errors.json"),
            (report.GetProperty("html").GetString(), report.GetProperty("json").GetString(), report.GetProperty("htmlBlob").GetString(), report.GetProperty("jsonBlob").GetString()));

        // The same file by its drop path (/ as %2F), by its hash and by the 12 hex digits the logs print.
        foreach (var query in new[] { "PAR%2F2023%2Frejected-example.csv", sha, sha[..12].ToUpperInvariant() })
        {
            var (again, other) = await GetAsync(api, $"api/ingestions/{query}");
            Assert.Equal(HttpStatusCode.OK, again);
            Assert.Equal(sha, Assert.Single(other.GetProperty("files").EnumerateArray()).GetProperty("sha256").GetString());
        }
    }

    [Fact]
    public async Task An_ingested_file_shows_its_index_year_and_no_report_and_an_unknown_name_is_a_404_naming_it()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var (status, body) = await GetAsync(api, "api/ingestions/par-index-2023-provinces.xlsx");
        Assert.Equal(HttpStatusCode.OK, status);
        var file = Assert.Single(body.GetProperty("files").EnumerateArray());
        Assert.Equal(("ingested", 63, false, 0), (file.GetProperty("status").GetString(), file.GetProperty("units").GetInt32(),
            file.TryGetProperty("report", out _), file.GetProperty("problems").GetArrayLength()));
        Assert.Equal(["PAR-2023"], file.GetProperty("indexYears").EnumerateArray().Select(y => y.GetString()));

        var (missing, problem) = await GetAsync(api, "api/ingestions/nothing.csv");
        Assert.Equal((HttpStatusCode.NotFound, "FILE_NOT_FOUND"), (missing, problem.GetProperty("code").GetString()));
        Assert.StartsWith("No file dropped as 'nothing.csv' ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (noReport, why) = await GetAsync(api, "api/ingestions/par-index-2023-provinces.xlsx/report");
        Assert.Equal((HttpStatusCode.NotFound, "NO_REJECTION_REPORT"), (noReport, why.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Http.GetAsync("api/ingestions/rejected-example.csv/report")).StatusCode);
    }

    [Fact]
    public async Task The_report_page_is_the_one_stored_beside_the_quarantined_file_Vietnamese_first_and_escaped()
    {
        await using var api = await ApiTestHost.StartAsync(azurite);
        var response = await api.SendAsync(HttpMethod.Get, "api/ingestions/rejected-example.csv/report", key: ApiTestHost.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var page = await response.Content.ReadAsStringAsync();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PipelineSteps.RejectedExampleBytes()));
        var stored = await api.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.QuarantineContainer)
            .GetBlobClient($"{sha}.errors.html").DownloadContentAsync();
        Assert.Equal("text/html; charset=utf-8", stored.Value.Details.ContentType);
        Assert.Equal(stored.Value.Content.ToString(), page);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"vi\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", page, StringComparison.Ordinal);
        var vietnamese = page.IndexOf("<h1>Tệp chưa được nhận: cần sửa 2 lỗi</h1>", StringComparison.Ordinal);
        var english = page.IndexOf("<section lang=\"en\">\n<h2>File not accepted: 2 problems to fix</h2>", StringComparison.Ordinal);
        Assert.True(vietnamese > 0 && english > vietnamese, $"Vietnamese at {vietnamese}, English at {english}");
        Assert.Contains("<dt>Vị trí</dt><dd>trang <code>Sheet1</code>, ô <code>A3</code></dd><dt>Giá trị</dt><dd><code>Ha Giangg</code></dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Where</dt><dd>sheet <code>Sheet1</code>, cell <code>B4</code></dd><dt>Found</dt><dd><code>88,6,8</code></dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Cách sửa</dt><dd>Nhập lại giá trị bằng số.</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>To fix</dt><dd>Type the value again as a number.</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_name_in_a_rejected_file_is_inert_in_its_report()
    {
        await using var api = await ApiTestHost.StartAsync(azurite, seed: false);
        var hostile = "<script>alert(1)</script>&\"'";
        var bytes = Encoding.UTF8.GetBytes($"Tỉnh,Chỉ số CCHC\n\"{hostile.Replace("\"", "\"\"")}\",80\n");
        var outcome = await api.Services.GetRequiredService<IngestionService>().IngestAsync("PAR/2023/hostile.csv", new MemoryStream(bytes), CancellationToken.None);
        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        var page = await (await api.SendAsync(HttpMethod.Get, "api/ingestions/hostile.csv/report", key: ApiTestHost.AdminKey)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("<dd><code>&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#x27;</code></dd>", page, StringComparison.Ordinal);
    }
}
