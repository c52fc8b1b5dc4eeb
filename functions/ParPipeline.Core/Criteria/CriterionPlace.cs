namespace ParPipeline.Criteria;

/// <summary>A unit's score on one criterion of an annex, its rank among the units, and the leader's score.</summary>
/// <param name="Component">The key of the field the criterion counts towards, when the index's definition says.</param>
/// <param name="Maximum">The criterion's own maximum, when the definition gives one.</param>
/// <param name="Of">How many units the annex scores on this criterion.</param>
public sealed record CriterionPlace(string Criterion, string? Component, double Score, double? Maximum, int Rank, int Of, double LeaderScore)
{
    /// <summary>Points behind the leader, 0 for the leader (either direction of index).</summary>
    public double GapToLeader => Math.Round(Math.Abs(LeaderScore - Score), 6);

    /// <summary>Points below the criterion's maximum; null when no maximum is known.</summary>
    public double? BelowMaximum => Maximum is { } m ? Math.Round(m - Score, 6) : null;
}
