using System.Globalization;
using System.Net;
using System.Text;

namespace ParPipeline.Reports;

/// <summary>
/// <c>summary.html</c>: one self-contained, printable page (no script, no external file): every unit ranked as
/// bars, a slope chart of movement against the previous year, ranks by region, the full table and every
/// unit's narrative. All data is HTML-escaped; the charts are inline SVG drawn from the data.
/// </summary>
public static class SummaryHtml
{
    private const int BarHeight = 14;
    private const int ChartWidth = 760;
    private const int LabelWidth = 190;

    public static string Render(SummaryDocument summary, IReadOnlyList<string> header, IReadOnlyList<object?[]> rows)
    {
        var html = new StringBuilder();
        var title = $"{summary.IndexName} {summary.Year}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;font-size:.85rem}" +
                    "th,td{border:1px solid #ccc;padding:.2rem .4rem;text-align:right}td.t,th.t{text-align:left}svg text{font-size:11px}" +
                    ".bar{fill:#2b6cb0}.up{stroke:#2f855a}.down{stroke:#c53030}.same{stroke:#718096}@media print{body{margin:0}section{break-inside:avoid}}</style>\n")
            .Append("</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{summary.Units.Count} units ranked; score version <code>{E(Short(summary.ScoreVersion))}</code>.</p>\n");
        if (summary.Overview is { } overview)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"overview\"><p lang=\"en\">{E(overview.En)}</p><p lang=\"vi\">{E(overview.Vi)}</p></section>\n");
        }

        Bars(html, summary);
        Slopes(html, summary);
        Regions(html, summary);
        Table(html, header, rows);
        if (summary.Narratives.Count > 0)
        {
            html.Append("<section id=\"narratives\">\n<h2>Units</h2>\n");
            foreach (var narrative in summary.Narratives)
            {
                html.Append(CultureInfo.InvariantCulture, $"<article id=\"unit-{E(narrative.UnitCode)}\"><p lang=\"en\">{E(narrative.En)}</p><p lang=\"vi\">{E(narrative.Vi)}</p></article>\n");
            }
            html.Append("</section>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Bars(StringBuilder html, SummaryDocument summary)
    {
        var max = summary.Units.Count == 0 ? 100 : Math.Max(1, summary.Units.Max(u => u.Score));
        var height = summary.Units.Count * (BarHeight + 2) + 4;
        html.Append("<section id=\"ranking-chart\">\n<h2>All units ranked</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{height}\" role=\"img\" aria-label=\"Scores of all units, best first\">\n");
        var y = 2;
        foreach (var unit in summary.Units)
        {
            var width = (ChartWidth - LabelWidth - 60) * unit.Score / max;
            html.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth - 4}\" y=\"{y + BarHeight - 3}\" text-anchor=\"end\">{unit.Rank}. {E(unit.UnitName)}</text>" +
                $"<rect class=\"bar\" data-unit=\"{E(unit.UnitCode)}\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{BarHeight}\"><title>{E(unit.UnitName)}: {unit.Score:0.00}</title></rect>" +
                $"<text x=\"{LabelWidth + width + 4:0.#}\" y=\"{y + BarHeight - 3}\">{unit.Score:0.00}</text>\n");
            y += BarHeight + 2;
        }
        html.Append("</svg>\n</section>\n");
    }

    private static void Slopes(StringBuilder html, SummaryDocument summary)
    {
        var moved = summary.Units.Where(u => u.Movement is not null).ToList();
        if (moved.Count == 0)
        {
            return;
        }
        var places = Math.Max(moved.Max(u => u.Of), moved.Max(u => u.Movement!.PreviousOf));
        const int top = 20, rowHeight = 13, left = 220, right = 520;
        var height = top + places * rowHeight + 10;
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"movement-chart\">\n<h2>Movement since {moved[0].Movement!.PreviousYear}</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"slopes\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{height}\" role=\"img\" aria-label=\"Rank last year and this year\">\n")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"12\" text-anchor=\"middle\">{moved[0].Movement!.PreviousYear}</text><text x=\"{right}\" y=\"12\" text-anchor=\"middle\">{summary.Year}</text>\n");
        foreach (var unit in moved)
        {
            var m = unit.Movement!;
            var y1 = top + (m.PreviousRank - 1) * rowHeight;
            var y2 = top + (unit.Rank - 1) * rowHeight;
            var direction = m.PlacesChange > 0 ? "up" : m.PlacesChange < 0 ? "down" : "same";
            html.Append(CultureInfo.InvariantCulture,
                $"<line class=\"{direction}\" data-unit=\"{E(unit.UnitCode)}\" x1=\"{left}\" y1=\"{y1}\" x2=\"{right}\" y2=\"{y2}\"><title>{E(unit.UnitName)}: {m.PreviousRank} → {unit.Rank}</title></line>" +
                $"<text x=\"{right + 6}\" y=\"{y2 + 3}\">{E(unit.UnitName)}</text>\n");
        }
        html.Append("</svg>\n</section>\n");
    }

    private static void Regions(StringBuilder html, SummaryDocument summary)
    {
        var regions = summary.Units.Where(u => u.Region is not null).GroupBy(u => u.Region!.Group).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (regions.Count == 0)
        {
            return;
        }
        html.Append("<section id=\"regions\">\n<h2>Ranks by region</h2>\n");
        foreach (var region in regions)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(region.Key)}</h3>\n<ol>");
            foreach (var unit in region.OrderBy(u => u.Region!.Rank))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li value=\"{unit.Region!.Rank}\">{E(unit.UnitName)}: {unit.Score:0.00} ({unit.Rank} nationally)</li>");
            }
            html.Append("</ol>\n");
        }
        html.Append("</section>\n");
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> header, IReadOnlyList<object?[]> rows)
    {
        html.Append("<section id=\"table\">\n<h2>Full table</h2>\n<table>\n<thead><tr>");
        foreach (var name in header)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"t\">{E(name)}</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(cell is string s ? $"<td class=\"t\">{E(s)}</td>" : $"<td>{E(SummaryCsv.Cell(cell))}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Short(string version) => version[..Math.Min(12, version.Length)];
}
