namespace ParPipeline.Indices;

/// <summary>An index as data: what it scores, out of how much, at what precision, which way is better.</summary>
/// <param name="Code">The index code used in blob paths, partition keys and routes (PAR, SIPAS, PAR-MINISTRIES).</param>
/// <param name="Decimals">The published precision: rankings compare scores rounded to it.</param>
/// <param name="UnitHeaders">Header synonyms (Vietnamese and English) of the column naming the unit.</param>
/// <param name="TotalHeaders">Header synonyms of the column holding the total score.</param>
public sealed record IndexDefinition(
    string Code, string NameEn, string NameVi, string UnitKind, double Maximum, int Decimals, bool HigherIsBetter,
    IReadOnlyList<string> UnitHeaders, IReadOnlyList<string> TotalHeaders, string Source);
