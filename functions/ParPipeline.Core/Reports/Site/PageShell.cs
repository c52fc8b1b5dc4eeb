using System.Text;
using static ParPipeline.Reports.Site.SiteText;

namespace ParPipeline.Reports.Site;

/// <summary>
/// The frame of every page: lang, viewport, title, the stylesheet and script (relative links), a skip link, the
/// header with the way home and the language switch, the breadcrumbs, and the footer.
/// </summary>
public static class PageShell
{
    /// <param name="path">This page's container path, for relative links.</param>
    /// <param name="otherLanguage">The same page in the other language.</param>
    /// <param name="crumbs">Pages above this one, from the home page down (not this page).</param>
    public static string Render(SiteText t, string path, string otherLanguage, string title, string description,
        IReadOnlyList<(string Label, string Path)> crumbs, string body)
    {
        string L(string to) => E(SitePaths.Link(path, to));
        var html = new StringBuilder(body.Length + 2048);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.Tag).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n")
            .Append("<meta name=\"description\" content=\"").Append(E(description)).Append("\">\n")
            // No favicon: without this a browser asks the origin's root for /favicon.ico, outside the site.
            .Append("<link rel=\"icon\" href=\"data:,\">\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(L(SitePaths.Stylesheet)).Append("\">\n")
            .Append("<link rel=\"alternate\" hreflang=\"").Append(t.Vi ? "en" : "vi").Append("\" href=\"").Append(L(otherLanguage)).Append("\">\n")
            .Append("<script src=\"").Append(L(SitePaths.Script)).Append("\" defer></script>\n")
            .Append("</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">").Append(t.T("Bỏ qua, đến nội dung", "Skip to content")).Append("</a>\n")
            .Append("<header class=\"site\"><nav aria-label=\"").Append(t.T("Trang", "Site")).Append("\">")
            .Append("<a class=\"home\" href=\"").Append(L(SitePaths.Home(t.Language))).Append("\">")
            .Append(t.T("Chỉ số CCHC và SIPAS", "PAR INDEX and SIPAS")).Append("</a>")
            .Append("<a class=\"switch\" href=\"").Append(L(otherLanguage)).Append("\" hreflang=\"").Append(t.Vi ? "en" : "vi")
            .Append("\" lang=\"").Append(t.Vi ? "en" : "vi").Append("\">").Append(t.Vi ? "English" : "Tiếng Việt").Append("</a>")
            .Append("</nav></header>\n<main id=\"main\">\n");
        if (crumbs.Count > 0)
        {
            html.Append("<nav aria-label=\"").Append(t.T("Đường dẫn", "Breadcrumbs")).Append("\"><ol class=\"crumbs\">");
            foreach (var (label, to) in crumbs)
            {
                html.Append("<li><a href=\"").Append(L(to)).Append("\">").Append(E(label)).Append("</a></li>");
            }
            html.Append("</ol></nav>\n");
        }
        html.Append(body)
            .Append("</main>\n<footer class=\"site\"><p>")
            .Append(t.T("Số liệu do Bộ Nội vụ công bố, được ParPipeline tính lại thứ hạng từ dữ liệu gốc. Điểm làm tròn 2 chữ số thập phân.",
                "Figures as published by the Ministry of Home Affairs; ranks recomputed from the data by ParPipeline. Scores rounded to 2 decimals."))
            .Append(" <a class=\"switch\" href=\"").Append(L(otherLanguage)).Append("\" hreflang=\"").Append(t.Vi ? "en" : "vi")
            .Append("\" lang=\"").Append(t.Vi ? "en" : "vi").Append("\">").Append(t.Vi ? "English version" : "Bản tiếng Việt").Append("</a>")
            .Append("</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }
}
