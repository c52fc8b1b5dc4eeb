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
/// publication, then the whole site (Reports/Site: home page, a page per index-year, a profile per unit, in
/// Vietnamese and English), which links every edition published. The ranking hash is kept in the metadata of
/// <c>summary.json</c>, written last, so a run that failed half-way is finished by the next run and a run with
/// nothing new writes nothing.
/// </summary>
public sealed class ReportPublisher(
    PublicationCatalog catalog, RankingStore rankings, CriteriaStore criteria, Criteria.CriteriaSnapshots criteriaTables, IndexCatalog indices, Gazetteer gazetteer, BlobServiceClient blobs,
    Microsoft.Extensions.Options.IOptions<ReportOptions> options, ILogger<ReportPublisher> log)
{
    internal const string HashMetadata = "rankinghash";

    /// <summary>Which layout of the reports wrote an edition: a new layout republishes every edition once, even
    /// where the ranking did not change (an upgrade would otherwise keep the old pages).</summary>
    internal const string FormatMetadata = "reportformat";

    internal const string Format = "site-1";

    /// <summary>The criteria annex versions an edition's pages and narratives were drawn with, its own year's and the
    /// year before's: a new annex of either republishes the edition even where the ranking did not change.</summary>
    internal const string CriteriaMetadata = "criteriaversion";

    /// <summary>Site pages are small and many; writing a few at once keeps a publication to seconds.</summary>
    private const int ParallelUploads = 8;

    private BlobContainerClient Reports => blobs.GetBlobContainerClient(PipelineStorageNames.ReportsContainer);

    public async Task<IReadOnlyList<PublishedReport>> PublishChangedAsync(CancellationToken ct)
    {
        var written = new List<(SummaryDocument Summary, List<string> Files, IDictionary<string, string> Metadata)>();
        foreach (var version in await catalog.ListAsync(ct))
        {
            if (await PublishedHashAsync(version.IndexYear, ct) != version.RankingHash &&
                await WriteEditionAsync(version.IndexYear, ct) is { } edition)
            {
                written.Add(edition);
            }
        }
        if (written.Count == 0)
        {
            return [];
        }
        await WriteSiteAsync([.. written.Select(w => w.Summary)], ct);
        return [.. await Task.WhenAll(written.Select(w => MarkPublishedAsync(w.Summary, w.Files, w.Metadata, ct)))];
    }

    /// <summary>Publishes one index-year now, whatever was published before; null when it has no ranking.</summary>
    public async Task<PublishedReport?> PublishAsync(IndexYear indexYear, CancellationToken ct)
    {
        if (await WriteEditionAsync(indexYear, ct) is not { } edition)
        {
            return null;
        }
        await WriteSiteAsync([edition.Summary], ct);
        return await MarkPublishedAsync(edition.Summary, edition.Files, edition.Metadata, ct);
    }

    /// <summary>The edition's downloads and unit data, everything but <c>summary.json</c>.</summary>
    private async Task<(SummaryDocument Summary, List<string> Files, IDictionary<string, string> Metadata)?> WriteEditionAsync(IndexYear indexYear, CancellationToken ct)
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
        var metadata = new Dictionary<string, string>
        {
            [HashMetadata] = version.RankingHash,
            [FormatMetadata] = Format,
            [CriteriaMetadata] = await AnnexesAsync(indexYear, ct),
        };

        var (header, rows) = SummaryTable.Build(summary.Units, index);
        var narratives = summary.Narratives.ToDictionary(n => n.UnitCode, StringComparer.Ordinal);
        await Parallel.ForEachAsync(table.Units, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = ct }, async (unit, token) =>
            await UploadAsync($"{folder}/units/{unit.UnitCode}.json",
                JsonSerializer.SerializeToUtf8Bytes(new UnitPageDocument(indexYear.Index, indexYear.Year, unit, narratives.GetValueOrDefault(unit.UnitCode)), PipelineJson.Indented),
                "application/json; charset=utf-8", metadata, token));
        var files = new List<string>
        {
            await UploadAsync($"{folder}/summary.md", Encoding.UTF8.GetBytes(SummaryMarkdown.Render(summary)), "text/markdown; charset=utf-8", metadata, ct),
            await UploadAsync($"{folder}/summary.csv", SummaryCsv.Render(header, rows), "text/csv; charset=utf-8", metadata, ct),
            await UploadAsync($"{folder}/summary.vi.csv", SummaryCsv.RenderVietnamese(header, rows), "text/csv; charset=utf-8", metadata, ct),
            await UploadAsync($"{folder}/summary.xlsx", await SummaryXlsx.RenderAsync(header, rows, $"{indexYear.Index} {indexYear.Year}", ct),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", metadata, ct),
        };
        return (summary, files, metadata);
    }

    /// <summary>
    /// Rebuilds every page of the site from every published edition: the ones just written (in memory) and the
    /// others from their <c>summary.json</c>. An edition whose index is no longer defined is left out.
    /// </summary>
    private async Task WriteSiteAsync(IReadOnlyList<SummaryDocument> fresh, CancellationToken ct)
    {
        var summaries = fresh.ToDictionary(s => new IndexYear(s.Index, s.Year));
        foreach (var version in await catalog.ListAsync(ct))
        {
            if (!summaries.ContainsKey(version.IndexYear) && await ReadSummaryAsync(version.IndexYear, ct) is { } published)
            {
                summaries[version.IndexYear] = published;
            }
        }
        var editions = new List<Site.SiteEdition>();
        foreach (var summary in summaries.Values)
        {
            if (indices.Find(summary.Index) is { } index)
            {
                editions.Add(await WithCriteriaAsync(new Site.SiteEdition(index, summary.Year, summary.Units, summary.Overview, summary.Narratives), ct));
            }
        }
        var files = Site.SiteBuilder.Build(new Site.SiteModel(editions, gazetteer));
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = ct }, async (file, token) =>
            await UploadAsync(file.Path, file.Content, file.ContentType, new Dictionary<string, string>(), token));
        log.LogInformation("Published the reports site: {Pages} files over {Editions} editions", files.Count, summaries.Count);
    }

    /// <summary>The edition with its current criteria annex ranked, read through the pointer so pages never mix versions.</summary>
    private async Task<Site.SiteEdition> WithCriteriaAsync(Site.SiteEdition edition, CancellationToken ct)
    {
        var indexYear = new IndexYear(edition.Index.Code, edition.Year);
        if (await criteria.GetCurrentAsync(indexYear, ct) is not { } current)
        {
            return edition;
        }
        var table = await CriteriaTableAsync(edition.Index, indexYear, ct);
        return edition with { CriteriaRows = current.Rows, Criteria = table };
    }

    /// <summary>The current annex versions of the index-year and of the year before, as the metadata keeps them
    /// (just the year's own when the year before has none, as editions published before narratives used it).</summary>
    private async Task<string> AnnexesAsync(IndexYear indexYear, CancellationToken ct)
    {
        var own = (await criteria.GetCurrentAsync(indexYear, ct))?.Version ?? "";
        return (await criteria.GetCurrentAsync(indexYear.PreviousYear(), ct))?.Version is { } before ? $"{own},{before}" : own;
    }

    /// <summary>An index-year's current annex, ranked (once per version, shared with the API); null when there is
    /// none, or when it is too large to draw.</summary>
    private async Task<Criteria.CriteriaTable?> CriteriaTableAsync(IndexDefinition index, IndexYear indexYear, CancellationToken ct) =>
        await criteria.GetCurrentAsync(indexYear, ct) is { } current && current.Rows <= Site.UnitProfilePage.MaxCriteriaRows
            ? await criteriaTables.TableAsync(index, current, ct)
            : null;

    private async Task<PublishedReport> MarkPublishedAsync(SummaryDocument summary, List<string> files, IDictionary<string, string> metadata, CancellationToken ct)
    {
        var folder = $"{summary.Index}/{summary.Year}";
        files.Add($"{PipelineStorageNames.ReportsContainer}/{Site.SitePaths.Edition(summary.Index, summary.Year, Site.SiteLanguage.Vi)}");
        files.Add($"{PipelineStorageNames.ReportsContainer}/{Site.SitePaths.Edition(summary.Index, summary.Year, Site.SiteLanguage.En)}");
        // Last: its metadata marks the publication complete.
        files.Add(await UploadAsync($"{folder}/summary.json", JsonSerializer.SerializeToUtf8Bytes(summary, PipelineJson.Indented), "application/json; charset=utf-8", metadata, ct));
        var indexYear = new IndexYear(summary.Index, summary.Year);
        log.LogInformation("Published {IndexYear} reports: {Files}", indexYear, files);
        return new PublishedReport(indexYear, summary.RankingHash, files);
    }

    private async Task<SummaryDocument?> ReadSummaryAsync(IndexYear indexYear, CancellationToken ct)
    {
        try
        {
            var content = await Reports.GetBlobClient($"{indexYear.Index}/{indexYear.Year}/summary.json").DownloadContentAsync(ct);
            return content.Value.Content.ToObjectFromJson<SummaryDocument>(PipelineJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<UnitNarrativeText>> NarrativesAsync(IndexDefinition index, IndexYear indexYear, RankingTable table, CancellationToken ct)
    {
        // A province's PAR narrative ends with its SIPAS result of the same year, when there is one.
        var sipas = index.Code == "PAR" ? await rankings.GetAsync(new IndexYear("SIPAS", indexYear.Year), ct) : null;
        // A merged unit's predecessors existed only the year before (Hà Giang, 02, ended with 2024): look there too,
        // or the English narrative names them by code ("formed from 02 and Tuyen Quang").
        string NameEn(string code) => (gazetteer.Find(index.UnitKind, indexYear.Year, code) ?? gazetteer.Find(index.UnitKind, indexYear.Year - 1, code))?.NameEn
            ?? table.Units.FirstOrDefault(u => u.UnitCode == code)?.UnitName ?? code;
        string RegionEn(string region) => gazetteer.Regions.FirstOrDefault(r => r.NameVi == region)?.NameEn ?? region;
        // Where the points came from: both years' annexes, through their pointers.
        var (now, before) = (await CriteriaTableAsync(index, indexYear, ct), await CriteriaTableAsync(index, indexYear.PreviousYear(), ct));
        IReadOnlyList<Criteria.CriterionPoints>? Changes(UnitRanking unit) =>
            now is null || before is null || unit.Movement is null || before.Of(unit.UnitCode) is not { Count: > 0 } last ? null
                : Criteria.PointsLost.Changes(now.Of(unit.UnitCode), last, index.HigherIsBetter);
        return [.. table.Units.Select(unit =>
        {
            var input = new NarrativeInput(index, indexYear.Year, unit, table.Units, NameEn, RegionEn,
                sipas?.Units.FirstOrDefault(u => u.UnitCode == unit.UnitCode), sipas is null ? null : indexYear.Year, Changes(unit));
            return new UnitNarrativeText(unit.UnitCode, UnitNarrative.English(input), UnitNarrative.Vietnamese(input));
        })];
    }

    /// <summary>The ranking hash the edition was published with; null when it never was, or when its pages were drawn
    /// by another report format or with another criteria annex than the current one (so it must be published again).</summary>
    public async Task<string?> PublishedHashAsync(IndexYear indexYear, CancellationToken ct)
    {
        try
        {
            var properties = await Reports.GetBlobClient($"{indexYear.Index}/{indexYear.Year}/summary.json").GetPropertiesAsync(cancellationToken: ct);
            var metadata = properties.Value.Metadata;
            var annex = await AnnexesAsync(indexYear, ct);
            return metadata.TryGetValue(HashMetadata, out var hash) && metadata.TryGetValue(FormatMetadata, out var format) && format == Format &&
                metadata.TryGetValue(CriteriaMetadata, out var drawn) && drawn == annex ? hash : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<string> UploadAsync(string name, byte[] content, string contentType, IDictionary<string, string> metadata, CancellationToken ct)
    {
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Metadata = metadata };
        if (options.Value.WebContainer is { Length: > 0 } web)
        {
            // The website copy first: summary.json, written last, still marks the publication complete in both.
            await UploadWebAsync(blobs.GetBlobContainerClient(web), name, content, upload, ct);
        }
        await Reports.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), upload, ct);
        return $"{PipelineStorageNames.ReportsContainer}/{name}";
    }

    private async Task UploadWebAsync(BlobContainerClient web, string name, byte[] content, BlobUploadOptions upload, CancellationToken ct)
    {
        try
        {
            await web.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), upload, ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
        {
            // Before the deploy hook turned the static website on, $web does not exist yet.
            await web.CreateIfNotExistsAsync(cancellationToken: ct);
            await web.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), upload, ct);
        }
    }
}
