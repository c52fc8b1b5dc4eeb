namespace ParPipeline.Ranking;

/// <summary>
/// A unit's place in one ranking: rank of N (equal scores share a rank), the leader of that ranking and how far
/// behind it the unit is (0 for the leader).
/// </summary>
/// <param name="Group">What is ranked: "national", a region's name, "centrally governed cities", or a field key.</param>
public sealed record Place(string Group, double Score, int Rank, int Of, string LeaderCode, string LeaderName, double LeaderScore, double GapToLeader);
