using System.Xml.Linq;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Functions;

/// <summary>Central package management: every package the projects use has one pinned version.</summary>
public sealed class BuildSettingsTests
{
    [Fact]
    public void Every_package_reference_is_pinned_centrally_and_nowhere_else()
    {
        var pinned = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var projects = Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !p.Contains("node_modules", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(projects, p => p.EndsWith("ParPipeline.Functions.csproj", StringComparison.Ordinal));

        foreach (var project in projects)
        {
            foreach (var reference in XDocument.Load(project).Descendants("PackageReference"))
            {
                var name = (string)reference.Attribute("Include")!;
                Assert.True(pinned.ContainsKey(name), $"{Path.GetFileName(project)} references {name}, which Directory.Packages.props does not pin.");
                Assert.Null(reference.Attribute("Version"));
            }
        }
        Assert.All(pinned.Values, v => Assert.Matches(@"^\d+\.\d+\.\d+$", v));
        Assert.Equal("2.52.0", pinned["Microsoft.Azure.Functions.Worker"]);
        Assert.Equal("3.0.48", pinned["Microsoft.Azure.WebJobs"]);
        Assert.Equal("3.6.0", pinned["ExcelDataReader"]);
    }

    [Fact]
    public void Builds_are_net10_nullable_and_warnings_are_errors_except_NU1603()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        string Value(string name) => props.Descendants(name).Single().Value;
        Assert.Equal("net10.0", Value("TargetFramework"));
        Assert.Equal("enable", Value("Nullable"));
        Assert.Equal("true", Value("TreatWarningsAsErrors"));
        Assert.Contains("NU1603", Value("WarningsNotAsErrors"), StringComparison.Ordinal);
    }
}
