namespace ParPipeline.Units;

/// <summary>What a name in a ministry file resolved to: one unit, or why not (in English and Vietnamese), with the
/// closest known names.</summary>
public sealed record UnitResolution(Unit? Unit, string? Problem, string? ProblemVi, IReadOnlyList<Unit> Closest)
{
    public bool Resolved => Unit is not null;

    /// <summary>The problem as one sentence, naming the closest known units; the name quoted as <see cref="DisplayText.Cell"/> does.</summary>
    public string Describe(string text) =>
        $"'{DisplayText.Cell(text)}' {Problem}" + (Closest.Count > 0 ? $"; closest known: {Names}." : ".");

    /// <summary>The same sentence in Vietnamese.</summary>
    public string DescribeVi(string text) =>
        $"'{DisplayText.Cell(text)}' {ProblemVi}" + (Closest.Count > 0 ? $"; tên gần nhất: {Names}." : ".");

    private string Names => string.Join(", ", Closest.Select(u => $"{u.NameVi} ({u.Code})"));
}
