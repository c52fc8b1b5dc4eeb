using System.Globalization;
using System.Text;

namespace ParPipeline.Reports.Site;

/// <summary>
/// Short labels for map tiles, as data desks write them: the initials of the Vietnamese name (HN, ĐN, HCM,
/// BRVT). Where two units of an era would share one, the later code spells its first word's first two letters
/// (Hà Giang HG, Hậu Giang HậG).
/// </summary>
public static class UnitLabels
{
    public static IReadOnlyDictionary<string, string> For(IEnumerable<(string Code, string NameVi)> units)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, name) in units.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            var label = Initials(words, 1);
            if (!used.Add(label))
            {
                label = Initials(words, 2);
                used.Add(label);
            }
            labels[code] = label;
        }
        return labels;
    }

    private static string Initials(string[] words, int firstWordLetters)
    {
        var label = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            var letters = new StringInfo(words[i].Normalize(NormalizationForm.FormC));
            var take = Math.Min(i == 0 ? firstWordLetters : 1, letters.LengthInTextElements);
            var part = letters.SubstringByTextElements(0, take);
            label.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }
        return label.ToString();
    }
}
