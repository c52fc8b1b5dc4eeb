using ParPipeline.Ranking;

namespace ParPipeline.Reports;

/// <summary>The content of <c>units/{code}.json</c>.</summary>
public sealed record UnitPageDocument(string Index, int Year, UnitRanking Unit, UnitNarrativeText? Narrative);
