using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>The pipeline's steps called in order on one storage account, as the triggers would call them.</summary>
public static class PipelineSteps
{
    /// <summary>Ingests PAR 2022 and 2023, ranks both (the 2022 message ranks 2023 too) and publishes 2023.</summary>
    public static async Task PublishPar2023WithMovementAsync(IServiceProvider services)
    {
        var ingestion = services.GetRequiredService<IngestionService>();
        await ingestion.IngestAsync(Samples.Par2022, Samples.Open(Samples.Par2022), CancellationToken.None);
        await ingestion.IngestAsync(Samples.Par2023, Samples.Open(Samples.Par2023), CancellationToken.None);
        await services.GetRequiredService<RankingService>().RecomputeAsync(new RecomputeRequest("PAR", 2022), CancellationToken.None);
        await services.GetRequiredService<ReportPublisher>().PublishAsync(new IndexYear("PAR", 2023), CancellationToken.None);
    }

    /// <summary>Ingests every bundled sample and ranks every index-year they hold.</summary>
    public static async Task RankAllSamplesAsync(IServiceProvider services)
    {
        var ingestion = services.GetRequiredService<IngestionService>();
        foreach (var sample in new[] { Samples.Par2021Xls, Samples.Par2022, Samples.Par2023, Samples.Sipas2022, Samples.Sipas2023, Samples.Ministries2023 })
        {
            await ingestion.IngestAsync(sample, Samples.Open(sample), CancellationToken.None);
        }
        var ranking = services.GetRequiredService<RankingService>();
        foreach (var (index, year) in new[] { ("PAR", 2021), ("PAR", 2022), ("PAR", 2023), ("SIPAS", 2022), ("SIPAS", 2023), ("PAR-MINISTRIES", 2023) })
        {
            await ranking.RecomputeAsync(new RecomputeRequest(index, year), CancellationToken.None);
        }
    }
}
