using System.Text;
using static ParPipeline.Reports.Site.SiteText;

namespace ParPipeline.Reports.Site;

/// <summary>
/// The page of one index-year: its headline, the figures that matter, maps by quartile and by movement (provinces),
/// every unit ranked as bars, movement as a ranked dumbbell chart, ranks by region north to south and among the
/// centrally governed cities, the full sortable table, and the downloads.
/// </summary>
public static class EditionPage
{
    public static string Render(SiteText t, SiteEdition edition, SiteModel model)
    {
        var index = edition.Index;
        var path = SitePaths.Edition(index.Code, edition.Year, t.Language);
        string L(string to) => E(SitePaths.Link(path, to));
        var name = t.T(index.ShortNameVi, index.ShortNameEn);
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(t.T($"{name} năm {edition.Year}", $"{name} {edition.Year}"))).Append("</h1>\n")
            .Append("<p class=\"muted\">").Append(E(t.T(index.NameVi, index.NameEn))).Append("</p>\n");

        body.Append("<nav aria-label=\"").Append(t.T("Các năm", "Years")).Append("\"><ul class=\"years\">");
        foreach (var other in model.EditionsOf(index.Code))
        {
            body.Append("<li>").Append(other.Year == edition.Year
                ? $"<strong aria-current=\"page\">{other.Year}</strong>"
                : $"<a href=\"{L(SitePaths.Edition(index.Code, other.Year, t.Language))}\">{other.Year}</a>").Append("</li>");
        }
        body.Append("</ul></nav>\n");

        if (edition.Overview is { } overview)
        {
            body.Append("<p class=\"lede\">").Append(E(t.Vi ? overview.Vi : overview.En)).Append("</p>\n");
        }
        Facts(body, t, edition, model);
        Downloads(body, t, edition, path);

        if (index.UnitKind == Units.UnitKind.Province)
        {
            body.Append("<section id=\"maps\">\n<h2>").Append(t.T("Bản đồ", "Maps")).Append("</h2>\n<div class=\"maps\">\n")
                .Append(TileMap.Render(t, path, edition, model, TileMap.Mode.Quartile));
            if (edition.Units.Any(u => u.Movement is not null))
            {
                body.Append(TileMap.Render(t, path, edition, model, TileMap.Mode.Movement));
            }
            body.Append("</div>\n</section>\n");
        }

        body.Append("<section id=\"ranking\">\n<h2>").Append(t.T("Xếp hạng", "Ranking")).Append("</h2>\n")
            .Append(SiteCharts.Bars(t, path, edition, model)).Append("</section>\n");
        if (SiteCharts.Movement(t, path, edition, model) is { } movement)
        {
            var previous = edition.Units.First(u => u.Movement is not null).Movement!.PreviousYear;
            body.Append("<section id=\"movement\">\n<h2>").Append(E(t.T($"Thay đổi thứ hạng so với năm {previous}", $"Change in rank since {previous}"))).Append("</h2>\n")
                .Append(movement).Append("</section>\n");
        }
        else
        {
            body.Append("<p class=\"note\">").Append(E(edition.IndexBeganThisYear
                ? t.T("Đây là năm đầu tiên của chỉ số: chưa có năm trước để so sánh.", "This is the index's first year: there is no year before to compare with.")
                : t.T("Dữ liệu chưa có năm trước để so sánh thứ hạng.", "The data holds no earlier year to compare ranks with."))).Append("</p>\n");
        }
        Groups(body, t, edition, model, path);
        body.Append("<section id=\"table\" class=\"wide-table\">\n<h2>").Append(t.T("Bảng đầy đủ", "Full table")).Append("</h2>\n")
            .Append(EditionTable.Render(t, path, edition, model)).Append("</section>\n");

