using ParPipeline.Indices;
using ParPipeline.Ranking;

namespace ParPipeline.Reports.Site;

/// <summary>One published index-year as the site shows it: the definition, the ranked units, and the texts.</summary>
public sealed record SiteEdition(IndexDefinition Index, int Year, IReadOnlyList<UnitRanking> Units, UnitNarrativeText? Overview, IReadOnlyList<UnitNarrativeText> Narratives)
{
    public UnitRanking? Find(string code) => Units.FirstOrDefault(u => u.UnitCode == code);

    /// <summary>The current criteria annex ranked; null when none was ingested or it is too large to draw.</summary>
    public Criteria.CriteriaTable? Criteria { get; init; }

    /// <summary>Rows of the current annex, drawn or not; 0 without one.</summary>
    public long CriteriaRows { get; init; }

    public UnitNarrativeText? NarrativeOf(string code) => Narratives.FirstOrDefault(n => n.UnitCode == code);

    /// <summary>No unit of this edition has a previous-year result: is that because the index began this year?</summary>
    public bool IndexBeganThisYear => Index.FirstYear == Year;
}
