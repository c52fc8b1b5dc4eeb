using System.Globalization;
using System.Text;
using ParPipeline.Ranking;
using static ParPipeline.Reports.Site.SiteText;

namespace ParPipeline.Reports.Site;

/// <summary>
/// A tile-grid map of one edition as inline SVG: each unit a square at its place in <see cref="TileGrid"/>,
/// coloured by score quartile or by movement, labelled with its initials and its rank (or its change in places)
/// so colour is never the only carrier, each square a link to the unit's page with its name and figures as
/// its accessible name and tooltip. The legend is an HTML list beside it.
/// </summary>
public static class TileMap
{
    public enum Mode
    {
        Quartile,
        Movement,
    }

    private const int Cell = 34;
    private const int Gap = 2;

    private static readonly string[] QuartileFill = ["#08306b", "#2f6eb5", "#8fb8de", "#e3eef9"];
    private static readonly string[] QuartileInk = ["#fff", "#fff", "#000", "#000"];

    /// <summary>Rose 5 places or more, 1-4, unchanged, fell 1-4, 5 or more, not comparable.</summary>
    private static readonly string[] MoveFill = ["#1e6b3a", "#9fd4ab", "#e2e8f0", "#f5b5b5", "#a61b1b", "#fff"];
    private static readonly string[] MoveInk = ["#fff", "#000", "#000", "#000", "#fff", "#000"];

    public static int Quartile(UnitRanking unit) => Math.Min(4, 1 + (unit.Rank - 1) * 4 / Math.Max(1, unit.Of));

    public static int MoveClass(UnitRanking unit) => unit.Movement is not { } m ? 5
        : m.PlacesChange >= 5 ? 0 : m.PlacesChange > 0 ? 1 : m.PlacesChange == 0 ? 2 : m.PlacesChange > -5 ? 3 : 4;

