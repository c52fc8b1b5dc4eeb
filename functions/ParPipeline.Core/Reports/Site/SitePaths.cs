namespace ParPipeline.Reports.Site;

/// <summary>
/// Where each page of the site lives in the <c>reports</c> container, and relative links between them (never
/// absolute, so the site works behind any URL or CDN). Vietnamese pages are <c>*.html</c>, English ones
/// <c>*.en.html</c> beside them.
/// </summary>
public static class SitePaths
{
    public static string Suffix(SiteLanguage language) => language == SiteLanguage.Vi ? ".html" : ".en.html";

    public static string Home(SiteLanguage language) => "index" + Suffix(language);

    public static string Edition(string index, int year, SiteLanguage language) => $"{index}/{year}/index{Suffix(language)}";

    public static string Unit(string code, SiteLanguage language) => $"units/{code}{Suffix(language)}";

    public static string Download(string index, int year, string file) => $"{index}/{year}/{file}";

    public const string Stylesheet = "site.css";
    public const string Script = "site.js";

    /// <summary>The link from the page at <paramref name="from"/> to <paramref name="to"/>, both container paths.</summary>
    public static string Link(string from, string to)
    {
        var fromFolders = from.Split('/')[..^1];
        var toParts = to.Split('/');
        var common = 0;
        while (common < fromFolders.Length && common < toParts.Length - 1 && fromFolders[common] == toParts[common])
        {
            common++;
        }
        return string.Concat(Enumerable.Repeat("../", fromFolders.Length - common)) + string.Join('/', toParts[common..]);
    }
}
