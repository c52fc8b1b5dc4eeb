using ParPipeline.Storage;

namespace ParPipeline.Reports;

/// <summary>An index-year whose reports were (re)written, and the blob paths written.</summary>
public sealed record PublishedReport(IndexYear IndexYear, string RankingHash, IReadOnlyList<string> Files);
