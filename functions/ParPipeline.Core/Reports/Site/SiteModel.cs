using ParPipeline.Units;

namespace ParPipeline.Reports.Site;

/// <summary>A unit's page: its key (file name), code, kind and the years it covers.</summary>
public sealed record UnitPageKey(string Key, string Code, UnitKind Kind, int FromYear, int ToYear)
{
    public bool Covers(int year) => year >= FromYear && year <= ToYear;

    /// <summary>Whether a unit's era (its first to its last index year) shares a year with the page's.</summary>
    public bool Overlaps(Units.Unit unit) => unit.FromYear <= ToYear && (unit.ToYear ?? int.MaxValue) >= FromYear;

    /// <summary>A year inside the page's era, for its name: 2025 for a merged unit, 2024 before, else none.</summary>
    public int? NameYear => FromYear != int.MinValue ? FromYear : ToYear != int.MaxValue ? ToYear : null;
}

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

    /// <summary>The indices with at least one edition: provinces' before ministries', then the one with the most years
    /// published first (PAR before SIPAS before an index added last year), then by code.</summary>
    public IReadOnlyList<Indices.IndexDefinition> Indices =>
        [.. Editions.GroupBy(e => e.Index.Code).Select(g => (g.First().Index, Years: g.Count()))
            .OrderBy(i => i.Index.UnitKind).ThenByDescending(i => i.Years).ThenBy(i => i.Index.Code, StringComparer.Ordinal).Select(i => i.Index)];

    public IReadOnlyList<SiteEdition> EditionsOf(string index) => [.. Editions.Where(e => e.Index.Code == index)];

    /// <summary>Every unit page: one per unit ranked in any edition, in the era it existed (see <see cref="PageOf"/>).</summary>
    public IReadOnlyList<UnitPageKey> UnitPages => _unitPages ??=
        [.. Editions.SelectMany(e => e.Units.Select(u => KeyOf(u.UnitCode, e.Index.UnitKind, e.Year))).Distinct()
            .OrderBy(p => p.Kind).ThenBy(p => p.Key, StringComparer.Ordinal)];

    private IReadOnlyList<UnitPageKey>? _unitPages;
    private ILookup<(UnitKind, string), UnitPageKey>? _pagesByName;

    /// <summary>
    /// The page of a unit in a year: its code, except for a unit formed on 2025-07-01 by merging provinces, whose
    /// page is <c>{code}-2025</c>. Its history begins then: the province that had the code before (Kiên Giang's 91,
    /// now An Giang's) keeps its own page, and the merged unit's trend never joins two different units' scores.
    /// </summary>
    public string PageOf(string code, UnitKind kind, int year) => KeyOf(code, kind, year).Key;

    public UnitPageKey KeyOf(string code, UnitKind kind, int year)
    {
        const int split = Gazetteer.ReorganisationYear;
        var merged = kind == UnitKind.Province && Gazetteer.Find(kind, split, code) is { IsMerged: true };
        return !merged ? new UnitPageKey(code, code, kind, int.MinValue, int.MaxValue)
            : year >= split ? new UnitPageKey($"{code}-{split}", code, kind, split, int.MaxValue)
            : new UnitPageKey(code, code, kind, int.MinValue, split - 1);
    }

    /// <summary>The unit's name in a language, in the newest era it existed in (Huế rather than Thừa Thiên Huế).</summary>
    public string NameOf(string code, UnitKind kind, SiteLanguage language, int? year = null)
    {
        var unit = (year is { } y ? Gazetteer.Find(kind, y, code) : null)
            ?? Gazetteer.Units.Where(u => u.Kind == kind && u.Code == code).OrderByDescending(u => u.FromYear).FirstOrDefault();
        if (unit is not null)
        {
            return language == SiteLanguage.Vi ? unit.NameVi : unit.NameEn;
        }
        // Not in the gazetteer (a unit only a file names): the name the ranking kept.
        return Editions.Where(e => e.Index.UnitKind == kind).Select(e => e.Find(code)).FirstOrDefault(u => u is not null)?.UnitName ?? code;
    }

    /// <summary>"đến 2024" / "to 2024" for a province that ended with the 2025 reorganisation, "từ 2025" / "from 2025"
    /// for a unit formed then; null for a unit whose page spans both eras unchanged, and for ministries.</summary>
    public string? EraLabel(UnitPageKey page, SiteLanguage language)
    {
        const int split = Gazetteer.ReorganisationYear;
        var vi = language == SiteLanguage.Vi;
        var label = page.Kind != UnitKind.Province ? null
            : page.FromYear == split ? (vi ? $"từ {split}" : $"from {split}")
            : page.ToYear == split - 1 || Gazetteer.Find(page.Kind, split, page.Code) is null ? (vi ? $"đến {split - 1}" : $"to {split - 1}")
            : null;
        if (label is null)
        {
            return null;
        }
        // Said only where the site has another page it could be mistaken for: the same code in the other era, or
        // the same name (An Giang to 2024, An Giang from 2025). With no 2025 data it would be noise on every page.
        _pagesByName ??= UnitPages.ToLookup(p => (p.Kind, NameOf(p.Code, p.Kind, SiteLanguage.Vi, p.NameYear)));
        var twins = UnitPages.Any(p => p != page && p.Kind == page.Kind && p.Code == page.Code)
            || _pagesByName[(page.Kind, NameOf(page.Code, page.Kind, SiteLanguage.Vi, page.NameYear))].Count() > 1;
        return twins ? label : null;
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
