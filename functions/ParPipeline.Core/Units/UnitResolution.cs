namespace ParPipeline.Units;

/// <summary>What a name in a ministry file resolved to: one unit, or why not, with the closest known names.</summary>
public sealed record UnitResolution(Unit? Unit, string? Problem, IReadOnlyList<Unit> Closest)
{
    public bool Resolved => Unit is not null;

    /// <summary>The problem as one sentence, naming the closest known units.</summary>
    public string Describe(string text) =>
        $"'{text}' {Problem}" + (Closest.Count > 0 ? $"; closest known: {string.Join(", ", Closest.Select(u => $"{u.NameVi} ({u.Code})"))}." : ".");
}
