namespace ParPipeline.Indices;

/// <summary>
/// One criterion of an index, as its definition lists it: which component (field) it counts towards and the most
/// it can score. A criteria annex names a criterion by its id ("2.3") or by either name; an annex of an index
/// whose definition lists criteria may name no other.
/// </summary>
/// <param name="Id">As the ministry numbers it ("1.1", "2.3.1"); what the pipeline stores and serves.</param>
/// <param name="Component">The key of the field (not the total) the criterion's points belong to.</param>
/// <param name="Maximum">The most it can score; null when no source gives it (bounded by its component's).</param>
public sealed record CriterionDefinition(string Id, string Component, double? Maximum, string? NameEn = null, string? NameVi = null);
