using System.Globalization;

namespace ParPipeline.Reports.Site;

/// <summary>
/// Numbers and words the one way the site writes them: two decimals everywhere (88,68 in Vietnamese, 88.68 in
/// English), changes signed with a true minus (+1,14 / −1,14), places signed (+7 bậc / −7 places).
/// </summary>
public sealed class SiteText(SiteLanguage language)
{
    /// <summary>U+2212: a typographic minus, not a hyphen, so "−7" reads as a number and does not break a line.</summary>
    public const char Minus = '\u2212';

    public SiteLanguage Language { get; } = language;

    public bool Vi => Language == SiteLanguage.Vi;

    /// <summary>The BCP 47 tag for <c>lang</c> attributes.</summary>
    public string Tag => Vi ? "vi" : "en";

    public string T(string vi, string en) => Vi ? vi : en;

    public string Score(double value) => Decimal(value, "0.00");

    /// <summary>+1,14 / −1,14 / 0,00.</summary>
    public string Change(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        var text = Decimal(Math.Abs(rounded), "0.00");
        return rounded > 0 ? "+" + text : rounded < 0 ? Minus + text : text;
    }

    /// <summary>+7 bậc, −7 bậc, không đổi / +7 places, −1 place, no change.</summary>
    public string Places(int change) => change == 0
        ? T("không đổi", "no change")
        : $"{(change > 0 ? "+" : Minus.ToString())}{Math.Abs(change).ToString(CultureInfo.InvariantCulture)} {T("bậc", Math.Abs(change) == 1 ? "place" : "places")}";

    /// <summary>12/63 (Vietnamese usage) or 12 of 63.</summary>
    public string RankOf(int rank, int of) =>
        Vi ? $"{rank.ToString(CultureInfo.InvariantCulture)}/{of.ToString(CultureInfo.InvariantCulture)}" : $"{rank.ToString(CultureInfo.InvariantCulture)} of {of.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The box a wide table scrolls in, so the page never does. It is a labelled region a keyboard can focus,
    /// or a keyboard user could not scroll it (axe: scrollable-region-focusable).
    /// </summary>
    public static string ScrollBox(string label) => $"<section class=\"scroll\" tabindex=\"0\" aria-label=\"{E(label)}\">";

    public const string ScrollBoxEnd = "</section>";

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private string Decimal(double value, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return Vi ? text.Replace('.', ',') : text;
    }

    /// <summary>
    /// HTML-escapes text for an element or a quoted attribute: the five characters that can end either, and
    /// nothing else, so Vietnamese stays readable in the source and pages stay small (WebUtility.HtmlEncode
    /// writes every ô as &amp;#244;).
    /// </summary>
    public static string E(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }
        var escaped = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&#39;"),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }
}
