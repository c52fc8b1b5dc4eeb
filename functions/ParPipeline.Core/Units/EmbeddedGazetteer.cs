using ParPipeline.Ingest;

namespace ParPipeline.Units;

/// <summary>Builds the gazetteer from the CSV files embedded beside this code (Units/README.md).</summary>
internal static class EmbeddedGazetteer
{
    public static Gazetteer Load()
    {
        var provinces = ReadCsv("provinces.csv");
        var before = provinces.Select(r => new Unit(
            Code: r["gso_code_pre2025"], NameVi: r["name_vi"], NameEn: r["name_en"], Kind: UnitKind.Province,
            Region: r["region_6"], CentrallyGoverned: r["is_centrally_governed_pre2025"] == "1",
            FromYear: 2000, ToYear: Gazetteer.ReorganisationYear - 1,
            Variants: [.. Variants(r["variants"]), r["ascii_name"]],
            PredecessorCodes: [], SuccessorCode: r["new_code_2025"])).ToList();

        var after = provinces.GroupBy(r => r["new_code_2025"]).Select(group =>
        {
            var code = group.Key;
            // "Huế (renamed, not merged)": the name is before the parenthesis.
            var nameVi = group.First()["unit_after_2025_07_01"].Split(" (", 2)[0].Trim();
            var seat = before.Single(u => u.Code == code);
            var namesake = before.FirstOrDefault(u => Gazetteer.NameKey(u.NameVi) == Gazetteer.NameKey(nameVi));
            var predecessors = group.Select(r => r["gso_code_pre2025"]).Order(StringComparer.Ordinal).ToList();
            // Huế became the sixth centrally governed city on 2025-01-01 (docs/sources/README.md).
            var city = (namesake ?? seat).CentrallyGoverned || code == "46";
            // A unit named anew (Huế) gets its name without diacritics in English.
            var nameEn = namesake?.NameEn ?? Ascii(nameVi);
            namesake ??= seat;
            return new Unit(code, nameVi, nameEn, UnitKind.Province, seat.Region, city,
                FromYear: Gazetteer.ReorganisationYear, ToYear: null,
                Variants: predecessors.Count == 1 ? [.. namesake.Variants, .. code == "46" ? new[] { "Thành phố Huế", "TP Huế", "Hue City" } : []] : [.. namesake.Variants],
                PredecessorCodes: predecessors, SuccessorCode: null);
        }).ToList();

        var ministries = ReadCsv("ministries.csv").Select(r => new Unit(
            r["code"], r["name_vi"], r["name_en"], UnitKind.Ministry, null, false, 2000, null,
            [.. Variants(r["variants"])], [], null));

        var regions = ReadCsv("regions.csv").Select(r => new Region(r["name_vi"], r["name_en"]));
        return new Gazetteer([.. before, .. after, .. ministries], regions);
    }

    private static string Ascii(string name) =>
        string.Concat(name.Replace('đ', 'd').Replace('Đ', 'D').Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark));

    private static IEnumerable<string> Variants(string cell) =>
        cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            // "Thua Thien-Hue (became centrally-run TP Huế on 2025-01-01)": keep the name, not the note.
            .Select(v => v.Split(" (", 2)[0]);

    private static List<Dictionary<string, string>> ReadCsv(string name)
    {
        using var stream = typeof(EmbeddedGazetteer).Assembly.GetManifestResourceStream($"ParPipeline.Units.{name}")
            ?? throw new InvalidOperationException($"Embedded resource Units/{name} is missing.");
        using var reader = SpreadsheetOpener.Open(stream, ".csv");
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString()?.Trim() ?? "").ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }
            rows.Add(header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v));
        }
        return rows;
    }
}
