using ParPipeline.Units;

namespace ParPipeline.Reports.Site;

/// <summary>Everything the site is drawn from: every published edition, and the gazetteer for names and places.</summary>
public sealed class SiteModel
{
    public SiteModel(IEnumerable<SiteEdition> editions, Gazetteer gazetteer)
    {
        Editions = [.. editions.OrderBy(e => e.Index.Code, StringComparer.Ordinal).ThenByDescending(e => e.Year)];
        Gazetteer = gazetteer;
    }

    /// <summary>By index code, then newest year first.</summary>
    public IReadOnlyList<SiteEdition> Editions { get; }

    public Gazetteer Gazetteer { get; }

    /// <summary>The indices with at least one edition, provinces' before ministries', PAR before SIPAS.</summary>
    public IReadOnlyList<Indices.IndexDefinition> Indices =>
        [.. Editions.Select(e => e.Index).DistinctBy(i => i.Code).OrderBy(i => i.UnitKind).ThenBy(i => i.Code, StringComparer.Ordinal)];

    public IReadOnlyList<SiteEdition> EditionsOf(string index) => [.. Editions.Where(e => e.Index.Code == index)];

    /// <summary>Every unit code ranked in any edition, with its kind.</summary>
    public IReadOnlyList<(string Code, UnitKind Kind)> UnitCodes =>
        [.. Editions.SelectMany(e => e.Units.Select(u => (u.UnitCode, e.Index.UnitKind))).Distinct().OrderBy(c => c.Item2).ThenBy(c => c.Item1, StringComparer.Ordinal)];

    /// <summary>The unit's name in a language, in the newest era it existed in (Huế rather than Thừa Thiên Huế).</summary>
    public string NameOf(string code, UnitKind kind, SiteLanguage language, int? year = null)
    {
        var unit = (year is { } y ? Gazetteer.Find(kind, y, code) : null)
            ?? Gazetteer.Units.Where(u => u.Kind == kind && u.Code == code).OrderByDescending(u => u.FromYear).FirstOrDefault();
        var ranked = Editions.Where(e => e.Index.UnitKind == kind).Select(e => e.Find(code)).FirstOrDefault(u => u is not null);
        return unit is null ? ranked?.UnitName ?? code : language == SiteLanguage.Vi ? unit.NameVi : unit.NameEn;
    }

    public string RegionName(string regionVi, SiteLanguage language) =>
        language == SiteLanguage.Vi ? regionVi : Gazetteer.Regions.FirstOrDefault(r => r.NameVi == regionVi)?.NameEn ?? regionVi;

    /// <summary>Regions north to south, the order of the gazetteer's region table.</summary>
    public int RegionOrder(string regionVi)
    {
        var index = Gazetteer.Regions.ToList().FindIndex(r => r.NameVi == regionVi);
        return index < 0 ? int.MaxValue : index;
    }
}
