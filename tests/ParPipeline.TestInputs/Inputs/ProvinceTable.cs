using ParPipeline.Units;

namespace ParPipeline.TestInputs;

/// <summary>Complete province tables for tests: every unit of the year once, with simple made-up scores.</summary>
public static class ProvinceTable
{
    public static readonly Gazetteer Gazetteer = Gazetteer.LoadEmbedded();

    /// <summary>Rows (name, score) for every province of a year: scores 90.00, 89.90, ... by code order.</summary>
    public static List<(Unit Unit, double Score)> Scores(int year = 2023) =>
        [.. Gazetteer.UnitsFor(UnitKind.Province, year).Select((u, i) => (u, Math.Round(90 - i * 0.1, 2)))];

    /// <summary>A csv of every province of the year under the given header, with rows changed by <paramref name="edit"/>.</summary>
    public static string Csv(string header, int year = 2023, Func<Unit, double, string?>? edit = null)
    {
        var lines = new List<string> { header };
        foreach (var (unit, score) in Scores(year))
        {
            var line = edit is null ? $"{unit.NameVi},{score.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : edit(unit, score);
            if (line is not null)
            {
                lines.Add(line);
            }
        }
        return string.Join("\n", lines) + "\n";
    }
}
