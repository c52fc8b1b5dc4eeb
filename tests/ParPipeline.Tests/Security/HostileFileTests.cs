using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Security;

/// <summary>Every file of the hostile corpus is rejected with its located error, and leaves no score behind.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileFileTests(AzuriteFixture azurite)
{
    public static TheoryData<string> Files => [.. HostileCorpus.All.Select(f => f.What)];

    [Fact]
    public void The_corpus_holds_at_least_fifty_files_with_distinct_names()
    {
        Assert.True(HostileCorpus.All.Count >= 50, $"{HostileCorpus.All.Count} files");
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void A_zip_whose_headers_understate_an_entry_is_never_inflated_past_the_declared_size()
    {
        var bytes = HostileCorpus.LyingSizes(HostileCorpus.All.Single(f => f.What == "a zip bomb (16 MiB of zeros)").Bytes, 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (reader, problem) = SpreadsheetOpener.TryOpen(bytes, "bomb-lying.xlsx");
        reader?.Dispose();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // 16 MiB of zeros behind a 1 KiB claim: refused as damaged, with far less than the 16 MiB ever allocated.
        Assert.Null(reader);
        Assert.Equal(ProblemCodes.Corrupt, problem!.Code);
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void The_zip_guard_refuses_one_byte_past_the_ratio_and_lets_the_limit_itself_through()
    {
        var zip = HostileCorpus.All.Single(f => f.What == "a zip bomb (16 MiB of zeros)").Bytes;
        var limit = (uint)(SpreadsheetOpener.MaxInflationRatio * zip.Length);
        // Declared sizes decide (what .NET inflates never exceeds them): exactly 100:1 passes the guard (and is then
        // refused as damaged, its size being a lie), one byte more is a zip bomb.
        var (atLimit, atLimitProblem) = SpreadsheetOpener.TryOpen(HostileCorpus.LyingSizes(zip, limit), "at-limit.xlsx");
        atLimit?.Dispose();
        Assert.NotEqual(ProblemCodes.ZipBomb, atLimitProblem?.Code);
        var (_, over) = SpreadsheetOpener.TryOpen(HostileCorpus.LyingSizes(zip, limit + 1), "over.xlsx");
        Assert.Equal(ProblemCodes.ZipBomb, over!.Code);
        Assert.Equal($"over.xlsx inflates to more than {limit:N0} bytes (100:1 or 500 MiB at most); it is refused as a zip bomb.", over.Message);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Is_rejected_with_a_located_error_and_nothing_stored(string what)
    {
        var file = HostileCorpus.All.Single(f => f.What == what);
        await using var services = await azurite.NewPipelineAsync();

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(file.Name, new MemoryStream(file.Bytes), CancellationToken.None);

        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.NotEmpty(outcome.Problems);
        // Every problem, not the first alone: a code the corpus expects, a message in both languages, its place.
        // A file with more problems than are listed ends with one TOO_MANY_PROBLEMS, which says so for the whole file.
        var listed = outcome.Problems.Count > 1 && outcome.Problems[^1].Code == ProblemCodes.TooManyProblems ? outcome.Problems.Count - 1 : outcome.Problems.Count;
        Assert.DoesNotContain(outcome.Problems.Take(listed), p => p.Code == ProblemCodes.TooManyProblems);
        if (what == "3,000 bad rows")
        {
            // 1,001 problems read (rows 2 to 1002), then reading stopped at row 1003: the 1,998 rows after were never checked.
            Assert.Equal(1_000, listed);
            var stop = outcome.Problems[^1];
            Assert.Equal((ProblemCodes.TooManyProblems, 1003), (stop.Code, stop.Row));
            Assert.Equal($"More than 1,000 problems: reading stopped at row 1003 of '{stop.Sheet}', and the rows after it were not checked. Fix the problems listed and drop the file again.", stop.Message);
            Assert.StartsWith("Có hơn 1,000 lỗi: dừng đọc tại dòng 1003", stop.MessageVi, StringComparison.Ordinal);
        }
        foreach (var problem in outcome.Problems.Take(listed))
        {
            Assert.True(file.Codes.Contains(problem.Code), $"{what}: {problem}");
            Assert.False(string.IsNullOrWhiteSpace(problem.Message), $"{what}: {problem} has no English message");
            Assert.False(string.IsNullOrWhiteSpace(problem.MessageVi), $"{what}: {problem} has no Vietnamese message");
            Assert.NotEqual(problem.Message, problem.MessageVi);
            switch (file.Place)
            {
                case ProblemPlace.Cell:
                    Assert.True(problem is { Sheet: not null, Row: not null, Column: not null }, $"{what}: {problem} names no cell");
                    break;
                case ProblemPlace.Sheet:
                    Assert.True(problem.Sheet is not null, $"{what}: {problem} names no sheet");
                    break;
            }
        }

        // The error report names the file and every problem with its place and both texts, beside the quarantined original.
        var quarantine = services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.QuarantineContainer);
        var report = JsonDocument.Parse((await quarantine.GetBlobClient($"{outcome.Sha256}.errors.json").DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal(file.Name, report.GetProperty("file").GetString());
        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
        Assert.Equal(outcome.Problems.Select(p => (p.Code, p.Sheet, p.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Column, p.Message, p.MessageVi)),
            report.GetProperty("problems").EnumerateArray().Select(e => (Text(e, "code")!, Text(e, "sheet"), Text(e, "row"), Text(e, "column"), Text(e, "message")!, Text(e, "messageVi")!)));

        // Nothing half-written: no score row of any index-year.
        var scores = services.GetRequiredService<TableServiceClient>().GetTableClient(PipelineStorageNames.ScoresTable);
        Assert.Empty(await scores.QueryAsync<TableEntity>(maxPerPage: 1).Take(1).ToListAsync());
        var entry = await services.GetRequiredService<IngestionLedger>().GetAsync(outcome.Sha256, CancellationToken.None);
        Assert.Equal(LedgerStatus.Rejected, entry!.Status);
    }

    [Fact]
    public async Task A_drop_name_with_dot_segments_is_never_resolved_to_another_blob()
    {
        await using var services = await azurite.NewPipelineAsync();
        var drops = services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer);
        // The blob a URI would resolve "PAR/2023/../../etc/passwd.csv" to.
        await drops.GetBlobClient("etc/passwd.csv").UploadAsync(BinaryData.FromString("keep me"));
        var file = HostileCorpus.All.Single(f => f.Name.Contains("..", StringComparison.Ordinal));

        var outcome = await services.GetRequiredService<IngestionService>().IngestAsync(file.Name, new MemoryStream(file.Bytes), CancellationToken.None);

        Assert.Equal(ProblemCodes.UnsafeDropName, Assert.Single(outcome.Problems).Code);
        Assert.True((await drops.GetBlobClient("etc/passwd.csv").ExistsAsync()).Value);
    }
}