    public static string Render(SiteText t, string pagePath, SiteEdition edition, SiteModel model, Mode mode)
    {
        var cells = TileGrid.Embedded.Era(edition.Year).ToList();
        var columns = cells.Max(c => c.Col) + 1;
        var rows = cells.Max(c => c.Row) + 1;
        var labels = UnitLabels.For(cells.Select(c => (c.Code, model.NameOf(c.Code, edition.Index.UnitKind, SiteLanguage.Vi, edition.Year))));
        var id = $"map-{(mode == Mode.Quartile ? "q" : "m")}";
        var caption = mode == Mode.Quartile
            ? t.T($"Bản đồ ô: {edition.Units.Count} đơn vị theo nhóm điểm (nhóm 1 cao nhất); số trong ô là thứ hạng.",
                $"Tile map: the {edition.Units.Count} units by score quartile (quartile 1 highest); the number in each square is the rank.")
            : t.T("Bản đồ ô: thay đổi thứ hạng so với năm trước; ▲ tăng, ▼ giảm, = giữ nguyên, · không so sánh được.",
                "Tile map: change in rank since the year before; ▲ up, ▼ down, = unchanged, · not comparable.");
        var svg = new StringBuilder();
        svg.Append("<figure>\n<svg class=\"tilemap\" id=\"").Append(id).Append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(Integer(columns * (Cell + Gap))).Append(' ').Append(Integer(rows * (Cell + Gap)))
            .Append("\" role=\"group\" aria-labelledby=\"").Append(id).Append("-c\">\n");
        foreach (var (code, col, row) in cells.OrderBy(c => c.Row).ThenBy(c => c.Col))
        {
            var unit = edition.Find(code);
            var name = model.NameOf(code, edition.Index.UnitKind, t.Language, edition.Year);
            var x = col * (Cell + Gap);
            var y = row * (Cell + Gap);
            var (fill, ink, figure, tip) = unit is null
                ? ("#fff", "#000", "–", t.T("không có số liệu", "no data"))
                : mode == Mode.Quartile
                    ? (QuartileFill[Quartile(unit) - 1], QuartileInk[Quartile(unit) - 1], Integer(unit.Rank),
                        $"{t.Score(unit.Score)}, {t.T("hạng", "rank")} {t.RankOf(unit.Rank, unit.Of)}, {t.T("nhóm", "quartile")} {Integer(Quartile(unit))}")
                    : (MoveFill[MoveClass(unit)], MoveInk[MoveClass(unit)], MoveFigure(unit), MoveTip(t, unit));
            var label = $"{name}: {tip}";
            svg.Append("<a href=\"").Append(E(SitePaths.Link(pagePath, SitePaths.Unit(model.PageOf(code, edition.Index.UnitKind, edition.Year), t.Language)))).Append("\">")
                // The name comes from <title> (SVG-AAM), which is also the tooltip; an aria-label would hide the
                // visible initials and rank from it (axe: label-content-name-mismatch).
                .Append("<title>").Append(E(label)).Append("</title>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" rx=\"3\" fill=\"{fill}\" stroke=\"#4a5568\" stroke-width=\"{(unit?.Movement is null && mode == Mode.Movement ? 1 : 0.5)}\"{(unit?.Movement is null && mode == Mode.Movement ? " stroke-dasharray=\"3 2\"" : "")}/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + Cell / 2}\" y=\"{y + 14}\" text-anchor=\"middle\" fill=\"{ink}\">{E(labels[code])}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + Cell / 2}\" y=\"{y + 27}\" text-anchor=\"middle\" fill=\"{ink}\">{E(figure)}</text>")
                .Append("</a>\n");
        }
        svg.Append("</svg>\n<figcaption><p id=\"").Append(id).Append("-c\">").Append(E(caption)).Append("</p>\n");
        Legend(svg, t, edition, mode);
        return svg.Append("</figcaption>\n</figure>\n").ToString();
    }

    private static string MoveFigure(UnitRanking unit) => unit.Movement is not { } m ? "·"
        : m.PlacesChange > 0 ? "▲" + Integer(m.PlacesChange) : m.PlacesChange < 0 ? "▼" + Integer(-m.PlacesChange) : "=";

    private static string MoveTip(SiteText t, UnitRanking unit) => unit.Movement is not { } m
        ? (unit.LikeForLike ? t.T("không có năm trước để so sánh", "no earlier year to compare") : t.T("hợp nhất năm 2025, không so sánh được", "merged in 2025, not comparable"))
        : $"{t.T("hạng", "rank")} {Integer(m.PreviousRank)} → {Integer(unit.Rank)} ({t.Places(m.PlacesChange)}), {t.Change(m.PointsChange)} {t.T("điểm", "points")}";

    private static void Legend(StringBuilder html, SiteText t, SiteEdition edition, Mode mode)
    {
        html.Append("<ul class=\"legend\">");
        if (mode == Mode.Quartile)
        {
            for (var q = 1; q <= 4; q++)
            {
                var members = edition.Units.Where(u => Quartile(u) == q).ToList();
                if (members.Count == 0)
                {
                    continue;
                }
                var range = $"{t.Score(members.Min(u => u.Score))}–{t.Score(members.Max(u => u.Score))}";
                html.Append("<li><span style=\"background:").Append(QuartileFill[q - 1]).Append("\"></span>")
                    .Append(E(t.T($"Nhóm {q}: hạng {members.Min(u => u.Rank)}–{members.Max(u => u.Rank)}, {range} điểm",
                        $"Quartile {q}: ranks {members.Min(u => u.Rank)}–{members.Max(u => u.Rank)}, {range} points"))).Append("</li>");
            }
        }
        else
        {
            string[] names =
            [
                t.T("▲ tăng từ 5 bậc", "▲ up 5 places or more"), t.T("▲ tăng 1–4 bậc", "▲ up 1–4 places"), t.T("= giữ nguyên", "= unchanged"),
                t.T("▼ giảm 1–4 bậc", "▼ down 1–4 places"), t.T("▼ giảm từ 5 bậc", "▼ down 5 places or more"), t.T("· không so sánh được", "· not comparable"),
            ];
            for (var i = 0; i < names.Length; i++)
            {
                var count = edition.Units.Count(u => MoveClass(u) == i);
                html.Append("<li><span style=\"background:").Append(MoveFill[i]).Append("\"></span>").Append(E(names[i]))
                    .Append(" (").Append(Integer(count)).Append(")</li>");
            }
        }
        html.Append("</ul>\n");
    }
}
