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

    /// <summary>Who may reference whom (ARCHITECTURE.md): Core knows no trigger host; the hosts know Core; the shared
    /// test inputs know Core and the local host; the tests and the bench know those, and never each other.</summary>
    [Theory]
    [InlineData("functions/ParPipeline.Core/ParPipeline.Core.csproj", new string[0])]
    [InlineData("functions/ParPipeline.Functions/ParPipeline.Functions.csproj", new[] { "ParPipeline.Core" })]
    [InlineData("functions/ParPipeline.Local/ParPipeline.Local.csproj", new[] { "ParPipeline.Core" })]
    [InlineData("tests/ParPipeline.TestInputs/ParPipeline.TestInputs.csproj", new[] { "ParPipeline.Core", "ParPipeline.Local" })]
    [InlineData("tests/ParPipeline.Tests/ParPipeline.Tests.csproj", new[] { "ParPipeline.Core", "ParPipeline.Functions", "ParPipeline.Local", "ParPipeline.TestInputs" })]
    [InlineData("bench/ParPipeline.Bench/ParPipeline.Bench.csproj", new[] { "ParPipeline.Core", "ParPipeline.Local", "ParPipeline.TestInputs" })]
    public void Each_project_references_only_the_projects_its_layer_may_know(string project, string[] allowed)
    {
        var references = XDocument.Load(Path.Combine(RepositoryPaths.Root, project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/')))
            .Order(StringComparer.Ordinal);
        Assert.Equal(allowed, references);
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
