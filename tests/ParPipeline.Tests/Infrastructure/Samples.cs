using ParPipeline.Local;

namespace ParPipeline.Tests.Infrastructure;

/// <summary>The bundled sample ministry files (samples/README.md says which values are published).</summary>
public static class Samples
{
    public static string Directory => Path.Combine(RepositoryRoot.Find(), "samples");

    public const string Par2023 = "PAR/2023/par-index-2023-provinces.xlsx";
    public const string Par2022 = "PAR/2022/par-index-2022-provinces.xlsx";
    public const string Par2021Xls = "PAR/2021/par-index-2021-provinces.xls";
    public const string Sipas2023 = "SIPAS/2023/sipas-2023.csv";
    public const string Sipas2022 = "SIPAS/2022/sipas-2022-en.csv";
    public const string Ministries2023 = "PAR-MINISTRIES/2023/par-index-2023-ministries.xlsx";

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static Stream Open(string name) => new MemoryStream(Bytes(name), writable: false);

    /// <summary>A sample's scores as the parser reads them (no storage): for the pure ranking and narrative tests.</summary>
    public static List<ParPipeline.Ranking.UnitScore> Scores(string name)
    {
        var indices = ParPipeline.Indices.IndexCatalog.LoadEmbedded();
        var bytes = Bytes(name);
        var (target, _) = ParPipeline.Ingest.DropTarget.Parse(name, indices);
        var file = new ParPipeline.Ingest.DroppedFile(name, bytes, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        var table = Assert.Single(new ParPipeline.Ingest.WorkbookParser(ProvinceTable.Gazetteer, indices).Parse(file, target!, CancellationToken.None).Tables);
        return [.. table.Units.Select(u => new ParPipeline.Ranking.UnitScore(u.Unit.Code, u.Unit.NameVi, u.Total, u.Values, u.PublishedRank))];
    }
}
