using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Functions;
using ParPipeline.Ingest;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Functions;

/// <summary>
/// The log lines one drop costs in the Azure app's logging configuration (<see cref="WorkerLogging"/>, as
/// Program.cs applies it, over the same Core registration and Microsoft.Extensions.Azure's forwarding of the Azure
/// SDK's events): a handful, not the SDK's request/response lines.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkerLoggingTests(AzuriteFixture azurite)
{
    private sealed class Counted : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(Counted owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }

    private static async Task<List<(string Category, LogLevel Level, string Message)>> OneDropAsync(AzuriteFixture azurite, bool workerFilters)
    {
        var counted = new Counted();
        await using var services = await azurite.NewPipelineAsync(logging: logging =>
        {
            // The worker's default minimum level is Information, as host.json's "default" here.
            logging.SetMinimumLevel(LogLevel.Information).AddProvider(counted);
            if (workerFilters)
            {
                WorkerLogging.Configure(logging);
            }
        });
        await Blobs.DropAsync(services, Samples.Par2023, Samples.Bytes(Samples.Par2023));
        counted.Lines.Clear();
        var trigger = new IngestDrop(services.GetRequiredService<IngestionService>(), services.GetRequiredService<ILogger<IngestDrop>>());
        var drop = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(PipelineStorageNames.DropsContainer).GetBlobClient(Samples.Par2023);
        await trigger.Run(drop, Samples.Par2023, CancellationToken.None);
        return [.. counted.Lines];
    }

    [Fact]
    public async Task One_drop_logs_one_structured_line_and_no_Azure_SDK_chatter()
    {
        var lines = await OneDropAsync(azurite, workerFilters: true);
        Assert.DoesNotContain(lines, l => l.Category.StartsWith("Azure", StringComparison.Ordinal) && l.Level < LogLevel.Warning);
        Assert.InRange(lines.Count, 1, 3);
        var line = Assert.Single(lines, l => l.Category == typeof(IngestDrop).FullName);
        Assert.Matches(@"^par-index-2023-provinces\.xlsx: ingested 63 units into PAR-2023 \(version [0-9a-f]{12}\) \(Ingested, \d+ ms\)$", line.Message.Replace("PAR/2023/", ""));
    }

    [Fact]
    public async Task Without_the_worker_filters_the_Azure_SDK_would_log_every_request()
    {
        // What the filters hold back: the same drop logs dozens of SDK lines at Information.
        var lines = await OneDropAsync(azurite, workerFilters: false);
        Assert.True(lines.Count(l => l.Category.StartsWith("Azure.", StringComparison.Ordinal)) > 20,
            $"{lines.Count(l => l.Category.StartsWith("Azure.", StringComparison.Ordinal))} Azure SDK lines");
    }
}
