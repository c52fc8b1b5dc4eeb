namespace ParPipeline.Reports.Site;

/// <summary>The stylesheet and the script every page links (embedded beside this code), read once.</summary>
public static class SiteAssets
{
    public static string Stylesheet { get; } = Read("site.css");

    public static string Script { get; } = Read("site.js");

    private static string Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"ParPipeline.Reports.Site.{name}")
            ?? throw new InvalidOperationException($"The site asset {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
