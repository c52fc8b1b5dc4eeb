using System.Security.Cryptography;
using System.Text;
using ParPipeline.Indices;
using ParPipeline.Ingest;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>A drop read by the parser alone, as ingestion reads it before anything is stored: its path names the
/// index and year (or is refused), then its bytes are parsed.</summary>
public static class DropParser
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly WorkbookParser Parser = new(ProvinceTable.Gazetteer, Indices);

    public static ParsedWorkbook Parse(string name, byte[] bytes)
    {
        var (target, pathProblem) = DropTarget.Parse(name, Indices);
        return target is null
            ? ParsedWorkbook.Rejected(pathProblem!)
            : Parser.Parse(new DroppedFile(name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), target, CancellationToken.None);
    }

    public static ParsedWorkbook Parse(string name, string csv) => Parse(name, Encoding.UTF8.GetBytes(csv));
}
