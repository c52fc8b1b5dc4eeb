using System.Text;

namespace ParPipeline.Reports.Site;

/// <summary>One file of the site: its container path, content and content type.</summary>
public sealed record SiteFile(string Path, byte[] Content, string ContentType);

/// <summary>
/// Every page of the site from the model, in both languages: the home page, a page per edition, a profile per
/// unit, the 404 page, the stylesheet and the script. Plain: no storage, so tests render it directly.
/// </summary>
public static class SiteBuilder
{
    public const string Html = "text/html; charset=utf-8";

    public static IReadOnlyList<SiteFile> Build(SiteModel model)
    {
        var files = new List<SiteFile>
        {
            new(SitePaths.Stylesheet, Encoding.UTF8.GetBytes(SiteAssets.Stylesheet), "text/css; charset=utf-8"),
            new(SitePaths.Script, Encoding.UTF8.GetBytes(SiteAssets.Script), "text/javascript; charset=utf-8"),
            new("404.html", Encoding.UTF8.GetBytes(NotFoundPage.Render()), Html),
        };
        foreach (var language in new[] { SiteLanguage.Vi, SiteLanguage.En })
        {
            var t = new SiteText(language);
            files.Add(new(SitePaths.Home(language), Encoding.UTF8.GetBytes(HomePage.Render(t, model)), Html));
            foreach (var edition in model.Editions)
            {
                files.Add(new(SitePaths.Edition(edition.Index.Code, edition.Year, language), Encoding.UTF8.GetBytes(EditionPage.Render(t, edition, model)), Html));
            }
            foreach (var page in model.UnitPages)
            {
                files.Add(new(SitePaths.Unit(page.Key, language), Encoding.UTF8.GetBytes(UnitProfilePage.Render(t, page, model)), Html));
            }
        }
        return files;
    }
}
