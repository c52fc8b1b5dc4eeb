using System.Globalization;
using System.Text;
using MiniExcelLibs;
using ParPipeline.Units;

namespace ParPipeline.TestInputs;

/// <summary>
/// The benchmark's inputs, the same bytes every run (fixed seeds): a provincial year of 63 rows and
/// criterion-level long-format files (Tỉnh, Năm, Tiêu chí, Điểm) as csv and xlsx, cached under bench/.data.
/// </summary>
public sealed class InputGenerator(string folder, Gazetteer gazetteer)
{
    public const int Year = 2023;
    private const int Seed = 20_231;

    private IReadOnlyList<Unit> Provinces => gazetteer.UnitsFor(UnitKind.Province, Year);

    /// <summary>A PAR year of the 63 provinces; <paramref name="variant"/> changes the scores (a new version).</summary>
    public byte[] ProvincialYear(int variant = 0)
    {
        var random = new Random(Seed + variant);
        var rows = Provinces.Select((u, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Tỉnh, thành phố"] = u.NameVi,
            ["Chỉ số CCHC"] = Math.Round(70 + random.NextDouble() * 25, 2),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: true, sheetName: "PAR INDEX 2023", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The path of a long-format file of <paramref name="rows"/> rows, written on first use.</summary>
    public async Task<string> CriteriaAsync(int rows, string extension, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"criteria-{rows}.{extension}");
        if (File.Exists(path))
        {
            return path;
        }
        var partial = path + ".partial";
        if (extension == "csv")
        {
            await using var writer = new StreamWriter(partial, false, new UTF8Encoding(true));
            await writer.WriteLineAsync("Tỉnh,Năm,Tiêu chí,Điểm");
            foreach (var (unit, criterion, score) in CriteriaRows(rows))
            {
                await writer.WriteLineAsync($"{unit},{Year},{criterion},{score.ToString(CultureInfo.InvariantCulture)}");
            }
        }
        else
        {
            await using var stream = File.Create(partial);
            var records = CriteriaRows(rows).Select(r => new Dictionary<string, object?>
            {
                ["Tỉnh"] = r.Unit,
                ["Năm"] = Year,
                ["Tiêu chí"] = r.Criterion,
                ["Điểm"] = r.Score,
            });
            await stream.SaveAsAsync(records, printHeader: true, sheetName: "Tiêu chí", excelType: ExcelType.XLSX, cancellationToken: ct);
        }
        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>Row i is province i mod 63, criterion i div 63: every province present, no criterion twice.</summary>
    private IEnumerable<(string Unit, string Criterion, double Score)> CriteriaRows(int rows)
    {
        var random = new Random(Seed + rows);
        var provinces = Provinces;
        for (var i = 0; i < rows; i++)
        {
            yield return (provinces[i % provinces.Count].NameVi, $"TC{i / provinces.Count + 1:00000}", Math.Round(random.NextDouble() * 10, 2));
        }
    }
}
