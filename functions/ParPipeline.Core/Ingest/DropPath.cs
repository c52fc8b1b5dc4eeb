using System.Globalization;
using ParPipeline.Indices;
using ParPipeline.Storage;

namespace ParPipeline.Ingest;

/// <summary>Reads <c>{index}/{year}/{file}</c>, the layout of <c>ministry-drops</c>, e.g. <c>PAR/2023/par-2023.xlsx</c>.</summary>
public static class DropPath
{
    public static (IndexDefinition? Index, IndexYear? IndexYear, IngestProblem? Problem) Parse(string blobName, IndexCatalog catalog)
    {
        var parts = blobName.Split('/');
        if (parts.Length != 3 || parts[2].Length == 0)
        {
            return (null, null, FileProblem(ProblemCodes.BadDropPath,
                $"Drop '{blobName}' is not in the layout {{index}}/{{year}}/{{file}}, e.g. PAR/2023/par-2023.xlsx."));
        }
        var index = catalog.Find(parts[0]);
        if (index is null)
        {
            return (null, null, FileProblem(ProblemCodes.UnknownIndex,
                $"Index '{parts[0]}' is not known; expected one of {string.Join(", ", catalog.All.Select(d => d.Code).Order(StringComparer.Ordinal))}."));
        }
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return (null, null, FileProblem(ProblemCodes.BadDropPath, $"Year '{parts[1]}' is not a four-digit year."));
        }
        return (index, new IndexYear(index.Code, year), null);
    }

    private static IngestProblem FileProblem(string code, string message) => new(null, null, null, code, message);
}
