using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ranking;

[Collection(AzuriteCollection.Name)]
public sealed class RankingServiceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Recomputing_writes_the_national_ranking_with_the_published_places()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingested = await services.GetRequiredService<IngestionService>().IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);

        var versions = await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2023), CancellationToken.None);

        var version = Assert.Single(versions);
        Assert.Equal(ingested.Sha256, version.ScoreVersion);
        Assert.Equal(63, version.Units);
        var table = await services.GetRequiredService<RankingStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        Assert.NotNull(table);
        Assert.Equal(ingested.Sha256, table.ScoreVersion);
        string Place(string code) => table.Units.Single(u => u.UnitCode == code) is var u ? $"{u.UnitName} {u.Rank}/{u.Of} {u.Score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}" : "";
        // Published places (docs/sources/par_sipas_results_partial.csv).
        Assert.Equal("Quảng Ninh 1/63 92.18", Place("22"));
        Assert.Equal("Hải Phòng 2/63 91.87", Place("31"));
        Assert.Equal("Ninh Bình 11/63 88.72", Place("37"));
        Assert.Equal("Đà Nẵng 12/63 88.68", Place("48"));
        Assert.Equal("Thừa Thiên Huế 17/63 88.38", Place("46"));
        Assert.Equal("An Giang 63/63 81.32", Place("89"));
    }

    [Fact]
    public async Task Recomputing_the_same_scores_twice_changes_nothing()
    {
        var logs = new CapturedLogs();
        await using var services = await azurite.NewPipelineAsync(logging: b => b.AddProvider(logs));
        var ingested = await services.GetRequiredService<IngestionService>().IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);
        var rankings = services.GetRequiredService<RankingService>();
        var catalog = services.GetRequiredService<PublicationCatalog>();

        var first = Assert.Single(await rankings.RecomputeAsync(new RecomputeRequest("PAR", 2023), CancellationToken.None));
        var second = Assert.Single(await rankings.RecomputeAsync(new RecomputeRequest("PAR", 2023), CancellationToken.None));

        Assert.Equal(first, second);
        Assert.Equal(first, await catalog.GetAsync(new IndexYear("PAR", 2023), CancellationToken.None));
        // What an operator reads: the versions shortened to 12 characters, the second recompute a no-op.
        var lines = logs.Lines.Where(l => l.Level == LogLevel.Information && l.Message.StartsWith("PAR-2023 ", StringComparison.Ordinal)).Select(l => l.Message).ToList();
        Assert.Equal([$"PAR-2023 ranked 63 units from version {ingested.Sha256[..12]} (previous year none)", $"PAR-2023 rankings unchanged ({first.RankingHash[..12]})"], lines);
    }

    [Fact]
    public async Task Recomputing_a_year_also_recomputes_the_following_year()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingestion = services.GetRequiredService<IngestionService>();
        await ingestion.IngestAsync(Samples.Par2022, Samples.Open(Samples.Par2022), CancellationToken.None);
        await ingestion.IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);

        var versions = await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2022), CancellationToken.None);

        Assert.Equal(["PAR-2022", "PAR-2023"], versions.Select(v => v.IndexYear.PartitionKey));
    }

    [Fact]
    public async Task A_year_recomputed_after_the_year_before_it_shows_its_movement_and_both_score_versions()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ingestion = services.GetRequiredService<IngestionService>();
        var v2022 = await ingestion.IngestAsync(Samples.Par2022, Samples.Open(Samples.Par2022), CancellationToken.None);
        var v2023 = await ingestion.IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);

        // The message of the 2022 drop recomputes 2022 and 2023.
        await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2022), CancellationToken.None);

        var table = await services.GetRequiredService<RankingStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        Assert.Equal((v2023.Sha256, v2022.Sha256), (table!.ScoreVersion, table.PreviousScoreVersion));
        var daNang = table.Units.Single(u => u.UnitCode == "48");
        Assert.Equal(new Movement(2022, 87.54, 5, 63, 1.14, -7), daNang.Movement);
        Assert.Equal((3, 5), (daNang.CityGroup!.Rank, daNang.CityGroup.Of));
        Assert.Equal((1, 14), (daNang.Region!.Rank, daNang.Region.Of));
        Assert.Equal(2, daNang.Fields.Count);
        var first2022 = (await services.GetRequiredService<RankingStore>().GetAsync(new IndexYear("PAR", 2022), CancellationToken.None))!;
        Assert.Equal(63, first2022.Units.Count);
        Assert.All(first2022.Units, u => Assert.True(u.FirstYear));
    }

    [Fact]
    public async Task A_worker_holding_older_scores_ranks_the_current_ones_instead_of_writing_a_stale_ranking()
    {
        var logs = new CapturedLogs();
        await using var services = await azurite.NewPipelineAsync(logging: b => b.AddProvider(logs));
        var ingestion = services.GetRequiredService<IngestionService>();
        var older = await ingestion.IngestAsync("PAR/2023/v1.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC"))), CancellationToken.None);
        var stale = await services.GetRequiredService<ScoreStore>().GetVersionAsync(new IndexYear("PAR", 2023), older.Sha256, CancellationToken.None);
        var newer = await ingestion.IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);

        // The slow worker read v1 before v2 landed, and writes only now.
        var version = await services.GetRequiredService<RankingService>().RankAsync(
            ParPipeline.Indices.IndexCatalog.LoadEmbedded().Find("PAR")!, stale!, null, CancellationToken.None);

        Assert.Equal(newer.Sha256, version.ScoreVersion);
        var table = await services.GetRequiredService<RankingStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        Assert.Equal((newer.Sha256, 12), (table!.ScoreVersion, table.Units.Single(u => u.UnitCode == "48").Rank));
        Assert.Equal([$"PAR-2023: scores changed while ranking ({older.Sha256[..12]} → {newer.Sha256[..12]}; previous year none → none); ranking the current ones"],
            Changed(logs));
    }

    private static List<string> Changed(CapturedLogs logs) =>
        [.. logs.Lines.Select(l => l.Message).Where(m => m.Contains("scores changed while ranking", StringComparison.Ordinal))];

    /// <summary>Two pipelines on one storage account: a clerk's, which ingests, and a worker's, whose Table transport
    /// runs the clerk's next ingestion before each read of <paramref name="partitionKey"/>'s current version.</summary>
    private async Task<(ServiceProvider Clerk, ServiceProvider Worker, BeforeVersionRead Hook, CapturedLogs Logs)> ClerkAndWorkerAsync(
        string partitionKey, Func<IngestionService, Task> nextFile)
    {
        var settings = new Dictionary<string, string?> { [PipelineStorageNames.Connection] = azurite.NewAccountConnectionString() };
        var clerk = await azurite.NewPipelineAsync(settings);
        var hook = new BeforeVersionRead(partitionKey, () => nextFile(clerk.GetRequiredService<IngestionService>()));
        var logs = new CapturedLogs();
        var worker = await azurite.NewPipelineAsync(settings, b => b.AddProvider(logs), s => s.AddSingleton(new StorageTransport(StorageService.Table, hook)));
        return (clerk, worker, hook, logs);
    }

    private static Task<ParPipeline.Ingest.IngestOutcome> IngestPar(IngestionService ingestion, int year, int version) =>
        ingestion.IngestAsync($"PAR/{year}/v{version}.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", year, (u, s) => $"{u.NameVi},{(u.Code == "48" ? 50 + version : s).ToString(System.Globalization.CultureInfo.InvariantCulture)}"))), CancellationToken.None);

    [Fact]
    public async Task A_worker_whose_scores_keep_changing_gives_up_after_five_rankings_and_leaves_the_rest_to_the_newest_files_recompute()
    {
        var next = 1;
        var (clerk, worker, hook, logs) = await ClerkAndWorkerAsync("PAR-2023", async ingestion =>
        {
            // A new file lands before each of the worker's checks, ten at most.
            if (next <= 10)
            {
                await IngestPar(ingestion, 2023, next++);
            }
        });
        await using var _ = clerk;
        await using var __ = worker;
        var first = await IngestPar(clerk.GetRequiredService<IngestionService>(), 2023, 0);
        var scores = worker.GetRequiredService<ScoreStore>();
        var set = (await scores.GetAsync(new IndexYear("PAR", 2023), CancellationToken.None))!;

        hook.Armed = true;
        var version = await worker.GetRequiredService<RankingService>().RankAsync(
            ParPipeline.Indices.IndexCatalog.LoadEmbedded().Find("PAR")!, set, null, CancellationToken.None);
        hook.Armed = false;

        // Five rankings, each checked once: v0 to v4 ranked, v5 landed at the fifth check and is left to its own recompute.
        Assert.Equal(5, hook.Fired);
        Assert.Equal(4, Changed(logs).Count);
        Assert.StartsWith($"PAR-2023: scores changed while ranking ({first.Sha256[..12]} → ", Changed(logs)[0], StringComparison.Ordinal);
        var current = await scores.GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        Assert.NotEqual(current!.Version, version.ScoreVersion);
        var ranked = await worker.GetRequiredService<RankingStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        Assert.Equal((version.ScoreVersion, 54.0), (ranked!.ScoreVersion, ranked.Units.Single(u => u.UnitCode == "48").Score));
        Assert.Equal(55.0, current.Scores.Single(s => s.UnitCode == "48").Total);
    }

    [Fact]
    public async Task A_worker_ranks_again_when_the_previous_years_scores_change_while_it_ranks()
    {
        var replaced = false;
        ParPipeline.Ingest.IngestOutcome? newer = null;
        var (clerk, worker, hook, logs) = await ClerkAndWorkerAsync("PAR-2022", async ingestion =>
        {
            if (!replaced)
            {
                replaced = true;
                newer = await IngestPar(ingestion, 2022, 2);
            }
        });
        await using var _ = clerk;
        await using var __ = worker;
        var older = await IngestPar(clerk.GetRequiredService<IngestionService>(), 2022, 1);
        var year = await IngestPar(clerk.GetRequiredService<IngestionService>(), 2023, 0);
        var scores = worker.GetRequiredService<ScoreStore>();
        var set = (await scores.GetAsync(new IndexYear("PAR", 2023), CancellationToken.None))!;
        var previous = (await scores.GetAsync(new IndexYear("PAR", 2022), CancellationToken.None))!;

        hook.Armed = true;
        var version = await worker.GetRequiredService<RankingService>().RankAsync(
            ParPipeline.Indices.IndexCatalog.LoadEmbedded().Find("PAR")!, set, previous, CancellationToken.None);

        Assert.Equal(2, hook.Fired);
        Assert.Equal(year.Sha256, version.ScoreVersion);
        var ranked = await worker.GetRequiredService<RankingStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None);
        // Đà Nẵng's 2022 score is 52 in the newer 2022 file: the movement is from it, not from the 51 of the older.
        Assert.Equal((year.Sha256, newer!.Sha256), (ranked!.ScoreVersion, ranked.PreviousScoreVersion));
        Assert.Equal(52.0, ranked.Units.Single(u => u.UnitCode == "48").Movement!.PreviousScore);
        Assert.Equal([$"PAR-2023: scores changed while ranking ({year.Sha256[..12]} → {year.Sha256[..12]}; previous year {older.Sha256[..12]} → {newer.Sha256[..12]}); ranking the current ones"],
            Changed(logs));
    }

    [Fact]
    public async Task A_worker_whose_scores_stay_current_ranks_once()
    {
        var (clerk, worker, hook, logs) = await ClerkAndWorkerAsync("PAR-2023", _ => Task.CompletedTask);
        await using var _ = clerk;
        await using var __ = worker;
        await IngestPar(clerk.GetRequiredService<IngestionService>(), 2023, 0);
        var set = (await worker.GetRequiredService<ScoreStore>().GetAsync(new IndexYear("PAR", 2023), CancellationToken.None))!;

        hook.Armed = true;
        await worker.GetRequiredService<RankingService>().RankAsync(ParPipeline.Indices.IndexCatalog.LoadEmbedded().Find("PAR")!, set, null, CancellationToken.None);

        Assert.Equal(1, hook.Fired);
        Assert.Empty(Changed(logs));
    }
}
