using System.Globalization;
using System.Text;
using ParPipeline.Ranking;
using static ParPipeline.Reports.Site.SiteText;

namespace ParPipeline.Reports.Site;

/// <summary>
/// The full ranked table of an edition: a caption, headers in the page's language, numbers in its format with
/// their invariant value kept for sorting (site.js), wrapped in its own scrolling box so the page never
/// scrolls sideways.
/// </summary>
public static class EditionTable
{
    public static string Render(SiteText t, string pagePath, SiteEdition edition, SiteModel model)
    {
        var provinces = edition.Index.UnitKind == Units.UnitKind.Province;
        var fields = edition.Index.Fields.Where(f => f.Key != Indices.IndexDefinition.TotalKey && edition.Units.Any(u => u.Fields.ContainsKey(f.Key))).ToList();
        var html = new StringBuilder();
        var caption = t.T($"{edition.Index.ShortNameVi} năm {edition.Year}: {edition.Units.Count} đơn vị, xếp theo điểm",
            $"{edition.Index.ShortNameEn} {edition.Year}: {edition.Units.Count} units by score");
        html.Append(ScrollBox(caption)).Append("\n<table class=\"sortable\" data-filter-column=\"1\">\n<caption>").Append(E(caption))
            .Append("</caption>\n<thead><tr>");
        void Th(string vi, string en, bool number, string? css = null) =>
            html.Append("<th scope=\"col\"").Append(number ? " data-type=\"number\"" : "").Append(" class=\"").Append(number ? "" : "t").Append(css is null ? "" : " " + css).Append("\">")
                .Append(E(t.T(vi, en))).Append("</th>");
        Th("Hạng", "Rank", true);
        Th("Đơn vị", "Unit", false);
        Th("Điểm", "Score", true);
        if (provinces)
        {
            Th("Vùng", "Region", false);
            Th("Hạng trong vùng", "Region rank", true);
        }
        Th("Thay đổi điểm", "Points change", true);
        Th("Thay đổi bậc", "Places change", true);
        Th("Hạng năm trước", "Previous rank", true);
        foreach (var field in fields)
        {
            Th(field.NameVi, field.NameEn, true);
            // Component ranks are left out of print (A4 portrait has room for the scores only); the xlsx has them all.
            Th($"Hạng: {field.NameVi}", $"Rank: {field.NameEn}", true, "fr");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var unit in edition.Units.OrderBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal))
        {
            html.Append("<tr>");
            Number(html, unit.Rank, Integer(unit.Rank));
            html.Append("<td class=\"t\"><a href=\"").Append(E(SitePaths.Link(pagePath, SitePaths.Unit(model.PageOf(unit.UnitCode, edition.Index.UnitKind, edition.Year), t.Language)))).Append("\">")
                .Append(E(model.NameOf(unit.UnitCode, edition.Index.UnitKind, t.Language, edition.Year))).Append("</a></td>");
            Number(html, unit.Score, t.Score(unit.Score));
            if (provinces)
            {
                html.Append("<td class=\"t\" data-value=\"").Append(Integer(unit.Region is null ? 99 : model.RegionOrder(unit.Region.Group))).Append("\">")
                    .Append(E(unit.Region is null ? "" : model.RegionName(unit.Region.Group, t.Language))).Append("</td>");
                Number(html, unit.Region?.Rank, unit.Region is null ? "" : t.RankOf(unit.Region.Rank, unit.Region.Of));
            }
            if (unit.Movement is { } m)
            {
                Number(html, m.PointsChange, t.Change(m.PointsChange), m.PointsChange > 0 ? "up" : m.PointsChange < 0 ? "down" : null);
                Number(html, m.PlacesChange, t.Places(m.PlacesChange), m.PlacesChange > 0 ? "up" : m.PlacesChange < 0 ? "down" : null);
                Number(html, m.PreviousRank, t.RankOf(m.PreviousRank, m.PreviousOf));
            }
            else
            {
                html.Append("<td colspan=\"3\" class=\"t muted\">").Append(E(Honest.NoMovement(t, edition, unit))).Append("</td>");
            }
            foreach (var field in fields)
            {
                if (unit.Fields.TryGetValue(field.Key, out var place))
                {
                    Number(html, place.Score, t.Score(place.Score));
                    Number(html, place.Rank, Integer(place.Rank), "fr");
                }
                else
                {
                    html.Append("<td></td><td class=\"fr\"></td>");
                }
            }
            html.Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>\n").Append(ScrollBoxEnd).Append('\n').ToString();
    }

    private static void Number(StringBuilder html, double? value, string text, string? css = null)
    {
        html.Append("<td class=\"num").Append(css is null ? "" : " " + css).Append("\" data-value=\"")
            .Append(value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "").Append("\">").Append(E(text)).Append("</td>");
    }
}
