namespace ParPipeline.Ranking;

/// <summary>Everything the rankings say of one unit in one index-year.</summary>
/// <param name="Rank">National rank of <paramref name="Of"/>.</param>
/// <param name="National">The national ranking with its leader and the gap to it.</param>
/// <param name="Region">Rank within the unit's socio-economic region; null for ministries.</param>
/// <param name="CityGroup">Rank among the centrally governed cities; null for other units.</param>
/// <param name="Fields">Rank of every other field the file gave (appraisal, survey, components), by key.</param>
/// <param name="Movement">Against the previous year; null in a first year or without a like-for-like predecessor.</param>
/// <param name="FirstYear">No score of this unit (or of its predecessors) the year before.</param>
/// <param name="LikeForLike">False for a unit formed by merging provinces: its movement is not comparable.</param>
/// <param name="Predecessors">For a merged unit: its predecessors' previous-year results.</param>
public sealed record UnitRanking(
    string UnitCode,
    string UnitName,
    double Score,
    int Rank,
    int Of,
    Place National,
    Place? Region,
    Place? CityGroup,
    IReadOnlyDictionary<string, Place> Fields,
    Movement? Movement,
    bool FirstYear,
    bool LikeForLike,
    IReadOnlyList<PredecessorResult> Predecessors);
