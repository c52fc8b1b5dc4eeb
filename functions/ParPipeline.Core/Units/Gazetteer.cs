using System.Globalization;
using System.Text;

namespace ParPipeline.Units;

/// <summary>
/// The provinces and centrally governed cities, from <c>Units/provinces.csv</c> (copied from
/// shared/reference/provinces.csv, which names the published source of every row).
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Unit> _byCode;
    private readonly Dictionary<string, Unit> _byName;

    public Gazetteer(IEnumerable<Unit> units)
    {
        Units = [.. units.OrderBy(u => u.Code, StringComparer.Ordinal)];
        _byCode = Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _byName = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in Units)
        {
            foreach (var name in unit.Variants.Prepend(unit.NameEn).Prepend(unit.NameVi))
            {
                // A variant shared by two units (none today) would be ambiguous: keep neither.
                var key = NameKey(name);
                if (!_byName.TryAdd(key, unit) && _byName[key] != unit)
                {
                    _byName[key] = null!;
                }
            }
        }
    }

    public IReadOnlyList<Unit> Units { get; }

    public static Gazetteer LoadEmbedded()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("ParPipeline.Units.provinces.csv")
            ?? throw new InvalidOperationException("Embedded resource Units/provinces.csv is missing.");
        using var reader = Ingest.SpreadsheetOpener.Open(stream, ".csv");
        var units = new List<Unit>();
        var header = true;
        while (reader.Read())
        {
            if (header)
            {
                header = false;
                continue;
            }
            string Cell(int i) => reader.GetValue(i)?.ToString()?.Trim() ?? "";
            units.Add(new Unit(
                Code: Cell(0), NameVi: Cell(1), NameEn: Cell(2), Region: Cell(5),
                CentrallyGoverned: Cell(6) == "1", SuccessorCode: Cell(8),
                Variants: [.. Cell(10).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => v.Split(" (", 2)[0]).Append(Cell(3))]));
        }
        return new Gazetteer(units);
    }

    public Unit? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Finds a unit by its code or any known spelling; null when unknown or ambiguous.</summary>
    public Unit? Resolve(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 1 or 2 && trimmed.All(char.IsAsciiDigit))
        {
            return FindByCode(trimmed.PadLeft(2, '0'));
        }
        return _byName.GetValueOrDefault(NameKey(trimmed));
    }

    /// <summary>Folds case, diacritics (đ included), punctuation and the "Tỉnh"/"Thành phố"/"TP." prefixes.</summary>
    internal static string NameKey(string name)
    {
        var folded = name.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] is "tinh" or "tp")
        {
            words.RemoveAt(0);
        }
        else if (words.Count > 2 && words[0] == "thanh" && words[1] == "pho")
        {
            words.RemoveRange(0, 2);
        }
        return string.Concat(words);
    }
}
