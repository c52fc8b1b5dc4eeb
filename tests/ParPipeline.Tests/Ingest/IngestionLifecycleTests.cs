using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest;

/// <summary>What becomes of every kind of drop: ingested, duplicate, superseded, rejected, refused; on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestionLifecycleTests(AzuriteFixture azurite)
{
    private static readonly IndexYear Par2023 = new("PAR", 2023);

    private static Task<IngestOutcome> IngestAsync(IServiceProvider services, string name, byte[] bytes) =>
        services.GetRequiredService<IngestionService>().IngestAsync(name, new MemoryStream(bytes), CancellationToken.None);



    private static async Task<int> QueuedAsync(IServiceProvider services) =>
        (await services.GetRequiredService<QueueServiceClient>().GetQueueClient(PipelineStorageNames.RecomputeQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_corrected_file_supersedes_the_old_version_which_stays_queryable()
    {
        await using var services = await azurite.NewPipelineAsync();
        var first = await IngestAsync(services, "PAR/2023/v1.csv", Csv(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC")));
        var corrected = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", edit: (u, s) => $"{u.NameVi},{(u.Code == "48" ? "88.68" : s.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        var second = await IngestAsync(services, "PAR/2023/v2.csv", Csv(corrected));

        Assert.Equal((IngestStatus.Ingested, IngestStatus.Ingested), (first.Status, second.Status));
        var scores = services.GetRequiredService<ScoreStore>();
        var current = await scores.GetAsync(Par2023, CancellationToken.None);
        Assert.Equal(second.Sha256, current!.Version);
        Assert.Equal(88.68, current.Scores.Single(s => s.UnitCode == "48").Total);
        var old = await scores.GetVersionAsync(Par2023, first.Sha256, CancellationToken.None);
        Assert.Equal(86.9, old!.Scores.Single(s => s.UnitCode == "48").Total);

        var ledger = services.GetRequiredService<IngestionLedger>();
        var superseded = await ledger.GetAsync(first.Sha256, CancellationToken.None);
        Assert.Equal((LedgerStatus.Superseded, second.Sha256), (superseded!.Status, superseded.RelatedVersion));
        Assert.Equal(LedgerStatus.Ingested, (await ledger.GetAsync(second.Sha256, CancellationToken.None))!.Status);
        Assert.Equal(2, await QueuedAsync(services));
    }

    [Fact]
    public async Task Different_bytes_with_the_same_figures_are_a_duplicate_that_changes_nothing()
    {
        await using var services = await azurite.NewPipelineAsync();
        var first = await IngestAsync(services, "PAR/2023/v1.csv", Csv(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC")));
        // The same table saved again: other header words, rows in another order, comma decimals.
        var resaved = "Province;PAR INDEX\n" + string.Join("\n", ProvinceTable.Scores().AsEnumerable().Reverse()
            .Select(s => $"{s.Unit.NameEn};{s.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')}"));
        await Blobs.DropAsync(services, "PAR/2023/resaved.csv", Csv(resaved));
        var second = await IngestAsync(services, "PAR/2023/resaved.csv", Csv(resaved));

        Assert.Equal(IngestStatus.Duplicate, second.Status);
        Assert.NotEqual(first.Sha256, second.Sha256);
        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(second.Sha256, CancellationToken.None);
        Assert.Equal((LedgerStatus.Duplicate, first.Sha256), (entry!.Status, entry.RelatedVersion));
        Assert.Equal(first.Sha256, (await services.GetRequiredService<ScoreStore>().GetAsync(Par2023, CancellationToken.None))!.Version);
        Assert.True(await Blobs.ExistsAsync(services, PipelineStorageNames.ArchiveContainer, $"{second.Sha256}.csv"));
        Assert.False(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, "PAR/2023/resaved.csv"));
        Assert.Equal(1, await QueuedAsync(services));
    }

    [Fact]
    public async Task The_same_bytes_dropped_under_another_name_are_recorded_on_the_same_ledger_row()
    {
        await using var services = await azurite.NewPipelineAsync();
        var bytes = Samples.Bytes(Samples.Par2023);
        var first = await IngestAsync(services, Samples.Par2023, bytes);
        await Blobs.DropAsync(services, "PAR/2023/copy.xlsx", bytes);
        var again = await IngestAsync(services, "PAR/2023/copy.xlsx", bytes);

        Assert.Equal(IngestStatus.Duplicate, again.Status);
        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(first.Sha256, CancellationToken.None);
        Assert.Equal(LedgerStatus.Ingested, entry!.Status);
        Assert.Equal([Samples.Par2023, "PAR/2023/copy.xlsx"], entry.BlobNames);
        Assert.False(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, "PAR/2023/copy.xlsx"));
    }

    [Fact]
    public async Task Each_stored_score_keeps_its_provenance()
    {
        await using var services = await azurite.NewPipelineAsync();
        var outcome = await IngestAsync(services, Samples.Par2023, Samples.Bytes(Samples.Par2023));
        var row = await services.GetRequiredService<TableServiceClient>().GetTableClient(PipelineStorageNames.ScoresTable)
            .GetEntityAsync<TableEntity>("PAR-2023", "48");
        Assert.Equal(outcome.Sha256, row.Value.GetString("Version"));
        Assert.Equal(Samples.Par2023, row.Value.GetString("BlobName"));
        Assert.Equal("PAR INDEX 2023", row.Value.GetString("Sheet"));
        Assert.Equal(18, row.Value.GetInt32("Row"));
        Assert.Equal(88.68, row.Value.GetDouble("Total"));
        Assert.Equal(12, row.Value.GetInt32("PublishedRank"));
        Assert.Equal(88.68, Math.Round(row.Value.GetDouble("Appraisal")!.Value + row.Value.GetDouble("Survey")!.Value, 2));
    }

    [Fact]
    public async Task Warnings_are_kept_in_the_ledger_with_the_ingestion()
    {
        await using var services = await azurite.NewPipelineAsync();
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC,Xếp hạng", edit: (unit, score) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit.NameVi},{score},{(unit.Code == "48" ? 5 : (int)Math.Round((90 - score) * 10) + 1)}"));
        var outcome = await IngestAsync(services, "PAR/2023/ranked.csv", Csv(csv));

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(outcome.Sha256, CancellationToken.None);
        var warning = Assert.Single(entry!.Warnings);
        Assert.Equal((ProblemCodes.RankMismatch, "Sheet1", "C"), (warning.Code, warning.Sheet, warning.Column));
    }

    [Fact]
    public async Task A_file_over_the_size_cap_is_refused_and_left_where_it_was_dropped()
    {
        await using var services = await azurite.NewPipelineAsync(new Dictionary<string, string?> { ["Ingestion:MaxFileBytes"] = "1000" });
        var bytes = Samples.Bytes(Samples.Par2023);
        await Blobs.DropAsync(services, Samples.Par2023, bytes);
        var outcome = await IngestAsync(services, Samples.Par2023, bytes);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(ProblemCodes.FileTooLarge, problem.Code);
        Assert.Equal($"{Samples.Par2023} is {bytes.Length:N0} bytes; files over 1,000 bytes (setting Ingestion__MaxFileBytes) are refused and left in ministry-drops.", problem.Message);
        Assert.True(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, Samples.Par2023));
        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(outcome.Sha256, CancellationToken.None);
        Assert.Equal((LedgerStatus.Rejected, $"ministry-drops/{Samples.Par2023}"), (entry!.Status, entry.StoredAs));

        // The trigger firing again for the same blob must not delete the only copy.
        var again = await IngestAsync(services, Samples.Par2023, bytes);
        Assert.Equal(IngestStatus.Duplicate, again.Status);
        Assert.True(await Blobs.ExistsAsync(services, PipelineStorageNames.DropsContainer, Samples.Par2023));
    }

    [Fact]
    public async Task A_zip_bomb_is_quarantined_without_being_inflated_past_the_guard()
    {
        await using var services = await azurite.NewPipelineAsync();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            part.Write(new byte[8 * 1024 * 1024]);
        }
        var outcome = await IngestAsync(services, "PAR/2023/bomb.xlsx", buffer.ToArray());

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(ProblemCodes.ZipBomb, problem.Code);
        Assert.StartsWith("bomb.xlsx inflates to more than ", problem.Message, StringComparison.Ordinal);
        Assert.True(await Blobs.ExistsAsync(services, PipelineStorageNames.QuarantineContainer, $"{outcome.Sha256}.xlsx"));
        Assert.True(await Blobs.ExistsAsync(services, PipelineStorageNames.QuarantineContainer, $"{outcome.Sha256}.errors.json"));
    }

    [Fact]
    public async Task An_encrypted_workbook_is_rejected_as_ENCRYPTED()
    {
        await using var services = await azurite.NewPipelineAsync();
        // What Excel writes for a password-protected xlsx: an OLE compound file with an EncryptedPackage stream.
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[512]];
        var outcome = await IngestAsync(services, "PAR/2023/locked.xlsx", bytes);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((ProblemCodes.Encrypted, "locked.xlsx is password-protected: save it without a password and drop it again."), (problem.Code, problem.Message));
    }

    [Fact]
    public async Task A_file_that_takes_longer_than_the_parse_deadline_is_rejected()
    {
        await using var services = await azurite.NewPipelineAsync(new Dictionary<string, string?> { ["Ingestion:ParseTimeout"] = "00:00:00.0000001" });
        var outcome = await IngestAsync(services, Samples.Par2023, Samples.Bytes(Samples.Par2023));
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(ProblemCodes.ParseTimeout, problem.Code);
        Assert.Null(await services.GetRequiredService<ScoreStore>().GetAsync(Par2023, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_file_is_rejected_as_EMPTY_FILE()
    {
        await using var services = await azurite.NewPipelineAsync();
        var outcome = await IngestAsync(services, "PAR/2023/empty.xlsx", []);
        Assert.Equal((ProblemCodes.EmptyFile, "empty.xlsx is empty (0 bytes)."), (Assert.Single(outcome.Problems).Code, outcome.Problems[0].Message));
    }
}
