using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParPipeline.Api;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Ranking;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Units;

namespace ParPipeline;

/// <summary>The one registration both hosts call: storage clients, stores and the pipeline's services.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddParPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        CodePages.EnsureRegistered();

        services.AddPipelineStorage(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section));

        services.AddSingleton(_ => Gazetteer.LoadEmbedded());
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section));
        services.AddSingleton(provider => IndexCatalog.Load(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IndexOptions>>().Value.DefinitionsDirectory));

        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<ScoreStore>();
        services.AddSingleton<CriteriaStore>();
        services.AddSingleton<ICriteriaStaging>(provider => provider.GetRequiredService<CriteriaStore>());
        services.AddSingleton<CriteriaIngestion>();
        services.AddSingleton<RankingStore>();
        services.AddSingleton<IngestionLedger>();
        services.AddSingleton<PoisonLedger>();
        services.AddSingleton<RecomputeAttempt>();
        services.AddSingleton<FileVault>();
        services.AddSingleton<RecomputeQueue>();
        services.AddSingleton<PublicationCatalog>();
        services.AddSingleton<IndexYearLocks>();

        services.AddSingleton<WorkbookParser>();
        services.AddSingleton<IngestionService>();
        services.AddSingleton<DropSweeper>();
        services.AddSingleton<RankingService>();
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<ReportPublisher>();
        services.AddSingleton<RecomputeRedrive>();

        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section));
        services.AddSingleton<ApiSnapshots>();
        services.AddSingleton<RankingQueries>();
        services.AddSingleton<UnitQueries>();
        services.AddSingleton<MoverQueries>();
        services.AddSingleton<Criteria.CriteriaSnapshots>();
        services.AddSingleton<CriteriaQueries>();
        services.AddSingleton<IngestionQueries>();
        services.AddSingleton<FileQueries>();
        services.AddSingleton<CorsPolicy>();
        services.AddSingleton<StatusQuery>();
        services.AddSingleton<PipelineApi>();
        services.AddSingleton<IndexQueries>();
        services.AddSingleton<HealthQuery>();
        services.AddSingleton<ReportCommands>();
        return services;
    }
}
