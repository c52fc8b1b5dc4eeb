namespace ParPipeline.Reports.Site;

/// <summary><c>404.html</c>, the static website's error document: both languages, a way home.</summary>
public static class NotFoundPage
{
    public static string Render()
    {
        var t = new SiteText(SiteLanguage.Vi);
        const string body = "<h1>Không tìm thấy trang</h1>\n<p>Trang này không có. <a href=\"index.html\">Về trang chủ</a>.</p>\n" +
            "<div lang=\"en\"><h2>Page not found</h2>\n<p>There is no such page. <a href=\"index.en.html\">Go to the home page</a>.</p></div>\n";
        return PageShell.Render(t, "404.html", SitePaths.Home(SiteLanguage.En), "Không tìm thấy trang / Page not found", "Không tìm thấy trang / Page not found", [], body);
    }
}
