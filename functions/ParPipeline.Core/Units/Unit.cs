namespace ParPipeline.Units;

/// <summary>A province or centrally governed city as it stood before the 2025-07-01 reorganisation.</summary>
/// <param name="Code">Statistics-office code, two digits (Ha Noi 01, Da Nang 48, Ca Mau 96).</param>
/// <param name="Region">Socio-economic region (six-region scheme), in Vietnamese.</param>
/// <param name="SuccessorCode">The code of the unit it belongs to from 2025-07-01 (itself when unchanged).</param>
public sealed record Unit(
    string Code, string NameVi, string NameEn, string Region, bool CentrallyGoverned, string SuccessorCode, IReadOnlyList<string> Variants);