        var title = t.T($"{name} năm {edition.Year}", $"{name} {edition.Year}");
        return PageShell.Render(t, path, SitePaths.Edition(index.Code, edition.Year, t.Vi ? SiteLanguage.En : SiteLanguage.Vi), title,
            edition.Overview is { } o ? (t.Vi ? o.Vi : o.En) : title,
            [(t.T("Trang chủ", "Home"), SitePaths.Home(t.Language))], body.ToString());
    }

    private static void Facts(StringBuilder body, SiteText t, SiteEdition edition, SiteModel model)
    {
        if (edition.Units.Count == 0)
        {
            return;
        }
        var leader = edition.Units.OrderBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal).First();
        var moved = edition.Units.Where(u => u.Movement is not null).ToList();
        body.Append("<ul class=\"facts\">")
            .Append("<li>").Append(t.T("Số đơn vị", "Units ranked")).Append("<b>").Append(Integer(edition.Units.Count)).Append("</b></li>")
            .Append("<li>").Append(t.T("Dẫn đầu", "Leader")).Append("<b>").Append(E(model.NameOf(leader.UnitCode, edition.Index.UnitKind, t.Language, edition.Year)))
            .Append("</b>").Append(t.Score(leader.Score)).Append("</li>")
            .Append("<li>").Append(t.T("Điểm trung bình", "Average score")).Append("<b>").Append(t.Score(edition.Units.Average(u => u.Score))).Append("</b></li>");
        if (moved.Count > 0)
        {
            body.Append("<li>").Append(t.T("Tăng điểm / giảm điểm", "Scored higher / lower")).Append("<b>")
                .Append(Integer(moved.Count(u => u.Movement!.PointsChange > 0))).Append(" / ").Append(Integer(moved.Count(u => u.Movement!.PointsChange < 0)))
                .Append("</b>").Append(E(t.T($"trên {moved.Count} đơn vị so sánh được", $"of {moved.Count} comparable units"))).Append("</li>");
        }
        body.Append("</ul>\n");
    }

    private static void Downloads(StringBuilder body, SiteText t, SiteEdition edition, string path)
    {
        (string File, string Vi, string En)[] files =
        [
            ("summary.xlsx", "Excel (.xlsx)", "Excel (.xlsx)"),
            ("summary.vi.csv", "CSV cho Excel tiếng Việt (dấu ; và dấu thập phân ,)", "CSV for Excel in Vietnamese (; separator, decimal comma)"),
            ("summary.csv", "CSV chuẩn (dấu , và dấu thập phân .)", "Standard CSV (, separator, decimal point)"),
            ("summary.json", "JSON", "JSON"),
            ("summary.md", "Markdown", "Markdown"),
        ];
        body.Append("<section id=\"downloads\">\n<h2>").Append(t.T("Tải dữ liệu", "Downloads")).Append("</h2>\n<ul class=\"downloads\">");
        foreach (var (file, vi, en) in files)
        {
            body.Append("<li><a href=\"").Append(E(SitePaths.Link(path, SitePaths.Download(edition.Index.Code, edition.Year, file)))).Append("\" download>")
                .Append(E(t.T(vi, en))).Append("</a></li>");
        }
        body.Append("</ul>\n</section>\n");
    }

    private static void Groups(StringBuilder body, SiteText t, SiteEdition edition, SiteModel model, string path)
    {
        var regions = edition.Units.Where(u => u.Region is not null).GroupBy(u => u.Region!.Group).OrderBy(g => model.RegionOrder(g.Key)).ToList();
        var cities = edition.Units.Where(u => u.CityGroup is not null).OrderBy(u => u.CityGroup!.Rank).ToList();
        if (regions.Count == 0 && cities.Count == 0)
        {
            return;
        }
        body.Append("<section id=\"regions\">\n<h2>").Append(t.T("Theo vùng, từ Bắc vào Nam", "By region, north to south")).Append("</h2>\n<div class=\"cols\">\n");
        void List(string heading, IEnumerable<Ranking.UnitRanking> units, Func<Ranking.UnitRanking, int> rank)
        {
            body.Append("<div><h3>").Append(E(heading)).Append("</h3>\n<ol>");
            foreach (var unit in units)
            {
                body.Append("<li value=\"").Append(Integer(rank(unit))).Append("\"><a href=\"").Append(E(SitePaths.Link(path, SitePaths.Unit(model.PageOf(unit.UnitCode, edition.Index.UnitKind, edition.Year), t.Language)))).Append("\">")
                    .Append(E(model.NameOf(unit.UnitCode, edition.Index.UnitKind, t.Language, edition.Year))).Append("</a> <span class=\"num\">")
                    .Append(t.Score(unit.Score)).Append("</span> <span class=\"muted\">(").Append(E(t.T($"hạng {unit.Rank} cả nước", $"{unit.Rank} nationally"))).Append(")</span></li>");
            }
            body.Append("</ol></div>\n");
        }
        foreach (var region in regions)
        {
            List(model.RegionName(region.Key, t.Language), region.OrderBy(u => u.Region!.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal), u => u.Region!.Rank);
        }
        if (cities.Count > 0)
        {
            List(t.T("Thành phố trực thuộc Trung ương", "Centrally governed cities"), cities, u => u.CityGroup!.Rank);
        }
        body.Append("</div>\n</section>\n");
    }
}
