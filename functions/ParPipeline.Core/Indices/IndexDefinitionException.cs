namespace ParPipeline.Indices;

/// <summary>A definition file the catalog cannot take: which file, which field (a JSON path), and why.</summary>
public sealed class IndexDefinitionException(string file, string field, string reason)
    : Exception($"Index definition {file}, {field}: {reason}")
{
    public string File { get; } = file;

    public string Field { get; } = field;
}
