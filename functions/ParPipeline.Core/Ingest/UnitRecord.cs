using ParPipeline.Units;

namespace ParPipeline.Ingest;

/// <summary>One unit's row of a ministry table: its scores by field key, and the rank the file publishes.</summary>
public sealed record UnitRecord(Unit Unit, int Row, IReadOnlyDictionary<string, double> Values, int? PublishedRank)
{
    /// <summary>The sheet of the row, when a table is made of several sheets (one per region); null: the table's.</summary>
    public string? Sheet { get; init; }

    public double Total => Values[Indices.IndexDefinition.TotalKey];
}
