namespace ParPipeline.Indices;

/// <summary>The index definitions: one embedded JSON file per index under <c>Indices/Definitions</c>, and any in
/// <see cref="IndexOptions.DefinitionsDirectory"/>.</summary>
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

    public static IndexCatalog LoadEmbedded() => Load(null);

    /// <summary>
    /// The embedded definitions and every <c>*.json</c> in <paramref name="directory"/> (when given), each checked by
    /// <see cref="IndexDefinitionReader"/>. An index code defined twice is an error naming both files.
    /// </summary>
    public static IndexCatalog Load(string? directory)
    {
        var assembly = typeof(IndexCatalog).Assembly;
        var definitions = new List<(string File, IndexDefinition Definition)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ParPipeline.Indices.Definitions.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            definitions.Add((name, IndexDefinitionReader.Read(name, buffer.ToArray())));
        }
        if (!string.IsNullOrWhiteSpace(directory))
        {
            if (!Directory.Exists(directory))
            {
                throw new IndexDefinitionException(directory, nameof(IndexOptions.DefinitionsDirectory), "is not a folder (setting Indices__DefinitionsDirectory)");
            }
            foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                definitions.Add((file, IndexDefinitionReader.Read(file, File.ReadAllBytes(file))));
            }
        }
        foreach (var twice in definitions.GroupBy(d => d.Definition.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw new IndexDefinitionException(twice.Last().File, "code", $"'{twice.Key}' is already defined by {twice.First().File}");
        }
        return new IndexCatalog(definitions.Select(d => d.Definition));
    }
}
