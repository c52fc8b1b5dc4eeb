namespace ParPipeline.Units;

/// <summary>What an index ranks: provinces and centrally governed cities, or ministries.</summary>
public enum UnitKind
{
    Province,
    Ministry,
}
