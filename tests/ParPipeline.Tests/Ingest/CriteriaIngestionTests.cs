using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest;

/// <summary>The long format of criterion-level annexes: streamed, staged, made current by one pointer flip.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CriteriaIngestionTests(AzuriteFixture azurite)
{
    private static readonly IndexYear Par2023 = new("PAR", 2023);

    private static string LongCsv(int criteria, IEnumerable<int> years, Func<string, string, int, double>? score = null, bool withYear = true)
    {
        var text = new StringBuilder(withYear ? "Tỉnh;Năm;Tiêu chí;Điểm\n" : "Tỉnh;Tiêu chí;Điểm\n");
        foreach (var year in years)
        {
            foreach (var (unit, _) in ProvinceTable.Scores(year))
            {
                for (var c = 1; c <= criteria; c++)
                {
                    var criterion = $"{(c - 1) / 10 + 1}.{(c - 1) % 10 + 1}";
                    var value = (score ?? ((_, _, i) => 0.25 + i % 4 * 0.25))(unit.Code, criterion, c);
                    text.Append(unit.NameVi).Append(';');
                    if (withYear)
                    {
                        text.Append(year).Append(';');
                    }
                    text.Append(criterion).Append(';').Append(value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',')).Append('\n');
                }
            }
        }
        return text.ToString();
    }

    private static Task<IngestOutcome> IngestAsync(IServiceProvider services, string name, string text) =>
        services.GetRequiredService<IngestionService>().IngestAsync(name, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    private static async Task<List<CriterionScore>> CurrentAsync(IServiceProvider services, IndexYear indexYear)
    {
        var rows = new List<CriterionScore>();
        await foreach (var row in services.GetRequiredService<CriteriaStore>().ReadCurrentAsync(indexYear, CancellationToken.None))
        {
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task Invisible_characters_in_a_long_annex_are_removed_and_counted_and_a_repeat_far_apart_is_located_at_the_end()
    {
        await using var services = await azurite.NewPipelineAsync();
        // Every Hà Nội name ends with a no-break space and every Huế name is decomposed; scores unchanged.
        var text = LongCsv(criteria: 4, years: [2023])
            .Replace("Hà Nội;", "Hà Nội\u00A0;", StringComparison.Ordinal)
            .Replace("Thừa Thiên Huế;", "Thừa Thiên Huế".Normalize(NormalizationForm.FormD) + ";", StringComparison.Ordinal);
        var outcome = await IngestAsync(services, "PAR/2023/criteria.csv", text);
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.Equal(
        [
            "4 cell(s) had invisible spaces or line breaks at the start or end, removed; the first at 'Sheet1'!A2. No figure changed.",
            "4 cell(s) had Vietnamese letters in decomposed form (combining marks), composed; the first at 'Sheet1'!A" + (2 + 4 * ProvinceTable.Scores().FindIndex(p => p.Unit.Code == "46")) + ". No figure changed.",
        ], outcome.Warnings.Select(w => w.Message));
        Assert.Equal(63 * 4, (await CurrentAsync(services, Par2023)).Count);

        // The first row again at the very end, 250 rows (three batches) later.
        var lines = LongCsv(criteria: 4, years: [2023]).TrimEnd('\n').Split('\n');
        var repeated = string.Join('\n', lines.Append(lines[1])) + "\n";
        var bad = await IngestAsync(services, "PAR/2023/repeat.csv", repeated);
        var problem = Assert.Single(bad.Problems);
        Assert.Equal((ProblemCodes.DuplicateCriterion, 254, "C", "Row 254 repeats row 2: the same unit, criterion and year.", "Dòng 254 lặp lại dòng 2: cùng đơn vị, tiêu chí và năm."),
            (problem.Code, problem.Row!.Value, problem.Column!, problem.Message, problem.MessageVi));
    }

    [Fact]
    public async Task A_long_annex_of_thousands_of_rows_is_staged_and_made_current_whole()
    {
        await using var services = await azurite.NewPipelineAsync();
        var outcome = await IngestAsync(services, "PAR/2023/criteria.csv", LongCsv(criteria: 40, years: [2023]));

        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        Assert.Equal([Par2023], outcome.IndexYears);
        var pointer = await services.GetRequiredService<CriteriaStore>().GetCurrentAsync(Par2023, CancellationToken.None);
        Assert.Equal((outcome.Sha256, 63L * 40, 63), (pointer!.Version, pointer.Rows, pointer.Units));
        var rows = await CurrentAsync(services, Par2023);
        Assert.Equal(2520, rows.Count);
        var daNang = rows.Single(r => r.UnitCode == "48" && r.Criterion == "2.3");
        Assert.Equal(0.5, daNang.Score);
        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(outcome.Sha256, CancellationToken.None);
        Assert.Equal((LedgerStatus.Ingested, "ministry-archive/" + outcome.Sha256 + ".csv"), (entry!.Status, entry.StoredAs));
    }

    [Fact]
    public async Task A_year_column_spreads_one_file_over_several_index_years()
    {
        await using var services = await azurite.NewPipelineAsync();
        var outcome = await IngestAsync(services, "PAR/criteria-2022-2023.csv", LongCsv(criteria: 2, years: [2022, 2023]));
        Assert.Empty(outcome.Problems);
        Assert.Equal(["PAR-2022", "PAR-2023"], outcome.IndexYears.Select(i => i.PartitionKey));
        Assert.Equal(126, (await CurrentAsync(services, new IndexYear("PAR", 2022))).Count);
    }

    [Fact]
    public async Task Criterion_names_with_characters_a_RowKey_refuses_round_trip()
    {
        await using var services = await azurite.NewPipelineAsync();
        var text = new StringBuilder("Tỉnh;Tiêu chí;Điểm\n");
        foreach (var (unit, _) in ProvinceTable.Scores())
        {
            text.Append(unit.NameVi).Append(";1.1/a#b?c\\d;0,5\n");
        }
        var outcome = await IngestAsync(services, "PAR/2023/odd.csv", text.ToString());
        Assert.Equal(IngestStatus.Ingested, outcome.Status);
        var odd = await CurrentAsync(services, Par2023);
        Assert.Equal(63, odd.Count);
        Assert.All(odd, r => Assert.Equal("1.1/a#b?c\\d", r.Criterion));
    }

    [Fact]
    public async Task Bad_rows_reject_the_file_with_located_problems_and_leave_nothing_staged_or_current()
    {
        await using var services = await azurite.NewPipelineAsync();
        var good = await IngestAsync(services, "PAR/2023/v1.csv", LongCsv(criteria: 2, years: [2023], withYear: false));
        var text = LongCsv(criteria: 2, years: [2023], withYear: false)
            .Replace("Đà Nẵng;1.2;0,75", "Đà Nẵng;1.2;150", StringComparison.Ordinal)
            .Replace("Cà Mau;1.1;0,50", "Cà Mau;1.2;0,50", StringComparison.Ordinal)
            + "Atlantis;1.1;0,5\n";
        var bad = await IngestAsync(services, "PAR/2023/v2.csv", text);

        Assert.Equal(IngestStatus.Rejected, bad.Status);
        Assert.Equal(
        [
            "SCORE_OUT_OF_RANGE row 65 column C",
            "DUPLICATE_CRITERION row 127 column B",
            "UNKNOWN_UNIT row 128 column A",
        ], bad.Problems.Select(p => $"{p.Code} row {p.Row} column {p.Column}"));
        Assert.Equal("1.2 of Đà Nẵng: 150 is outside 0..100.", bad.Problems[0].Message);
        var store = services.GetRequiredService<CriteriaStore>();
        Assert.Equal(good.Sha256, (await store.GetCurrentAsync(Par2023, CancellationToken.None))!.Version);
        var staged = 0;
        await foreach (var _ in store.ReadVersionAsync(Par2023, bad.Sha256, CancellationToken.None))
        {
            staged++;
        }
        Assert.Equal(0, staged);
    }

    [Fact]
    public async Task A_new_version_flips_the_pointer_and_the_old_one_stays_readable()
    {
        await using var services = await azurite.NewPipelineAsync();
        var first = await IngestAsync(services, "PAR/2023/v1.csv", LongCsv(criteria: 3, years: [2023], withYear: false));
        var second = await IngestAsync(services, "PAR/2023/v2.csv", LongCsv(criteria: 3, years: [2023], (_, _, _) => 1.0, withYear: false));

        Assert.Equal(second.Sha256, (await services.GetRequiredService<CriteriaStore>().GetCurrentAsync(Par2023, CancellationToken.None))!.Version);
        var current = await CurrentAsync(services, Par2023);
        Assert.Equal(63 * 3, current.Count);
        Assert.All(current, r => Assert.Equal(1.0, r.Score));
        var old = new List<CriterionScore>();
        await foreach (var row in services.GetRequiredService<CriteriaStore>().ReadVersionAsync(Par2023, first.Sha256, CancellationToken.None))
        {
            old.Add(row);
        }
        Assert.Equal(189, old.Count);
        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(first.Sha256, CancellationToken.None);
        Assert.Equal((LedgerStatus.Superseded, second.Sha256), (entry!.Status, entry.RelatedVersion));
    }

    [Fact]
    public async Task A_row_for_another_year_than_the_drop_says_is_YEAR_MISMATCH()
    {
        await using var services = await azurite.NewPipelineAsync();
        var outcome = await IngestAsync(services, "PAR/2023/criteria.csv", LongCsv(criteria: 1, years: [2022]));
        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        // Every row is told, each at its own cell, and nothing else is (no unit is "missing" from a year no row was for).
        Assert.Equal(Enumerable.Range(2, 63).Select(row => ("YEAR_MISMATCH", (int?)row, (string?)"B", "The row is for 2022, but the drop is for 2023.", "Dòng này của năm 2022, nhưng tệp được gửi cho năm 2023.")),
            outcome.Problems.Select(p => (p.Code, p.Row, p.Column, p.Message, p.MessageVi)));
    }

    [Fact]
    public async Task Reading_that_outruns_its_budget_stops_and_leaves_nothing_staged()
    {
        await using var services = await azurite.NewPipelineAsync();
        var bytes = Encoding.UTF8.GetBytes(LongCsv(criteria: 40, years: [2023], withYear: false));
        var file = new DroppedFile("PAR/2023/slow.csv", bytes, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        var indices = Indices.IndexCatalog.LoadEmbedded();
        var (target, _) = DropTarget.Parse(file.BlobName, indices);
        var plan = Assert.Single(new WorkbookParser(ProvinceTable.Gazetteer, indices).Parse(file, target!, CancellationToken.None).LongTables);

        await Assert.ThrowsAsync<TimeoutException>(() =>
            services.GetRequiredService<CriteriaIngestion>().StageAsync(file, plan, TimeSpan.FromTicks(1), CancellationToken.None));

        var staged = 0;
        await foreach (var _ in services.GetRequiredService<CriteriaStore>().ReadVersionAsync(Par2023, file.Sha256, CancellationToken.None))
        {
            staged++;
        }
        Assert.Equal(0, staged);
        Assert.Null(await services.GetRequiredService<CriteriaStore>().GetCurrentAsync(Par2023, CancellationToken.None));
    }
}
