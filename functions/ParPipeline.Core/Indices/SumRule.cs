namespace ParPipeline.Indices;

/// <summary>Fields that add up to another (appraisal + survey = total), checked when a file has them all.</summary>
public sealed record SumRule(string Total, IReadOnlyList<string> Parts);
