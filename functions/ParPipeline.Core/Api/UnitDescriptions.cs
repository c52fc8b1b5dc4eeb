using ParPipeline.Units;

namespace ParPipeline.Api;

/// <summary>A unit of the gazetteer as the API lists it, with its lineage across the 2025 reorganisation.</summary>
/// <param name="FromYear">First index year it is ranked in.</param>
/// <param name="ToYear">Last index year it is ranked in; null while it exists.</param>
/// <param name="Predecessors">For a 2025 unit: the provinces it was formed from (itself alone when unchanged).</param>
/// <param name="Successor">For a pre-2025 province: the code of the 2025 unit it belongs to.</param>
/// <param name="Variants">Other spellings the resolver accepts (and <c>/api/units/{unit}</c> with them).</param>
public sealed record UnitDescription(
    string Code, string NameVi, string NameEn, UnitKind Kind, string? Region, string? RegionEn, bool CentrallyGoverned,
    int FromYear, int? ToYear, bool Merged, IReadOnlyList<string> Predecessors, string? Successor, IReadOnlyList<string> Variants)
{
    public static UnitDescription Of(Unit unit, Gazetteer gazetteer) => new(
        unit.Code, unit.NameVi, unit.NameEn, unit.Kind, unit.Region, gazetteer.RegionOf(unit)?.NameEn, unit.CentrallyGoverned,
        unit.FromYear, unit.ToYear, unit.IsMerged, unit.PredecessorCodes, unit.SuccessorCode, unit.Variants);
}

/// <summary>Body of <c>GET /api/units/{unit}</c>: the unit in each era it existed and every result it has.</summary>
public sealed record UnitProfile(string Code, string NameVi, string NameEn, UnitKind Kind, IReadOnlyList<UnitDescription> Lineage, IReadOnlyList<UnitResult> Results);

/// <summary>One index-year's result of a unit: everything the rankings say of it that year.</summary>
public sealed record UnitResult(string Index, int Year, Ranking.UnitRanking Ranking);

/// <summary>One point of a unit's history in one index.</summary>
public sealed record HistoryPoint(string Index, int Year, double Score, int Rank, int Of, double? PointsChange, int? PlacesChange, bool LikeForLike);

/// <summary>Body of <c>GET /api/units/{unit}/history</c>.</summary>
public sealed record UnitHistory(string Code, string NameVi, string NameEn, string? Index, IReadOnlyList<HistoryPoint> Points);

/// <summary>Body of <c>GET /api/compare</c>: each unit's history over the same indices and years.</summary>
public sealed record Comparison(string? Index, int? From, int? To, IReadOnlyList<UnitHistory> Units);
