namespace ParPipeline.Indices;

/// <summary>Settings under <c>Indices</c> (app setting <c>Indices__DefinitionsDirectory</c>).</summary>
public sealed class IndexOptions
{
    public const string Section = "Indices";

    /// <summary>
    /// A folder of index definitions (<c>*.json</c>) read beside the embedded ones: a new index such as PCI or PAPI is
    /// a file here, no build. Null or empty: the embedded definitions alone.
    /// </summary>
    public string? DefinitionsDirectory { get; set; }
}
