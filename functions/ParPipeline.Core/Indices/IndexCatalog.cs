using System.Text.Json;

namespace ParPipeline.Indices;

/// <summary>The index definitions, one embedded JSON file per index under <c>Indices/Definitions</c>.</summary>
public sealed class IndexCatalog
{
    private readonly Dictionary<string, IndexDefinition> _byCode;

    public IndexCatalog(IEnumerable<IndexDefinition> definitions)
    {
        _byCode = definitions.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var definition in _byCode.Values)
        {
            if (definition.Fields.Count(f => f.Key == IndexDefinition.TotalKey) != 1 ||
                definition.Sums.SelectMany(s => s.Parts.Append(s.Total)).Any(key => definition.Field(key) is null))
            {
                throw new InvalidOperationException($"Index definition {definition.Code} needs one 'total' field and sums over its own fields.");
            }
        }
    }

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
