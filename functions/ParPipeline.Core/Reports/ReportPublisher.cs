using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ParPipeline.Indices;
using ParPipeline.Ranking;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline.Reports;

/// <summary>
/// Writes <c>reports/{index}/{year}/summary.*</c> for every index-year whose ranking changed since its last
/// publication. The ranking hash is kept in the metadata of <c>summary.json</c>, written last, so a run that
/// failed half-way is finished by the next run and a run with nothing new writes nothing.
/// </summary>
public sealed class ReportPublisher(
    PublicationCatalog catalog, RankingStore rankings, IndexCatalog indices, Gazetteer gazetteer, BlobServiceClient blobs, ILogger<ReportPublisher> log)
{
    internal const string HashMetadata = "rankinghash";

    private BlobContainerClient Reports => blobs.GetBlobContainerClient(PipelineStorageNames.ReportsContainer);

    public async Task<IReadOnlyList<PublishedReport>> PublishChangedAsync(CancellationToken ct)
    {
        var published = new List<PublishedReport>();
        foreach (var version in await catalog.ListAsync(ct))
        {
            if (await PublishedHashAsync(version.IndexYear, ct) != version.RankingHash &&
                await PublishAsync(version.IndexYear, ct) is { } report)
            {
                published.Add(report);
            }
        }
        return published;
    }

    /// <summary>Publishes one index-year now, whatever was published before; null when it has no ranking.</summary>
    public async Task<PublishedReport?> PublishAsync(IndexYear indexYear, CancellationToken ct)
    {
        var version = await catalog.GetAsync(indexYear, ct);
        var table = await rankings.GetAsync(indexYear, ct);
        if (version is null || table is null)
        {
            return null;
        }
        var index = indices.Find(indexYear.Index);
        var summary = new SummaryDocument(indexYear.Index, index?.NameEn ?? indexYear.Index, indexYear.Year, table.ScoreVersion, version.RankingHash, table.Units)
        {
            Narratives = index is null ? [] : await NarrativesAsync(index, indexYear, table, ct),
            Overview = index is null ? null : new UnitNarrativeText("",
                SummaryNarrative.English(index, indexYear.Year, table.Units, code => gazetteer.Find(index.UnitKind, indexYear.Year, code)?.NameEn ?? code),
                SummaryNarrative.Vietnamese(index, indexYear.Year, table.Units)),
        };
        var folder = $"{indexYear.Index}/{indexYear.Year}";
        var metadata = new Dictionary<string, string> { [HashMetadata] = version.RankingHash };

        var (header, rows) = SummaryTable.Build(summary.Units, index);
        var narratives = summary.Narratives.ToDictionary(n => n.UnitCode, StringComparer.Ordinal);
        foreach (var unit in table.Units)
        {
            var narrative = narratives.GetValueOrDefault(unit.UnitCode);
            await UploadAsync($"{folder}/units/{unit.UnitCode}.json",
                JsonSerializer.SerializeToUtf8Bytes(new UnitPageDocument(indexYear.Index, indexYear.Year, unit, narrative), PipelineJson.Indented), "application/json; charset=utf-8", metadata, ct);
            await UploadAsync($"{folder}/units/{unit.UnitCode}.html",
                Encoding.UTF8.GetBytes(UnitPage.Html(index?.NameEn ?? indexYear.Index, indexYear.Year, unit, narrative)), "text/html; charset=utf-8", metadata, ct);
        }
        var files = new List<string>
        {
            await UploadAsync($"{folder}/summary.md", Encoding.UTF8.GetBytes(SummaryMarkdown.Render(summary)), "text/markdown; charset=utf-8", metadata, ct),
            await UploadAsync($"{folder}/summary.csv", SummaryCsv.Render(header, rows), "text/csv; charset=utf-8", metadata, ct),
            await UploadAsync($"{folder}/summary.xlsx", await SummaryXlsx.RenderAsync(header, rows, $"{indexYear.Index} {indexYear.Year}", ct),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", metadata, ct),
            await UploadAsync($"{folder}/summary.html", Encoding.UTF8.GetBytes(SummaryHtml.Render(summary, header, rows)), "text/html; charset=utf-8", metadata, ct),
            // Last: its metadata marks the publication complete.
            await UploadAsync($"{folder}/summary.json", JsonSerializer.SerializeToUtf8Bytes(summary, PipelineJson.Indented), "application/json; charset=utf-8", metadata, ct),
        };
        log.LogInformation("Published {IndexYear} reports: {Files}", indexYear, files);
        return new PublishedReport(indexYear, version.RankingHash, files);
    }

    private async Task<IReadOnlyList<UnitNarrativeText>> NarrativesAsync(IndexDefinition index, IndexYear indexYear, RankingTable table, CancellationToken ct)
    {
        // A province's PAR narrative ends with its SIPAS result of the same year, when there is one.
        var sipas = index.Code == "PAR" ? await rankings.GetAsync(new IndexYear("SIPAS", indexYear.Year), ct) : null;
        string NameEn(string code) => gazetteer.Find(index.UnitKind, indexYear.Year, code)?.NameEn ?? table.Units.FirstOrDefault(u => u.UnitCode == code)?.UnitName ?? code;
        string RegionEn(string region) => gazetteer.Regions.FirstOrDefault(r => r.NameVi == region)?.NameEn ?? region;
        return [.. table.Units.Select(unit =>
        {
            var input = new NarrativeInput(index, indexYear.Year, unit, table.Units, NameEn, RegionEn,
                sipas?.Units.FirstOrDefault(u => u.UnitCode == unit.UnitCode), sipas is null ? null : indexYear.Year);
            return new UnitNarrativeText(unit.UnitCode, UnitNarrative.English(input), UnitNarrative.Vietnamese(input));
        })];
    }

    public async Task<string?> PublishedHashAsync(IndexYear indexYear, CancellationToken ct)
    {
        try
        {
            var properties = await Reports.GetBlobClient($"{indexYear.Index}/{indexYear.Year}/summary.json").GetPropertiesAsync(cancellationToken: ct);
            return properties.Value.Metadata.TryGetValue(HashMetadata, out var hash) ? hash : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<string> UploadAsync(string name, byte[] content, string contentType, IDictionary<string, string> metadata, CancellationToken ct)
    {
        await Reports.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata,
        }, ct);
        return $"{PipelineStorageNames.ReportsContainer}/{name}";
    }
}
