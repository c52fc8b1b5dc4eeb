namespace ParPipeline.Local;

/// <summary>Finds the clone's root (the folder with ParPipeline.sln and package.json).</summary>
public static class RepositoryRoot
{
    public static string? TryFind()
    {
        try
        {
            return Find();
        }
        catch (LocalStartupException)
        {
            return null;
        }
    }

    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ParPipeline.sln")) && File.Exists(Path.Combine(dir.FullName, "package.json")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new LocalStartupException("Cannot find the repository root (a folder with ParPipeline.sln and package.json): run from inside the clone.");
    }
}
