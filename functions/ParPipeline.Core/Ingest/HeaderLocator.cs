using System.Globalization;
using ParPipeline.Indices;

namespace ParPipeline.Ingest;

/// <summary>
/// Finds an index's table among the first rows of a sheet: a row naming the unit column, and the index's
/// fields in it or, for a header of two or three rows, in merged cells above "Điểm" / "Xếp hạng" (score / rank)
/// columns (three: a group row such as "Chỉ số thành phần" over the fields' names over score and rank).
/// </summary>
public static class HeaderLocator
{
    public static SheetLayout? Find(IndexDefinition index, IReadOnlyList<object?[]> rows, IReadOnlyList<MergedRange> merges) =>
        FindInKeys(index, KeysOf(rows), merges);

    /// <summary>As above, over the rows' cells already folded with <see cref="HeaderText.Key"/> (<see cref="KeysOf"/>), so a
    /// sheet tried for several indices and layouts folds each cell once. Named apart from <see cref="Find"/>: rows of
    /// strings written in a test would otherwise bind here, unfolded, and match nothing.</summary>
    public static SheetLayout? FindInKeys(IndexDefinition index, IReadOnlyList<string[]> rows, IReadOnlyList<MergedRange> merges)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            var upper = rows[r];
            var unitColumn = BestColumn(upper, index.UnitHeaderKeys);
            if (unitColumn < 0)
            {
                continue;
            }
            var middle = r + 1 < rows.Count ? rows[r + 1] : [];
            var lower = r + 2 < rows.Count ? rows[r + 2] : [];
            SheetLayout?[] layouts =
            [
                MultiRow(index, r, [upper, middle], lower, merges, unitColumn),
                MultiRow(index, r, [upper], middle, merges, unitColumn),
                OneRow(index, r, upper, unitColumn),
            ];
            foreach (var layout in layouts)
            {
                if (layout is not null && index.Fields.Where(f => f.Required).All(f => layout.FieldColumns.ContainsKey(f.Key)))
                {
                    return layout;
                }
            }
        }
        return null;
    }

    /// <summary>A long-format header: unit, criterion and score columns (and a year column, or the year from elsewhere).</summary>
    public static LongLayout? FindLong(IndexDefinition index, IReadOnlyList<object?[]> rows, IReadOnlyList<MergedRange>? merges = null) =>
        FindLongInKeys(index, KeysOf(rows), merges);

    /// <summary>As above, over folded cells (<see cref="FindInKeys"/>).</summary>
    public static LongLayout? FindLongInKeys(IndexDefinition index, IReadOnlyList<string[]> rows, IReadOnlyList<MergedRange>? merges = null)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            var header = rows[r];
            // A criterion column is what makes a long table, and most rows have none: looked for first.
            var criterion = BestColumn(header, HeaderVocabulary.CriterionKeys);
            if (criterion < 0)
            {
                continue;
            }
            var unit = BestColumn(header, index.UnitHeaderKeys);
            var score = BestColumn(header, index.LongScoreKeys);
            if (unit < 0 || score < 0 || unit == criterion || score == criterion || score == unit)
            {
                continue;
            }
            // A long table's header is one row of single cells; a merged "Chỉ số thành phần" is a group header over
            // the components of a wide table.
            if (merges?.Any(m => m.FromRow <= r && m.ToRow >= r && m.FromColumn <= criterion && m.ToColumn >= criterion) == true)
            {
                continue;
            }
            var year = BestColumn(header, HeaderVocabulary.YearKeys);
            return new LongLayout(r + 1, unit, year >= 0 ? year : null, criterion, score);
        }
        return null;
    }

    private static SheetLayout? OneRow(IndexDefinition index, int r, string[] header, int unitColumn)
    {
        var fields = new Dictionary<string, int>();
        var ranks = new Dictionary<string, int>();
        for (var c = 0; c < header.Length; c++)
        {
            if (c == unitColumn || header[c].Length == 0)
            {
                continue;
            }
            if (BestField(index, header[c]) is { } field)
            {
                fields.TryAdd(field.Key, c);
            }
            else if (HeaderText.Matches(header[c], HeaderVocabulary.RankKeys))
            {
                ranks.TryAdd(IndexDefinition.TotalKey, c);
            }
        }
        return new SheetLayout(r + 1, r + 2, unitColumn, fields, ranks);
    }

    /// <summary>A header whose bottom row (<paramref name="lower"/>) holds score, rank or field names under the merged
    /// headers of the rows above (<paramref name="uppers"/>, top first); the nearest row naming a field wins.</summary>
    private static SheetLayout? MultiRow(IndexDefinition index, int r, string[][] uppers, string[] lower, IReadOnlyList<MergedRange> merges, int unitColumn)
    {
        if (!lower.Any(k => HeaderText.Matches(k, HeaderVocabulary.RankKeys) || HeaderText.Matches(k, HeaderVocabulary.ScoreKeys) || BestField(index, k) is not null))
        {
            return null;
        }
        var carried = new string[uppers.Length][];
        for (var u = 0; u < uppers.Length; u++)
        {
            carried[u] = Carry(uppers[u], u + 1 < uppers.Length ? uppers[u + 1] : lower, merges, r + u);
        }
        var width = Math.Max(carried.Max(c => c.Length), lower.Length);
        var fields = new Dictionary<string, int>();
        var ranks = new Dictionary<string, int>();
        for (var c = 0; c < width; c++)
        {
            if (c == unitColumn)
            {
                continue;
            }
            // The nearest row that names a field gives it; failing that, the nearest text (a bare "Xếp hạng").
            var (top, topField) = ("", (IndexField?)null);
            for (var u = carried.Length - 1; u >= 0 && topField is null; u--)
            {
                var text = c < carried[u].Length ? carried[u][c] : "";
                if (text.Length > 0 && BestField(index, text) is { } field)
                {
                    (top, topField) = (text, field);
                }
                else if (top.Length == 0)
                {
                    top = text;
                }
            }
            var bottom = c < lower.Length ? lower[c] : "";
            if (bottom.Length > 0 && HeaderText.Matches(bottom, HeaderVocabulary.RankKeys))
            {
                ranks.TryAdd(topField?.Key ?? IndexDefinition.TotalKey, c);
            }
            else if (topField is not null && HeaderText.Matches(bottom, HeaderVocabulary.ScoreKeys))
            {
                // "Điểm" (score) under a field's name: the field's score, though "Điểm" alone also names the total.
                fields.TryAdd(topField.Key, c);
            }
            else if (bottom.Length > 0 && BestField(index, bottom) is { } bottomField && (topField is null || HeaderText.Score(bottom, bottomField.HeaderKeys) > 10_000))
            {
                // A group header ("Lĩnh vực") over the components' own names.
                fields.TryAdd(bottomField.Key, c);
            }
            else if (topField is not null)
            {
                fields.TryAdd(topField.Key, c);
            }
            else if (top.Length > 0 && HeaderText.Matches(top, HeaderVocabulary.RankKeys))
            {
                ranks.TryAdd(IndexDefinition.TotalKey, c);
            }
        }
        return fields.Count == 0 ? null : new SheetLayout(r + 1, r + uppers.Length + 2, unitColumn, fields, ranks);
    }

    /// <summary>Spreads a merged header over the columns it covers; without merge data, over the empty cells
    /// to its right that have a sub-header under them.</summary>
    private static string[] Carry(string[] upper, string[] lower, IReadOnlyList<MergedRange> merges, int r)
    {
        var width = Math.Max(upper.Length, lower.Length);
        var carried = new string[width];
        for (var c = 0; c < width; c++)
        {
            carried[c] = c < upper.Length ? upper[c] : "";
        }
        foreach (var merge in merges.Where(m => m.FromRow == r && m.FromColumn < width))
        {
            for (var c = merge.FromColumn + 1; c <= Math.Min(merge.ToColumn, width - 1); c++)
            {
                carried[c] = carried[merge.FromColumn];
            }
        }
        for (var c = 1; c < width; c++)
        {
            if (carried[c].Length == 0 && c < lower.Length && lower[c].Length > 0 && !merges.Any(m => m.FromRow <= r && m.ToRow >= r && m.FromColumn <= c && m.ToColumn >= c))
            {
                carried[c] = carried[c - 1];
            }
        }
        return carried;
    }

    private static IndexField? BestField(IndexDefinition index, string key)
    {
        IndexField? best = null;
        var bestScore = 0;
        foreach (var field in index.Fields)
        {
            var score = HeaderText.Score(key, field.HeaderKeys);
            if (score > bestScore)
            {
                (best, bestScore) = (field, score);
            }
        }
        return best;
    }

    private static int BestColumn(string[] keys, IReadOnlyList<string> synonyms)
    {
        var (column, best) = (-1, 0);
        for (var c = 0; c < keys.Length; c++)
        {
            var score = HeaderText.Score(keys[c], synonyms);
            // Earlier synonyms are preferred names (a name column over a code column).
            if (score > best)
            {
                (column, best) = (c, score);
            }
        }
        return column;
    }

    /// <summary>Every cell of the rows folded for matching.</summary>
    public static IReadOnlyList<string[]> KeysOf(IReadOnlyList<object?[]> rows) =>
        [.. rows.Select(row => row.Select(v => v is null ? "" : HeaderText.Key(Convert.ToString(v, CultureInfo.InvariantCulture))).ToArray())];
}
