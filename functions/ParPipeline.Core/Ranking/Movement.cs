namespace ParPipeline.Ranking;

/// <summary>Year-on-year movement, positive = improved: +1.14 points, -7 places ("down 7 places").</summary>
public sealed record Movement(int PreviousYear, double PreviousScore, int PreviousRank, int PreviousOf, double PointsChange, int PlacesChange);
