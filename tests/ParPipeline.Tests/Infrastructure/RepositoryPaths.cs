using ParPipeline.Local;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>Paths in the clone and in the build output of the projects under test.</summary>
public static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Find();

    /// <summary>Debug or Release, whichever this test assembly was built as.</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The files LibreOffice saved, with the script that made them (tests/.../Ingest/Office/corpus).</summary>
    public static string OfficeCorpus => Path.Combine(Root, "tests", "ParPipeline.Tests", "Ingest", "Office", "corpus");

    public static string FunctionsOutput =>
        Path.Combine(Root, "functions", "ParPipeline.Functions", "bin", Configuration, "net10.0");
}
