namespace ParPipeline.Criteria;

/// <summary>A criterion and a number of points (always positive: how many were lost, or gained).</summary>
public sealed record CriterionPoints(string Criterion, string? Component, double Points);

/// <summary>
/// Where a unit lost points in an index-year, criterion by criterion: below each criterion's maximum (where the
/// definition gives one), behind each criterion's leader, and since the year before (with what was gained), each
/// list largest first. The lists since the year before are empty when there is no like-for-like year before.
/// </summary>
public sealed record PointsLost(
    IReadOnlyList<CriterionPoints> BelowMaximum,
    IReadOnlyList<CriterionPoints> BelowLeader,
    IReadOnlyList<CriterionPoints> SinceLastYear,
    IReadOnlyList<CriterionPoints> GainedSinceLastYear)
{
    /// <param name="before">The unit's places in the year before; null when there is no like-for-like year before.</param>
    public static PointsLost Of(IReadOnlyList<CriterionPlace> now, IReadOnlyList<CriterionPlace>? before, bool higherIsBetter)
    {
        static List<CriterionPoints> Largest(IEnumerable<CriterionPoints> items) =>
            [.. items.Where(i => i.Points > 0).OrderByDescending(i => i.Points).ThenBy(i => i.Criterion, CriteriaTable.Order)];
        var changes = Changes(now, before, higherIsBetter);
        return new PointsLost(
            Largest(now.Where(c => c.BelowMaximum is not null).Select(c => new CriterionPoints(c.Criterion, c.Component, c.BelowMaximum!.Value))),
            Largest(now.Select(c => new CriterionPoints(c.Criterion, c.Component, c.GapToLeader))),
            Largest(changes.Select(c => c with { Points = -c.Points })),
            Largest(changes));
    }

    /// <summary>Each criterion both years share, with its change in points: positive is better, whichever the direction.</summary>
    public static IReadOnlyList<CriterionPoints> Changes(IReadOnlyList<CriterionPlace> now, IReadOnlyList<CriterionPlace>? before, bool higherIsBetter)
    {
        if (before is null)
        {
            return [];
        }
        var previous = before.ToDictionary(c => c.Criterion, c => c.Score, StringComparer.Ordinal);
        var sign = higherIsBetter ? 1 : -1;
        return [.. now.Where(c => previous.ContainsKey(c.Criterion))
            .Select(c => new CriterionPoints(c.Criterion, c.Component, Math.Round(sign * (c.Score - previous[c.Criterion]), 6)))];
    }
}
