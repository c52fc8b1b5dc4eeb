using System.Globalization;
using System.Text;

namespace ParPipeline.Units;

/// <summary>
/// Every unit an index ranks, in every era: the 63 provinces (until the 2024 index), the 34 provincial units
/// formed on 2025-07-01 (from the 2025 index), and the ministries. Data in <c>Units/*.csv</c> (see its README).
/// Resolution is by exact match of a folded name, never by guess: a near miss is an error listing the
/// closest names, so that Quảng Nam is never read as Quảng Ninh, nor Hà Nam as Hà Nội.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>The first index year ranked over the 34 units of the 2025-07-01 reorganisation.</summary>
    public const int ReorganisationYear = 2025;

    private readonly Dictionary<(UnitKind, bool), Dictionary<string, List<Unit>>> _byName = [];

    // Names as files spell them, resolved once: every provincial file names the same 63 units the same few ways,
    // and folding a name costs more than reading its cell. Bounded, so a hostile file cannot grow it without end.
    private const int MaxRemembered = 4_096;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, UnitKind, int), UnitResolution> _resolved = new();

    /// <summary>The units of each kind and year, listed once (they never change).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(UnitKind, int), IReadOnlyList<Unit>> _unitsFor = new();

    public Gazetteer(IEnumerable<Unit> units, IEnumerable<Region> regions)
    {
        Units = [.. units.OrderBy(u => u.Kind).ThenBy(u => u.FromYear).ThenBy(u => u.Code, StringComparer.Ordinal)];
        Regions = [.. regions];
        foreach (var unit in Units)
        {
            var era = Era(unit.Kind, unit.FromYear);
            var names = _byName.TryGetValue(era, out var found) ? found : _byName[era] = new Dictionary<string, List<Unit>>(StringComparer.Ordinal);
            foreach (var name in unit.Variants.Append(unit.NameEn).Append(unit.NameVi).Append(unit.Code))
            {
                var key = NameKey(name);
                if (key.Length == 0)
                {
                    continue;
                }
                if (!names.TryGetValue(key, out var list))
                {
                    names[key] = list = [];
                }
                if (!list.Contains(unit))
                {
                    list.Add(unit);
                }
            }
        }
    }

    public IReadOnlyList<Unit> Units { get; }

    public static Gazetteer LoadEmbedded() => EmbeddedGazetteer.Load();

    public IReadOnlyList<Region> Regions { get; }

    /// <summary>The units an index of this kind ranks in this year: 63 provinces up to 2024, 34 from 2025.</summary>
    public IReadOnlyList<Unit> UnitsFor(UnitKind kind, int year) =>
        _unitsFor.GetOrAdd((kind, year), key => [.. Units.Where(u => u.Kind == key.Item1 && u.ExistsIn(key.Item2))]);

    public Unit? Find(UnitKind kind, int year, string code) =>
        Units.FirstOrDefault(u => u.Kind == kind && u.ExistsIn(year) && u.Code == code);

    /// <summary>A pre-2025 province by its statistics-office code.</summary>
    public Unit? FindByCode(string code) => Find(UnitKind.Province, ReorganisationYear - 1, code);

    public Region? RegionOf(Unit unit) => Regions.FirstOrDefault(r => r.NameVi == unit.Region);

    /// <summary>A pre-2025 province by code or any known spelling; null when unknown or ambiguous.</summary>
    public Unit? Resolve(string text) => Resolve(text, UnitKind.Province, ReorganisationYear - 1).Unit;

    public UnitResolution Resolve(string text, UnitKind kind, int year)
    {
        if (_resolved.TryGetValue((text, kind, year), out var known))
        {
            return known;
        }
        var resolution = ResolveOnce(text, kind, year);
        if (_resolved.Count < MaxRemembered)
        {
            _resolved.TryAdd((text, kind, year), resolution);
        }
        return resolution;
    }

    /// <summary>Which names a year's files may use: the reorganisation of 2025-07-01 was of provinces, so provinces
    /// have two eras and ministries one (a 2025 ministry file names them as a 2023 file does).</summary>
    private static (UnitKind, bool) Era(UnitKind kind, int year) => (kind, kind == UnitKind.Province && year >= ReorganisationYear);

    private UnitResolution ResolveOnce(string text, UnitKind kind, int year)
    {
        var trimmed = text.Trim();
        var era = Era(kind, year);
        if (kind == UnitKind.Province && trimmed.Length is 1 or 2 && trimmed.All(char.IsAsciiDigit))
        {
            trimmed = trimmed.PadLeft(2, '0');
        }
        var key = NameKey(trimmed);
        if (_byName.TryGetValue(era, out var names) && names.TryGetValue(key, out var matches))
        {
            return matches.Count == 1
                ? new UnitResolution(matches[0], null, null, [])
                : new UnitResolution(null, $"is ambiguous: it names {string.Join(" and ", matches.Select(m => m.NameVi))}",
                    $"không rõ là đơn vị nào: tên này chỉ {string.Join(" và ", matches.Select(m => m.NameVi))}", matches);
        }
        if (kind == UnitKind.Province && year >= ReorganisationYear &&
            _byName.TryGetValue((kind, false), out var before) && before.TryGetValue(key, out var old) && old.Count == 1)
        {
            var successor = Find(kind, year, old[0].SuccessorCode ?? "");
            return new UnitResolution(null,
                $"names {old[0].NameVi}, which belongs to {successor?.NameVi ?? "another unit"} ({old[0].SuccessorCode}) since 2025-07-01",
                $"là {old[0].NameVi}, từ ngày 01/07/2025 thuộc {successor?.NameVi ?? "đơn vị khác"} ({old[0].SuccessorCode})",
                successor is null ? [] : [successor]);
        }
        return new UnitResolution(null, $"is not a known {(kind == UnitKind.Ministry ? "ministry" : "province or city")} of {year}",
            $"không phải là {(kind == UnitKind.Ministry ? "bộ, cơ quan ngang bộ" : "tỉnh, thành phố")} nào của năm {year}", Closest(key, kind, year));
    }

    /// <summary>Up to five units whose folded names are nearest by edit distance (all five Quảng for "Quảng").</summary>
    private List<Unit> Closest(string key, UnitKind kind, int year)
    {
        if (key.Length == 0 || !_byName.TryGetValue(Era(kind, year), out var names))
        {
            return [];
        }
        // Names that start with what was written come first ("Quảng" → the five Quảng), then the nearest by edit distance.
        return [.. names
            .SelectMany(n => n.Value.Select(u => (Unit: u, Prefix: n.Key.StartsWith(key, StringComparison.Ordinal), Distance: EditDistance(key, n.Key))))
            .Where(c => c.Prefix || c.Distance <= Math.Max(3, key.Length / 2))
            .GroupBy(c => c.Unit)
            .Select(g => (Unit: g.Key, Prefix: g.Any(c => c.Prefix), Distance: g.Min(c => c.Distance)))
            .OrderByDescending(c => c.Prefix).ThenBy(c => c.Prefix ? 0 : c.Distance).ThenBy(c => c.Unit.Code, StringComparer.Ordinal)
            .Take(5)
            .Select(c => c.Unit)];
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>
    /// Folds case, diacritics (đ included), punctuation and spacing, and the prefixes ministry files put before
    /// names: "Tỉnh", "TP", "TP.", "Tp", "Thành phố", "City of"; "Ho Chi Minh City" and "Hồ Chí Minh" meet.
    /// </summary>
    public static string NameKey(string name)
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
        else if (words.Count > 2 && words[0] == "city" && words[1] == "of")
        {
            words.RemoveRange(0, 2);
        }
        if (words.Count > 1 && words[^1] == "city")
        {
            words.RemoveAt(words.Count - 1);
        }
        return string.Concat(words);
    }
}
