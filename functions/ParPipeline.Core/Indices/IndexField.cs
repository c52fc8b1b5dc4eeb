namespace ParPipeline.Indices;

/// <summary>One scored column of an index: the total, a part of it, or a component.</summary>
/// <param name="Key">Stable name, used as the Scores table property (in PascalCase) and in JSON.</param>
/// <param name="Maximum">Published maximum; null when no source gives it (bounded by the total's maximum).</param>
/// <param name="Required">A file without this column is rejected.</param>
/// <param name="Headers">Header synonyms, Vietnamese and English, as ministry files write them.</param>
public sealed record IndexField(string Key, string NameEn, string NameVi, double? Maximum, bool Required, IReadOnlyList<string> Headers)
{
    /// <summary>The synonyms folded once, as header cells are matched against them (folding is the costly part).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> HeaderKeys { get; } = [.. Headers.Select(Ingest.HeaderText.Key)];
}
