using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Ranking;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ranking;

/// <summary>
/// A recompute request's life outside the happy path, called in-process over Azurite: a try that fails is recorded
/// and logged, one that succeeds after failing forgets its failures, and the redrive sends again exactly what can
/// succeed, saying for the rest why not. ApiRouteTests shows the same redrive through the admin route and command.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecomputeTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    private const string Par2023 = "{\"index\":\"PAR\",\"year\":2023}";

    private static QueueClient Queue(IServiceProvider services, string name) =>
        services.GetRequiredService<QueueServiceClient>().GetQueueClient(name);

    private static async Task<List<string>> DrainAsync(QueueClient queue)
    {
        var bodies = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                bodies.Add(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        return bodies;
    }

    [Fact]
    public async Task The_redrive_sends_again_what_can_succeed_and_keeps_the_rest_with_the_reason_each_cannot()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ledger = services.GetRequiredService<PoisonLedger>();
        var padded = "{\"index\":\"PAR\",\"year\":2023" + new string(' ', 1100) + "}";
        foreach (var (id, message) in new[]
        {
            ("m1", Par2023),
            ("m2", "{\"index\":\"NOPE\",\"year\":2023}"),
            ("m3", "not a request"),
            ("m4", padded),
            ("m5", "  {\"index\":\"sipas\",\"year\":2022}\n"),
            ("m6", Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"index\":\"PCI\",\"year\":2021}"))),
        })
        {
            await ledger.RecordFailureAsync(PipelineStorageNames.RecomputeQueue, id, message, 5, At, "boom", CancellationToken.None);
            await ledger.RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, "copy-" + id, message, At, CancellationToken.None);
        }

        var result = await services.GetRequiredService<RecomputeRedrive>().RedriveAsync(CancellationToken.None);

        Assert.Equal([Par2023, "  {\"index\":\"sipas\",\"year\":2022}\n", Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"index\":\"PCI\",\"year\":2021}"))], result.Requeued);
        Assert.Equal(
        [
            ("m2", "no index 'NOPE' is defined (PAPI, PAR, PAR-MINISTRIES, PCI, SIPAS)"),
            ("m3", "not a recompute request ({\"index\":\"PAR\",\"year\":2023}, as JSON or JSON in base64)"),
            ("m4", "only its first 1024 characters were kept"),
        ], result.Skipped.Select(s => (s.MessageId, s.Reason)));
        Assert.Equal(PoisonLedger.Excerpt(padded), result.Skipped.Single(s => s.MessageId == "m4").Message);
        // What is sent is the request itself, as the app's queue client writes it, whatever form it was kept in.
        Assert.Equal([Par2023, "{\"index\":\"sipas\",\"year\":2022}", "{\"index\":\"PCI\",\"year\":2021}"], await DrainAsync(Queue(services, PipelineStorageNames.RecomputeQueue)));
        // Those sent are forgotten; those kept stay recorded, so a second redrive reports them again and sends nothing.
        Assert.Equal(["m2", "m3", "m4"], (await ledger.ListPoisonedAsync(CancellationToken.None)).Select(p => p.MessageId));
        var again = await services.GetRequiredService<RecomputeRedrive>().RedriveAsync(CancellationToken.None);
        Assert.Empty(again.Requeued);
        Assert.Equal(["m2", "m3", "m4"], again.Skipped.Select(s => s.MessageId));
        Assert.Empty(await DrainAsync(Queue(services, PipelineStorageNames.RecomputeQueue)));
    }

    [Fact]
    public async Task Messages_still_on_the_poison_queue_are_recorded_first_and_then_sent_or_kept()
    {
        await using var services = await azurite.NewPipelineAsync();
        var poisonQueue = Queue(services, PipelineStorageNames.RecomputePoisonQueue);
        // More than one batch of 32, so the redrive reads until the queue is empty.
        for (var i = 0; i < 33; i++)
        {
            await poisonQueue.SendMessageAsync($"{{\"index\":\"PAR\",\"year\":{2000 + i}}}");
        }
        await poisonQueue.SendMessageAsync("garbage");

        var result = await services.GetRequiredService<RecomputeRedrive>().RedriveAsync(CancellationToken.None);

        Assert.Equal(33, result.Requeued.Count);
        Assert.Equal(Enumerable.Range(2000, 33).Select(y => $"{{\"index\":\"PAR\",\"year\":{y}}}").Order(StringComparer.Ordinal),
            (await DrainAsync(Queue(services, PipelineStorageNames.RecomputeQueue))).Order(StringComparer.Ordinal));
        var kept = Assert.Single(result.Skipped);
        Assert.Equal(("garbage", "not a recompute request ({\"index\":\"PAR\",\"year\":2023}, as JSON or JSON in base64)"), (kept.Message, kept.Reason));
        // No try reached the function for any of them, so each is recorded under its poison copy's id.
        var recorded = Assert.Single(await services.GetRequiredService<PoisonLedger>().ListPoisonedAsync(CancellationToken.None));
        Assert.Equal((kept.MessageId, 0L, PoisonLedger.NoTryError), (recorded.MessageId, recorded.DequeueCount, recorded.LastError));
        Assert.Equal(0, (await poisonQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_failed_try_is_recorded_and_logged_with_its_try_and_error_and_thrown_again_for_the_host()
    {
        var logs = new CapturedLogs();
        await using var services = await azurite.NewPipelineAsync(logging: b => b.AddProvider(logs));
        var attempt = services.GetRequiredService<RecomputeAttempt>();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => attempt.RunAsync("m9", "{\"index\":\"NOPE\",\"year\":2023}", 3, CancellationToken.None));

        Assert.Equal("Index 'NOPE' is not defined. (Parameter 'request')", error.Message);
        Assert.Contains((LogLevel.Warning, $"Recompute request m9 failed on try 3: {error.Message}"), logs.Lines.Select(l => (l.Level, l.Message)));
        var poisoned = await services.GetRequiredService<PoisonLedger>().RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, "copy", "{\"index\":\"NOPE\",\"year\":2023}", At, CancellationToken.None);
        Assert.Equal(("m9", 3L, error.Message), (poisoned.MessageId, poisoned.DequeueCount, poisoned.LastError));
    }

    [Fact]
    public async Task A_request_that_succeeds_on_a_later_try_forgets_its_failures_and_a_first_try_leaves_them()
    {
        await using var services = await azurite.NewPipelineAsync();
        var ledger = services.GetRequiredService<PoisonLedger>();
        var attempt = services.GetRequiredService<RecomputeAttempt>();

        // The first try failed (storage was down, say), the second succeeds: nothing is left to poison later.
        await ledger.RecordFailureAsync(PipelineStorageNames.RecomputeQueue, "m1", Par2023, 1, At, "storage down", CancellationToken.None);
        Assert.Empty(await attempt.RunAsync("m1", Par2023, 2, CancellationToken.None));
        var later = await ledger.RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, "copy-1", Par2023, At, CancellationToken.None);
        Assert.Equal(("copy-1", PoisonLedger.NoTryError), (later.MessageId, later.LastError));

        // A copy with the same content on its first try has no failures of its own; another copy's are left alone.
        const string sipas = "{\"index\":\"SIPAS\",\"year\":2023}";
        await ledger.RecordFailureAsync(PipelineStorageNames.RecomputeQueue, "m2", sipas, 4, At, "boom", CancellationToken.None);
        Assert.Empty(await attempt.RunAsync("m3", sipas, 1, CancellationToken.None));
        var other = await ledger.RecordPoisonAsync(PipelineStorageNames.RecomputeQueue, "copy-2", sipas, At, CancellationToken.None);
        Assert.Equal(("m2", 4L, "boom"), (other.MessageId, other.DequeueCount, other.LastError));
    }

    [Theory]
    [InlineData(Par2023, "PAR", 2023)]
    [InlineData("  {\"index\":\"PAR\",\"year\":2023}\r\n", "PAR", 2023)]
    [InlineData("eyJpbmRleCI6IlBBUiIsInllYXIiOjIwMjN9", "PAR", 2023)]
    [InlineData(" eyJpbmRleCI6IlBBUiIsInllYXIiOjIwMjN9 ", "PAR", 2023)]
    [InlineData("{\"index\":\"PAR\",\"year\":\"2023\"}", "PAR", 2023)]
    [InlineData("ICB7ImluZGV4IjoiU0lQQVMiLCJ5ZWFyIjoyMDIyfSAg", "SIPAS", 2022)]
    public void A_request_is_read_as_JSON_or_as_JSON_in_base64(string message, string index, int year) =>
        Assert.Equal(new RecomputeRequest(index, year), RecomputeRequest.TryDecode(message));

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("not base64!")]
    [InlineData("{\"index\":\"PAR\"}")]
    [InlineData("{\"year\":2023}")]
    [InlineData("{\"index\":\"\",\"year\":2023}")]
    [InlineData("{\"index\":\"PAR\",\"year\":0}")]
    [InlineData("{\"index\":\"PAR\",\"year\":2023")]
    [InlineData("e30=")]
    [InlineData("Z2FyYmFnZQ==")]
    public void Anything_else_is_no_request_and_parsing_it_says_what_one_looks_like(string message)
    {
        Assert.Null(RecomputeRequest.TryDecode(message));
        var error = Assert.Throws<FormatException>(() => RecomputeRequest.Parse(message));
        Assert.Equal($"'{message}' is not a recompute request like {{\"index\":\"PAR\",\"year\":2023}} (as JSON, or JSON in base64).", error.Message);
    }
}
