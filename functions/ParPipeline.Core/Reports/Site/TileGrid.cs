using System.Globalization;

namespace ParPipeline.Reports.Site;

/// <summary>
/// The tile-grid layout of the provinces (<c>tile-grid.csv</c>, made by samples/tools/make_tile_grid.py from
/// the capitals' positions): one square per unit, placed by geography, one layout for the 63 provinces (to
/// 2024) and one for the 34 units from 2025.
/// </summary>
public sealed class TileGrid
{
    private readonly Dictionary<(int Era, string Code), (int Col, int Row)> _cells;

    private TileGrid(Dictionary<(int, string), (int, int)> cells) => _cells = cells;

    public static TileGrid Embedded { get; } = Load();

    /// <summary>The layout year of an index year: 2024 for the 63 provinces, 2025 for the 34 units.</summary>
    public static int EraOf(int year) => year >= Units.Gazetteer.ReorganisationYear ? Units.Gazetteer.ReorganisationYear : Units.Gazetteer.ReorganisationYear - 1;

    public (int Col, int Row)? Cell(int year, string code) => _cells.TryGetValue((EraOf(year), code), out var cell) ? cell : null;

    public IEnumerable<(string Code, int Col, int Row)> Era(int year) =>
        _cells.Where(c => c.Key.Era == EraOf(year)).Select(c => (c.Key.Code, c.Value.Col, c.Value.Row));

    private static TileGrid Load()
    {
        using var stream = typeof(TileGrid).Assembly.GetManifestResourceStream("ParPipeline.Reports.Site.tile-grid.csv")
            ?? throw new InvalidOperationException("tile-grid.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var cells = new Dictionary<(int, string), (int, int)>();
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            cells[(int.Parse(f[0], CultureInfo.InvariantCulture), f[1])] = (int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture));
        }
        return new TileGrid(cells);
    }
}
