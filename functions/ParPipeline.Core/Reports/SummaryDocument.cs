using ParPipeline.Ranking;

namespace ParPipeline.Reports;

/// <summary>The content of <c>summary.json</c>: the ranked table and every unit's narrative in both languages.</summary>
public sealed record SummaryDocument(string Index, string IndexName, int Year, string ScoreVersion, string RankingHash, IReadOnlyList<UnitRanking> Units)
{
    public IReadOnlyList<UnitNarrativeText> Narratives { get; init; } = [];

    /// <summary>The opening paragraph, in English and Vietnamese.</summary>
    public UnitNarrativeText? Overview { get; init; }
}

/// <summary>One unit's narrative, in English and Vietnamese.</summary>
public sealed record UnitNarrativeText(string UnitCode, string En, string Vi);
