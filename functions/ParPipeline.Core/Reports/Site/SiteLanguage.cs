namespace ParPipeline.Reports.Site;

/// <summary>The two languages of the site: Vietnamese first (the readers' own), English beside it.</summary>
public enum SiteLanguage
{
    Vi,
    En,
}
