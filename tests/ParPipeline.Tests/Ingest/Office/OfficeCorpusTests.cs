using System.Security.Cryptography;
using System.Text.Json;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest.Office;

/// <summary>
/// Files made by LibreOffice Calc itself (samples/tools/make_office_corpus.py: xlsx, xls, ods, csv in UTF-8 and in
/// Windows-1258), each read as the pipeline reads a drop and held to the outcome the generator states for it in
/// corpus/expected.json: every score, or exactly these problems at these cells, and exactly these warnings.
/// </summary>
public sealed class OfficeCorpusTests
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly WorkbookParser Parser = new(ProvinceTable.Gazetteer, Indices);
    private static readonly string Folder = RepositoryPaths.OfficeCorpus;
    private static readonly JsonElement Manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "expected.json"))).RootElement;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Manifest.GetProperty("files").EnumerateArray())
        {
            data.Add(file.GetProperty("file").GetString()!);
        }
        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_40_files_in_every_format_and_each_file_is_listed_once()
    {
        var listed = Manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToList();
        var onDisk = Directory.GetFiles(Folder).Select(Path.GetFileName).Where(n => n != "expected.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, listed.Order(StringComparer.Ordinal));
        Assert.True(listed.Count >= 40, $"{listed.Count} files");
        Assert.Equal(["cp1258.csv", "ods", "utf8.csv", "xls", "xlsx"],
            Manifest.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("format").GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.StartsWith("LibreOffice", Manifest.GetProperty("libreoffice").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_office_made_file_gives_exactly_its_expected_outcome(string name)
    {
        var entry = Manifest.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == name);
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        var drop = entry.GetProperty("drop").GetString()!;
        var (target, pathProblem) = DropTarget.Parse(drop, Indices);
        Assert.Null(pathProblem);
        var parsed = Parser.Parse(new DroppedFile(drop, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), target!, CancellationToken.None);

        if (entry.TryGetProperty("scores", out var scores))
        {
            Assert.Equal([], parsed.Problems.Select(p => p.ToString()));
            var table = Assert.Single(parsed.Tables);
            var expected = Manifest.GetProperty("scoreTables").GetProperty(scores.GetString()!).EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetDouble());
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), table.Units.Select(u => u.Unit.Code).Order(StringComparer.Ordinal));
            Assert.All(table.Units, u => Assert.Equal(expected[u.Unit.Code], u.Total, 9));
            Assert.Equal(entry.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!), table.Warnings.Select(w => w.Code));
        }
        else
        {
            var expected = entry.GetProperty("problems").EnumerateArray()
                .Select(p => (p.GetProperty("code").GetString()!, p.GetProperty("cell").ValueKind == JsonValueKind.Null ? null : p.GetProperty("cell").GetString()))
                .ToList();
            Assert.Empty(parsed.Tables);
            Assert.Equal(expected, parsed.Problems.Select(p => (p.Code, p.Cell)));
            Assert.All(parsed.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.MessageVi)));
        }
    }
}
