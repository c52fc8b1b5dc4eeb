using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Docs;

/// <summary>
/// The committed Stryker configurations cannot rot silently: a test filter that names no test runs nothing (and every
/// mutant "survives" or, with a wrong name, the run measures other tests), and a mutate pattern that names no file
/// mutates nothing. Stryker itself says neither.
/// </summary>
public sealed class StrykerConfigTests
{
    private static List<string> Files() =>
        [.. Directory.GetFiles(RepositoryPaths.Root, "stryker-config*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Configs() => [.. Files()];

    private static JsonElement Config(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file))).RootElement.GetProperty("stryker-config");

    [Fact]
    public void There_is_a_configuration_for_each_part_measured()
    {
        Assert.Equal(
            ["stryker-config.api.json", "stryker-config.ingest.json", "stryker-config.json", "stryker-config.local-host.json", "stryker-config.ranking.json", "stryker-config.reports.json", "stryker-config.units.json"],
            Files());
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_test_filter_term_names_tests_of_this_assembly(string file)
    {
        if (!Config(file).TryGetProperty("test-case-filter", out var filter))
        {
            return;
        }
        var names = typeof(StrykerConfigTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
                .Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();
        var terms = filter.GetString()!.Split('|').Select(t => t.Replace("FullyQualifiedName~", "", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(terms);
        Assert.All(terms, term => Assert.True(names.Any(n => n.Contains(term, StringComparison.Ordinal)), $"{file}: '{term}' names no test"));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_mutate_pattern_names_files_that_exist(string file)
    {
        if (!Config(file).TryGetProperty("mutate", out var mutate))
        {
            return;
        }
        var project = Config(file).GetProperty("project").GetString() switch
        {
            "ParPipeline.Core.csproj" => Path.Combine(RepositoryPaths.Root, "functions", "ParPipeline.Core"),
            "ParPipeline.Local.csproj" => Path.Combine(RepositoryPaths.Root, "functions", "ParPipeline.Local"),
            var other => throw new InvalidOperationException($"{file}: project {other}"),
        };
        var sources = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .ToList();
        foreach (var pattern in mutate.EnumerateArray().Select(p => p.GetString()!))
        {
            // Stryker's globs: "**/" any folders, "*" within a name, "{41..97}" a span of lines; a leading "!" excludes,
            // and must exclude something too.
            var glob = Regex.Replace(pattern.TrimStart('!'), @"\{\d+\.\.\d+\}$", "");
            var regex = new Regex("^" + Regex.Escape(glob).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
            Assert.True(sources.Any(s => regex.IsMatch(s)), $"{file}: '{pattern}' names no file");
        }
    }
}
