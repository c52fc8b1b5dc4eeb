using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class ReportPublisherTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_run_publishes_changed_rankings_and_a_run_with_nothing_new_writes_nothing()
    {
        await using var services = await azurite.NewPipelineAsync();
        await services.GetRequiredService<IngestionService>().IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);
        await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2023), CancellationToken.None);
        var publisher = services.GetRequiredService<ReportPublisher>();

        var first = await publisher.PublishChangedAsync(CancellationToken.None);
        var reportsContainer = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer);
        async Task<Dictionary<string, string>> ETagsAsync()
        {
            var etags = new Dictionary<string, string>();
            await foreach (var blob in reportsContainer.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
            {
                etags[blob.Name] = blob.Properties.ETag!.Value.ToString();
            }
            return etags;
        }
        var before = await ETagsAsync();
        var second = await publisher.PublishChangedAsync(CancellationToken.None);
        // The timer's run with nothing new writes no blob: every ETag is as it was.
        Assert.Equal(before, await ETagsAsync());
        // The edition's 4 downloads, summary.json and 63 unit files; the site: css, js, 404, 2 home pages, 2 edition
        // pages and 2 x 63 unit profiles.
        Assert.Equal(4 + 1 + 63 + 3 + 2 + 2 + 126, before.Count);

        var report = Assert.Single(first);
        Assert.Equal(["reports/PAR/2023/summary.md", "reports/PAR/2023/summary.csv", "reports/PAR/2023/summary.vi.csv", "reports/PAR/2023/summary.xlsx",
            "reports/PAR/2023/index.html", "reports/PAR/2023/index.en.html", "reports/PAR/2023/summary.json"], report.Files);
        Assert.Empty(second);

        var reports = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer);
        var markdown = (await reports.GetBlobClient("PAR/2023/summary.md").DownloadContentAsync()).Value.Content.ToString();
        Assert.StartsWith("# Public Administration Reform Index (provinces) 2023\n\n63 units ranked.\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 12 | 48 | Đà Nẵng | 88.68 |\n", markdown, StringComparison.Ordinal);
        // PAR INDEX began in 2012: 2023 is not its first year, the data just has no 2022.
        Assert.Contains("- Da Nang ranked 12th of 63 in the PAR INDEX 2023 with 88.68 points, with no 2022 result in the data to compare. ", markdown, StringComparison.Ordinal);
        Assert.Contains("  Đà Nẵng xếp thứ 12/63 về Chỉ số CCHC năm 2023 với 88,68 điểm, chưa có kết quả năm 2022 trong dữ liệu để so sánh. ", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse((await reports.GetBlobClient("PAR/2023/summary.json").DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(63, json.RootElement.GetProperty("units").GetArrayLength());
        Assert.Equal(report.RankingHash, json.RootElement.GetProperty("rankingHash").GetString());
        var narrative = json.RootElement.GetProperty("narratives").EnumerateArray().Single(n => n.GetProperty("unitCode").GetString() == "48");
        Assert.StartsWith("Da Nang ranked 12th of 63", narrative.GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_a_BOM_and_a_header_and_the_xlsx_holds_the_same_rows()
    {
        await using var services = await azurite.NewPipelineAsync();
        await PipelineSteps.PublishPar2023WithMovementAsync(services);
        var reports = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer);

        var csvBytes = (await reports.GetBlobClient("PAR/2023/summary.csv").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        var csvLines = System.Text.Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(64, csvLines.Length);
        Assert.StartsWith("Rank,Of,Code,Unit,Score,Region,Region rank,Region of,City group rank,City group of,Points change,Places change,Previous score,Previous rank,First year,Like for like,Appraisal score,Appraisal score rank,Sociological survey score,Sociological survey score rank", csvLines[0], StringComparison.Ordinal);
        Assert.StartsWith("12,63,48,Đà Nẵng,88.68,Bắc Trung Bộ và duyên hải miền Trung,1,14,3,5,1.14,-7,87.54,5,no,yes,", csvLines.Single(l => l.Split(',')[2] == "48"), StringComparison.Ordinal);

        var xlsx = (await reports.GetBlobClient("PAR/2023/summary.xlsx").DownloadContentAsync()).Value.Content.ToArray();
        using var reader = ExcelDataReader.ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx));
        var xlsxLines = new List<string>();
        while (reader.Read())
        {
            xlsxLines.Add(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                string s => ParPipeline.Reports.SummaryCsv.Cell(s),
                double d when d == Math.Floor(d) && Math.Abs(d) < 1e9 => ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
                var v => ParPipeline.Reports.SummaryCsv.Cell(v),
            })));
        }
        Assert.Equal(csvLines, xlsxLines);
    }

    [Fact]
    public async Task The_xlsx_freezes_its_header_sizes_its_columns_and_formats_numbers_and_the_Vietnamese_csv_uses_semicolons_and_decimal_commas()
    {
        await using var services = await azurite.NewPipelineAsync();
        await PipelineSteps.PublishPar2023WithMovementAsync(services);
        var reports = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer);

        var xlsx = (await reports.GetBlobClient("PAR/2023/summary.xlsx").DownloadContentAsync()).Value.Content.ToArray();
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        System.Xml.Linq.XDocument Part(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            return System.Xml.Linq.XDocument.Load(stream);
        }
        System.Xml.Linq.XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = Part("xl/worksheets/sheet1.xml");
        var pane = sheet.Descendants(x + "pane").Single();
        Assert.Equal(("1", "A2", "frozen"), ((string?)pane.Attribute("ySplit"), (string?)pane.Attribute("topLeftCell"), (string?)pane.Attribute("state")));
        var widths = sheet.Descendants(x + "col").ToDictionary(c => (int)c.Attribute("min")!, c => (double)c.Attribute("width")!);
        // Unit (D): the longest name, Bà Rịa - Vũng Tàu, is 17 characters; Region (F): Bắc Trung Bộ và duyên hải miền Trung, 36.
        // MiniExcel adds Excel's 0.71 character of cell padding.
        Assert.Equal(17 + 2, widths[4], 0.72);
        Assert.Equal(36 + 2, widths[6], 0.72);
        Assert.Equal(6, widths[1], 0.72);
        var formats = Part("xl/styles.xml").Descendants(x + "numFmt").ToDictionary(f => (string)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!);
        var styles = Part("xl/styles.xml").Descendants(x + "cellXfs").Single().Elements(x + "xf").Select(f => (string)f.Attribute("numFmtId")!).ToList();
        string FormatOf(string cell) => formats.GetValueOrDefault(styles[(int)sheet.Descendants(x + "c").Single(c => (string?)c.Attribute("r") == cell).Attribute("s")!]) ?? "General";
        // Row 13 is Đà Nẵng: rank 12 (A), score 88.68 (E), points change 1.14 (K), places change -7 (L), previous score 87.54 (M).
        Assert.Equal(["0", "0.00", "0.00", "0", "0.00"], new[] { "A13", "E13", "K13", "L13", "M13" }.Select(FormatOf));

        var vi = (await reports.GetBlobClient("PAR/2023/summary.vi.csv").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, vi[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(vi[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(64, lines.Length);
        Assert.StartsWith("Rank;Of;Code;Unit;Score;Region;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("12;63;48;Đà Nẵng;88,68;Bắc Trung Bộ và duyên hải miền Trung;1;14;3;5;1,14;-7;87,54;5;no;yes;", lines.Single(l => l.Split(';')[2] == "48"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_web_container_set_as_in_Azure_every_report_file_is_also_in_the_static_website_container()
    {
        // infra/app/function-app.bicep sets Reports__WebContainer to $web, the container a static website serves.
        await using var services = await azurite.NewPipelineAsync(new Dictionary<string, string?> { ["Reports:WebContainer"] = "$web" });
        await PipelineSteps.PublishPar2023WithMovementAsync(services);
        var blobs = services.GetRequiredService<BlobServiceClient>();
        async Task<Dictionary<string, string>> ContentsAsync(string container)
        {
            var contents = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var blob in blobs.GetBlobContainerClient(container).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
            {
                contents[blob.Name] = Convert.ToBase64String(blob.Properties.ContentHash) + " " + blob.Properties.ContentType;
            }
            return contents;
        }

        var reports = await ContentsAsync(PipelineStorageNames.ReportsContainer);
        Assert.Equal(reports, await ContentsAsync("$web"));
        Assert.Equal("text/html; charset=utf-8", reports["index.html"].Split(' ', 2)[1]);
        Assert.Contains("PAR/2023/summary.vi.csv", reports.Keys);
    }

    [Fact]
    public async Task A_criteria_annex_ingested_after_publication_republishes_its_edition_with_the_criteria_on_the_unit_pages()
    {
        await using var services = await azurite.NewPipelineAsync();
        await services.GetRequiredService<IngestionService>().IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);
        await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2023), CancellationToken.None);
        var publisher = services.GetRequiredService<ReportPublisher>();
        Assert.Single(await publisher.PublishChangedAsync(CancellationToken.None));
        var page = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer).GetBlobClient("units/48.en.html");
        Assert.DoesNotContain("on each criterion", (await page.DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
        Assert.Empty(await publisher.PublishChangedAsync(CancellationToken.None));

        var annex = new System.Text.StringBuilder("Tỉnh;Năm;Tiêu chí;Điểm\n");
        foreach (var (unit, _) in ProvinceTable.Scores(2023))
        {
            annex.Append(unit.NameVi).Append(";2023;1.1;").Append(unit.Code == "48" ? "2,50" : "1,00").Append('\n');
        }
        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync("PAR/2023/criteria.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(annex.ToString())), CancellationToken.None);
        Assert.Equal(IngestStatus.Ingested, outcome.Status);

        var republished = Assert.Single(await publisher.PublishChangedAsync(CancellationToken.None));
        Assert.Equal(new IndexYear("PAR", 2023), republished.IndexYear);
        var html = (await page.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("<caption>2023: score and rank on each criterion</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"t\">1.1</td><td class=\"num\">2.50</td><td class=\"num\">1 of 63</td><td class=\"num\">2.50</td><td class=\"num\">leads</td></tr>", html, StringComparison.Ordinal);
        Assert.Empty(await publisher.PublishChangedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_run_that_failed_before_finishing_is_caught_up_by_the_next_run()
    {
        await using var services = await azurite.NewPipelineAsync();
        await services.GetRequiredService<IngestionService>().IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);
        await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2023), CancellationToken.None);
        var publisher = services.GetRequiredService<ReportPublisher>();
        await publisher.PublishChangedAsync(CancellationToken.None);

        // A run that died after writing some files but before summary.json leaves the older hash there.
        var summary = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer).GetBlobClient("PAR/2023/summary.json");
        await summary.SetMetadataAsync(new Dictionary<string, string> { ["rankinghash"] = "from-an-older-ranking" });

        var next = await publisher.PublishChangedAsync(CancellationToken.None);

        Assert.Equal(new IndexYear("PAR", 2023), Assert.Single(next).IndexYear);
        Assert.Equal(next[0].RankingHash, (await summary.GetPropertiesAsync()).Value.Metadata["rankinghash"]);
    }
}
