namespace ParPipeline.Indices;

/// <summary>How an annex's criterion cell is matched to a definition's criterion: by id, or by name.</summary>
public static class CriterionKeys
{
    /// <summary>An id as matched: lower case, without spaces ("Tiêu chí 2.3" is a name, "2. 3" is "2.3").</summary>
    public static string Id(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    public static (IReadOnlyDictionary<string, CriterionDefinition> Ids, IReadOnlyDictionary<string, CriterionDefinition> Names) Build(IReadOnlyList<CriterionDefinition> criteria)
    {
        var ids = new Dictionary<string, CriterionDefinition>(StringComparer.Ordinal);
        var names = new Dictionary<string, CriterionDefinition>(StringComparer.Ordinal);
        foreach (var criterion in criteria)
        {
            ids.TryAdd(Id(criterion.Id), criterion);
            foreach (var name in new[] { criterion.NameEn, criterion.NameVi }.OfType<string>())
            {
                names.TryAdd(Ingest.HeaderText.Key(name), criterion);
            }
        }
        return (ids, names);
    }
}
