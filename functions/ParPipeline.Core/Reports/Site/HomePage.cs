using System.Text;
using ParPipeline.Units;
using static ParPipeline.Reports.Site.SiteText;

namespace ParPipeline.Reports.Site;

/// <summary>
/// <c>index.html</c>: every index and year, newest first, each with its headline; then every unit, provinces by
/// region north to south and ministries in Vietnamese alphabetical order, each linked to its profile.
/// </summary>
public static class HomePage
{
    public static string Render(SiteText t, SiteModel model)
    {
        var path = SitePaths.Home(t.Language);
        string L(string to) => E(SitePaths.Link(path, to));
        var body = new StringBuilder();
        body.Append("<h1>").Append(t.T("Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS)",
            "Public Administration Reform Index (PAR INDEX) and Satisfaction Index (SIPAS)")).Append("</h1>\n")
            .Append("<p class=\"lede\">").Append(t.T(
                "Kết quả của các tỉnh, thành phố và các bộ, ngành do Bộ Nội vụ công bố hằng năm; thứ hạng cả nước, theo vùng và theo nhóm thành phố trực thuộc Trung ương, và thay đổi so với năm trước, được tính lại từ dữ liệu.",
                "The results of the provinces, cities and ministries that the Ministry of Home Affairs publishes every year; national, regional and city-group ranks and the change since the year before, recomputed from the data.")).Append("</p>\n");
        if (model.Editions.Count == 0)
        {
            body.Append("<p class=\"note\">").Append(t.T("Chưa có kết quả nào được công bố.", "No results have been published yet.")).Append("</p>\n");
        }
        foreach (var index in model.Indices)
        {
            body.Append("<section id=\"").Append(E(index.Code.ToLowerInvariant())).Append("\">\n<h2>").Append(E(t.T(index.NameVi, index.NameEn))).Append("</h2>\n<ul>\n");
            foreach (var edition in model.EditionsOf(index.Code))
            {
                body.Append("<li><a href=\"").Append(L(SitePaths.Edition(index.Code, edition.Year, t.Language))).Append("\"><strong>")
                    .Append(E(t.T($"{index.ShortNameVi} năm {edition.Year}", $"{index.ShortNameEn} {edition.Year}"))).Append("</strong></a>");
                if (edition.Overview is { } overview)
                {
                    body.Append(": ").Append(E(FirstSentence(t.Vi ? overview.Vi : overview.En)));
                }
                body.Append("</li>\n");
            }
            body.Append("</ul>\n</section>\n");
        }

        var pages = model.UnitPages;
        if (pages.Count > 0)
        {
            body.Append("<section id=\"units\">\n<h2>").Append(t.T("Các đơn vị", "Units")).Append("</h2>\n<div class=\"cols\">\n");
            var collation = Collation(t);
            string Name(UnitPageKey page) => model.NameOf(page.Code, page.Kind, t.Language, page.NameYear);
            void Item(UnitPageKey page)
            {
                body.Append("<li><a href=\"").Append(L(SitePaths.Unit(page.Key, t.Language))).Append("\">").Append(E(Name(page))).Append("</a>");
                if (model.EraLabel(page, t.Language) is { } era)
                {
                    body.Append(" <span class=\"muted\">(").Append(E(era)).Append(")</span>");
                }
                body.Append("</li>");
            }
            var provinces = pages.Where(p => p.Kind == UnitKind.Province)
                .GroupBy(p => model.Gazetteer.Units.Where(u => u.Kind == UnitKind.Province && u.Code == p.Code && (p.NameYear is not { } y || u.ExistsIn(y)))
                    .OrderByDescending(u => u.FromYear).FirstOrDefault()?.Region ?? "")
                .OrderBy(g => model.RegionOrder(g.Key));
            foreach (var region in provinces)
            {
                body.Append("<div><h3>").Append(E(region.Key.Length == 0 ? t.T("Khác", "Other") : model.RegionName(region.Key, t.Language))).Append("</h3><ul>");
                foreach (var page in region.OrderBy(Name, collation).ThenBy(p => p.FromYear))
                {
                    Item(page);
                }
                body.Append("</ul></div>\n");
            }
            var ministries = pages.Where(p => p.Kind == UnitKind.Ministry).OrderBy(Name, collation).ToList();
            if (ministries.Count > 0)
            {
                body.Append("<div><h3>").Append(t.T("Bộ, cơ quan ngang bộ", "Ministries")).Append("</h3><ul>");
                ministries.ForEach(Item);
                body.Append("</ul></div>\n");
            }
            body.Append("</div>\n</section>\n");
        }
        var title = t.T("Chỉ số CCHC và SIPAS: kết quả và xếp hạng", "PAR INDEX and SIPAS: results and rankings");
        return PageShell.Render(t, path, SitePaths.Home(t.Vi ? SiteLanguage.En : SiteLanguage.Vi), title, title, [], body.ToString());
    }

    /// <summary>Vietnamese collation for a Vietnamese list (Đ after D, not after Z), English for an English one.</summary>
    public static StringComparer Collation(SiteText t) =>
        StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(t.Vi ? "vi-VN" : "en-GB"), ignoreCase: true);

    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }
}
