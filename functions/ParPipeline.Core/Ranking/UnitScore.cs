namespace ParPipeline.Ranking;

/// <summary>One unit's total in one index-year, with its other fields (appraisal, survey, components) by key
/// and the rank its file published, if any.</summary>
public sealed record UnitScore(string UnitCode, string UnitName, double Total, IReadOnlyDictionary<string, double>? Fields = null, int? PublishedRank = null);
