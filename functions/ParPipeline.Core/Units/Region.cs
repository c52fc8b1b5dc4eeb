namespace ParPipeline.Units;

/// <summary>A socio-economic region (six-region scheme).</summary>
public sealed record Region(string NameVi, string NameEn);
