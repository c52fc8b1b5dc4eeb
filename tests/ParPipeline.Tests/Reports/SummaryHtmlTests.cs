using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class SummaryHtmlTests(AzuriteFixture azurite)
{
    private static (AngleSharp.Html.Dom.IHtmlDocument Document, List<string> Errors) Parse(string html)
    {
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) => errors.Add(e is HtmlErrorEvent error ? $"{error.Position}: {error.Message}" : e.Type);
        return (parser.ParseDocument(html), errors);
    }

    [Fact]
    public async Task The_published_page_parses_cleanly_with_every_unit_one_bar_each_and_the_movement_chart()
    {
        await using var services = await azurite.NewPipelineAsync();
        await PipelineSteps.PublishPar2023WithMovementAsync(services);
        var reports = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.ReportsContainer);

        var (page, errors) = Parse((await reports.GetBlobClient("PAR/2023/summary.html").DownloadContentAsync()).Value.Content.ToString());

        Assert.Empty(errors);
        Assert.NotEmpty(Parse("<!DOCTYPE html><p></b>").Errors); // the parser does report what it repairs
        Assert.Equal("Public Administration Reform Index (provinces) 2023", page.Title);
        Assert.Equal(63, page.QuerySelectorAll("svg.bars rect.bar").Length);
        Assert.Equal(63, page.QuerySelectorAll("svg.slopes line").Length);
        Assert.Equal("48", page.QuerySelectorAll("svg.slopes line.down").Select(l => l.GetAttribute("data-unit")).Single(c => c == "48"));
        var rows = page.QuerySelectorAll("#table tbody tr").ToList();
        Assert.Equal(63, rows.Count);
        Assert.Equal(ProvinceTable.Gazetteer.UnitsFor(ParPipeline.Units.UnitKind.Province, 2023).Select(u => u.Code).Order(StringComparer.Ordinal),
            rows.Select(r => r.Children[2].TextContent).Order(StringComparer.Ordinal));
        Assert.Equal(6, page.QuerySelectorAll("#regions h3").Length);
        Assert.StartsWith("Da Nang ranked 12th of 63", page.QuerySelector("#unit-48 p[lang=en]")!.TextContent, StringComparison.Ordinal);

        var (unitPage, unitErrors) = Parse((await reports.GetBlobClient("PAR/2023/units/48.html").DownloadContentAsync()).Value.Content.ToString());
        Assert.Empty(unitErrors);
        Assert.Equal("Đà Nẵng", unitPage.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Đà Nẵng xếp thứ 12/63", unitPage.QuerySelector("p[lang=vi]")!.TextContent, StringComparison.Ordinal);
        var unitPages = 0;
        await foreach (var _ in reports.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "PAR/2023/units/", CancellationToken.None))
        {
            unitPages++;
        }
        Assert.Equal(126, unitPages);
    }

    [Fact]
    public void A_unit_name_is_text_on_the_page_never_markup()
    {
        var unit = new UnitRanking("99", "<script>alert(1)</script>", 90, 1, 1, new Place("national", 90, 1, 1, "99", "x", 90, 0), null, null,
            new Dictionary<string, Place>(), null, true, true, []);
        var summary = new SummaryDocument("PAR", "PAR <b>INDEX</b>", 2023, "v", "h", [unit]) { Narratives = [new UnitNarrativeText("99", "<img src=x onerror=alert(1)>", "vi")] };
        var (header, rows) = SummaryTable.Build(summary.Units, null);

        var (page, errors) = Parse(SummaryHtml.Render(summary, header, rows));

        Assert.Empty(errors);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll("b"));
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("#table tbody tr")!.Children[3].TextContent);
    }
}
