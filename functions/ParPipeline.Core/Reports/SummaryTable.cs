using ParPipeline.Indices;

namespace ParPipeline.Reports;

/// <summary>
/// The ranked table as flat rows (one per unit, best first), the same for the CSV and the XLSX report:
/// national, regional and city ranks, movement, and each field's score and rank.
/// </summary>
public static class SummaryTable
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows) Build(IReadOnlyList<Ranking.UnitRanking> units, IndexDefinition? index)
    {
        var fieldKeys = units.SelectMany(u => u.Fields.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(k => index?.Fields.ToList().FindIndex(f => f.Key == k) ?? 0).ToList();
        string FieldName(string key) => index?.Field(key)?.NameEn ?? key;
        var header = new List<string>
        {
            "Rank", "Of", "Code", "Unit", "Score", "Region", "Region rank", "Region of", "City group rank", "City group of",
            "Points change", "Places change", "Previous score", "Previous rank", "First year", "Like for like",
        };
        foreach (var key in fieldKeys)
        {
            header.Add(FieldName(key));
            header.Add($"{FieldName(key)} rank");
        }
        var rows = units.Select(u =>
        {
            var row = new List<object?>
            {
                u.Rank, u.Of, u.UnitCode, u.UnitName, u.Score, u.Region?.Group, u.Region?.Rank, u.Region?.Of, u.CityGroup?.Rank, u.CityGroup?.Of,
                u.Movement?.PointsChange, u.Movement?.PlacesChange, u.Movement?.PreviousScore, u.Movement?.PreviousRank,
                u.FirstYear ? "yes" : "no", u.LikeForLike ? "yes" : "no",
            };
            foreach (var key in fieldKeys)
            {
                row.Add(u.Fields.TryGetValue(key, out var place) ? place.Score : null);
                row.Add(u.Fields.TryGetValue(key, out var ranked) ? ranked.Rank : null);
            }
            return row.ToArray();
        }).ToList();
        return (header, rows);
    }
}
