using System.Globalization;
using System.Text;
using ParPipeline.Ranking;
using static ParPipeline.Reports.Site.SiteText;

namespace ParPipeline.Reports.Site;

/// <summary>
/// The edition's charts, drawn as HTML so that long names wrap at any width instead of being cut: bars sorted
/// by rank with the value at each bar's end, and a ranked dumbbell chart of movement (last year's rank to
/// this year's, one row per unit, with the change written out), highlighted on hover and focus.
/// </summary>
public static class SiteCharts
{
    public static string Bars(SiteText t, string pagePath, SiteEdition edition, SiteModel model)
    {
        var html = new StringBuilder("<ol class=\"bars\">\n");
        var maximum = edition.Index.Maximum;
        foreach (var unit in edition.Units.OrderBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal))
        {
            // Bars start at zero and fill at most 80% of the track, leaving room for the value at their end.
            var width = Math.Clamp(unit.Score / maximum, 0, 1) * 80;
            html.Append("<li><span class=\"name\">").Append(Integer(unit.Rank)).Append(". <a href=\"")
                .Append(E(SitePaths.Link(pagePath, SitePaths.Unit(model.PageOf(unit.UnitCode, edition.Index.UnitKind, edition.Year), t.Language)))).Append("\">")
                .Append(E(model.NameOf(unit.UnitCode, edition.Index.UnitKind, t.Language, edition.Year))).Append("</a></span>")
                .Append("<span class=\"track\"><span class=\"bar\" style=\"width:").Append(width.ToString("0.##", CultureInfo.InvariantCulture)).Append("%\"></span>")
                .Append("<span class=\"val\">").Append(t.Score(unit.Score)).Append("</span></span></li>\n");
        }
        return html.Append("</ol>\n").ToString();
    }

    /// <summary>Null when no unit has a like-for-like previous year.</summary>
    public static string? Movement(SiteText t, string pagePath, SiteEdition edition, SiteModel model)
    {
        var moved = edition.Units.Where(u => u.Movement is not null).OrderBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal).ToList();
        if (moved.Count == 0)
        {
            return null;
        }
        var places = Math.Max(moved.Max(u => u.Of), moved.Max(u => u.Movement!.PreviousOf));
        double At(int rank) => places <= 1 ? 0 : (rank - 1) * 100.0 / (places - 1);
        var html = new StringBuilder();
        html.Append("<p class=\"muted\">").Append(E(t.T(
            $"Mỗi dòng một đơn vị, xếp theo hạng năm {edition.Year}: ○ hạng năm {moved[0].Movement!.PreviousYear}, ● hạng năm {edition.Year}; hạng 1 ở bên trái.",
            $"One row per unit, in {edition.Year} rank order: ○ rank in {moved[0].Movement!.PreviousYear}, ● rank in {edition.Year}; rank 1 is on the left."))).Append("</p>\n");
        html.Append("<ol class=\"moves\">\n");
        foreach (var unit in moved)
        {
            var m = unit.Movement!;
            var (from, to) = (At(m.PreviousRank), At(unit.Rank));
            var direction = m.PlacesChange > 0 ? "up" : m.PlacesChange < 0 ? "down" : "same";
            html.Append("<li class=\"").Append(direction).Append("\"><span class=\"name\"><a href=\"")
                .Append(E(SitePaths.Link(pagePath, SitePaths.Unit(model.PageOf(unit.UnitCode, edition.Index.UnitKind, edition.Year), t.Language)))).Append("\">")
                .Append(E(model.NameOf(unit.UnitCode, edition.Index.UnitKind, t.Language, edition.Year))).Append("</a></span>")
                .Append("<span class=\"lane\" aria-hidden=\"true\">")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"seg\" style=\"left:{Math.Min(from, to):0.##}%;width:{Math.Abs(from - to):0.##}%\"></span>")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"was\" style=\"left:{from:0.##}%\"></span><span class=\"now\" style=\"left:{to:0.##}%\"></span></span>")
                .Append("<span class=\"what\">").Append(Integer(m.PreviousRank)).Append(" → ").Append(Integer(unit.Rank)).Append(" (")
                .Append(E(t.Places(m.PlacesChange))).Append("), ").Append(t.Change(m.PointsChange)).Append("</span></li>\n");
        }
        return html.Append("</ol>\n").ToString();
    }

    /// <summary>A unit's score over the years of one index: a line with each point's score, and the rank under each year.</summary>
    public static string Trend(SiteText t, string title, IReadOnlyList<(int Year, UnitRanking Unit)> years)
    {
        // Drawn at about phone width, so its 12-unit text stays readable when the page is 390 px wide; wider only
        // when the years need room for their labels.
        const int height = 190, left = 44, right = 40, top = 24, bottom = 44;
        var width = Math.Max(360, 76 * years.Count);
        var low = Math.Floor(years.Min(y => y.Unit.Score) - 1);
        var high = Math.Ceiling(years.Max(y => y.Unit.Score) + 1);
        double X(int i) => years.Count == 1 ? (left + width - right) / 2.0 : left + i * (width - left - right) / (double)(years.Count - 1);
        double Y(double score) => top + (high - score) * (height - top - bottom) / Math.Max(1, high - low);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\">\n")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"#cbd5e0\"/>\n")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Y(high) + 4:0.#}\">{E(t.Score(high))}</text><text x=\"4\" y=\"{Y(low) + 4:0.#}\">{E(t.Score(low))}</text>\n");
        if (years.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2\" points=\"")
                .AppendJoin(' ', years.Select((y, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(y.Unit.Score):0.#}")))
                .Append("\"/>\n");
        }
        for (var i = 0; i < years.Count; i++)
        {
            var (year, unit) = years[i];
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(unit.Score):0.#}\" r=\"4\" fill=\"#1d4f91\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Y(unit.Score) - 8:0.#}\" text-anchor=\"middle\">{E(t.Score(unit.Score))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" font-weight=\"600\">{year}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{height - bottom + 32}\" text-anchor=\"middle\">{E(t.T("hạng ", "rank "))}{E(t.RankOf(unit.Rank, unit.Of))}</text>\n");
        }
        return svg.Append("</svg>\n").ToString();
    }
}
