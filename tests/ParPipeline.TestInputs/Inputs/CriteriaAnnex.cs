using System.Globalization;
using System.Text;
using ParPipeline.Units;

namespace ParPipeline.TestInputs;

/// <summary>Made-up long-format criteria annexes (unit; year; criterion; score, decimal comma) for every province of a year.</summary>
public static class CriteriaAnnex
{
    /// <summary>The PAR annex the seeds ingest: criteria 1.1, 1.2 and 1.10 (so natural order is seen), criterion i of a
    /// province scoring 0.5 + ((code × 7 + i × step) mod 10) / 4.</summary>
    public static string Par(int year, int step)
    {
        var annex = new StringBuilder("Tỉnh;Năm;Tiêu chí;Điểm\n");
        foreach (var (unit, _) in ProvinceTable.Scores(year))
        {
            foreach (var (criterion, i) in new[] { ("1.1", 1), ("1.2", 2), ("1.10", 3) })
            {
                annex.Append(unit.NameVi).Append(';').Append(year).Append(';').Append(criterion).Append(';').Append(Vi(ParScore(unit.Code, i, step))).Append('\n');
            }
        }
        return annex.ToString();
    }

    /// <summary>What <see cref="Par"/> gives a unit on criterion number <paramref name="i"/> (1, 2, 3 for 1.1, 1.2, 1.10).</summary>
    public static double ParScore(string code, int i, int step) => Math.Round(0.5 + (int.Parse(code, CultureInfo.InvariantCulture) * 7 + i * step) % 10 / 4.0, 2);

    /// <summary>An annex of any rows: (unit name, criterion, score).</summary>
    public static string Of(int year, IEnumerable<(string Unit, string Criterion, double Score)> rows)
    {
        var annex = new StringBuilder("Tỉnh;Năm;Tiêu chí;Điểm\n");
        foreach (var (unit, criterion, score) in rows)
        {
            annex.Append(unit).Append(';').Append(year).Append(';').Append(criterion).Append(';').Append(Vi(score)).Append('\n');
        }
        return annex.ToString();
    }

    public static IReadOnlyList<Unit> Provinces(int year) => [.. ProvinceTable.Scores(year).Select(s => s.Unit)];

    private static string Vi(double value) => value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
