using ParPipeline.Indices;
using ParPipeline.Units;

namespace ParPipeline.Criteria;

/// <summary>Whether a unit's criteria compare with its own the year before, as the ranking's movement does
/// (RankingEngine): not for a province merged on 1 July 2025, whose code is one of its predecessors'.</summary>
public static class CriteriaComparison
{
    public static bool WithYearBefore(IndexDefinition index, int year, Unit? unit) =>
        !(index.UnitKind == UnitKind.Province && year >= Gazetteer.ReorganisationYear && year - 1 < Gazetteer.ReorganisationYear && unit is { IsMerged: true });
}
