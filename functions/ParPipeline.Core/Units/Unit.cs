namespace ParPipeline.Units;

/// <summary>A province, centrally governed city or ministry, in the era it existed.</summary>
/// <param name="Code">Provinces: statistics-office code (Ha Noi 01, Da Nang 48, Ca Mau 96); ministries: an acronym (MOJ).</param>
/// <param name="Region">Socio-economic region, in Vietnamese; null for ministries.</param>
/// <param name="CentrallyGoverned">One of the centrally governed cities of its era.</param>
/// <param name="FromYear">First index year it is ranked in (2025 for the 34 units of the reorganisation).</param>
/// <param name="ToYear">Last index year it is ranked in (2024 for the 63 provinces); null while it exists.</param>
/// <param name="PredecessorCodes">For a 2025 unit: the pre-2025 provinces it was formed from (itself alone when unchanged).</param>
/// <param name="SuccessorCode">For a pre-2025 province: the code of the 2025 unit it belongs to.</param>
public sealed record Unit(
    string Code,
    string NameVi,
    string NameEn,
    UnitKind Kind,
    string? Region,
    bool CentrallyGoverned,
    int FromYear,
    int? ToYear,
    IReadOnlyList<string> Variants,
    IReadOnlyList<string> PredecessorCodes,
    string? SuccessorCode)
{
    public bool ExistsIn(int year) => year >= FromYear && (ToYear is null || year <= ToYear);

    /// <summary>A 2025 unit formed from more than one province: its history is not like-for-like.</summary>
    public bool IsMerged => PredecessorCodes.Count > 1;
}
