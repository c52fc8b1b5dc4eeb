using Microsoft.Azure.WebJobs;

namespace ParPipeline.Local.Triggers;

/// <summary>
/// Tells the WebJobs SDK exactly which classes hold functions. Its default locator scans loaded assemblies,
/// which differs between the console host and a test process.
/// </summary>
internal sealed class LocalTriggerTypes : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(IngestDrop), typeof(RecomputeRankings), typeof(RecordPoisonedRecompute), typeof(PublishReports), typeof(SweepDrops)];
}
