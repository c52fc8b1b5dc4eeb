using ParPipeline.Indices;
using ParPipeline.Ranking;

namespace ParPipeline.Reports;

/// <summary>What a unit's narrative is written from: its ranking, the whole table (for who is ahead in its
/// group), the names of units in each language, and optionally its SIPAS ranking of the same year.</summary>
/// <param name="NameEn">English name of a unit by code (the table holds Vietnamese names).</param>
/// <param name="RegionEn">English name of a region by its Vietnamese name.</param>
/// <param name="CriteriaChanges">The unit's change on each criterion since the year before (positive is better), when
/// both years have an annex and the unit compares like for like; null otherwise, and the narrative says nothing of
/// criteria.</param>
public sealed record NarrativeInput(
    IndexDefinition Index,
    int Year,
    UnitRanking Unit,
    IReadOnlyList<UnitRanking> Table,
    Func<string, string> NameEn,
    Func<string, string> RegionEn,
    UnitRanking? Sipas = null,
    int? SipasYear = null,
    IReadOnlyList<Criteria.CriterionPoints>? CriteriaChanges = null);
