namespace ParPipeline.Storage;

/// <summary>The pointer to an index-year's current criterion scores: which file version, how many rows and units.</summary>
public sealed record CriteriaVersion(IndexYear IndexYear, string Version, string DataHash, long Rows, int Units);
