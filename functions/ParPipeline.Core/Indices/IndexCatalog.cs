using System.Text.Json;

namespace ParPipeline.Indices;

/// <summary>The index definitions, one embedded JSON file per index under <c>Indices/Definitions</c>.</summary>
public sealed class IndexCatalog(IEnumerable<IndexDefinition> definitions)
{
    private readonly Dictionary<string, IndexDefinition> _byCode =
        definitions.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IndexDefinition> All => _byCode.Values;

    public IndexDefinition? Find(string code) => _byCode.GetValueOrDefault(code);

    public static IndexCatalog LoadEmbedded()
    {
        var assembly = typeof(IndexCatalog).Assembly;
        var definitions = new List<IndexDefinition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ParPipeline.Indices.Definitions.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            definitions.Add(JsonSerializer.Deserialize<IndexDefinition>(stream, PipelineJson.Options)
                ?? throw new InvalidOperationException($"Index definition {name} is empty."));
        }
        return new IndexCatalog(definitions);
    }
}
