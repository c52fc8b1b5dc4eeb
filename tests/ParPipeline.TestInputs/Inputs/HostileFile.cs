namespace ParPipeline.TestInputs;

/// <summary>Where a rejection must point: the file as a whole, a sheet (and column), or a cell (sheet, row, column).</summary>
public enum ProblemPlace
{
    File,
    Sheet,
    Cell,
}

/// <summary>A file the pipeline must refuse: its drop name, its bytes, the codes that may name the first problem, and where.</summary>
public sealed record HostileFile(string Name, byte[] Bytes, IReadOnlyList<string> Codes, ProblemPlace Place, string What)
{
    public override string ToString() => What;
}
