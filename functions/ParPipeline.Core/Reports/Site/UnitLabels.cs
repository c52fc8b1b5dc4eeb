using System.Globalization;
using System.Text;

namespace ParPipeline.Reports.Site;

/// <summary>
/// Short labels for map tiles, as data desks write them: the initials of the Vietnamese name (HN, ĐN, HCM,
/// BRVT). Where units of an era would share one, the later codes spell more of the last word (Quảng Ninh QN,
/// Quảng Nam QNa, Quảng Ngãi QNg; Hà Giang HG, Hậu Giang HGi), then more of the first.
/// </summary>
public static class UnitLabels
{
    public static IReadOnlyDictionary<string, string> For(IEnumerable<(string Code, string NameVi)> units)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, name) in units.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var words = name.Normalize(NormalizationForm.FormC).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => new StringInfo(w)).ToArray();
            var label = Candidates(words).Append(code).First(used.Add);
            labels[code] = label;
        }
        return labels;
    }

    private static IEnumerable<string> Candidates(StringInfo[] words)
    {
        for (var last = 1; last <= 3; last++)
        {
            yield return Label(words, 1, last);
        }
        yield return Label(words, 2, 1);
        yield return Label(words, 2, 2);
    }

    private static string Label(StringInfo[] words, int first, int last)
    {
        var label = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            var take = Math.Min(i == 0 ? first : i == words.Length - 1 ? last : 1, words[i].LengthInTextElements);
            var part = words[i].SubstringByTextElements(0, take);
            label.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }
        return label.ToString();
    }
}
