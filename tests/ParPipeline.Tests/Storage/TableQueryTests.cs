using System.Text.RegularExpressions;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Storage;

/// <summary>
/// Table queries are OData strings (PartitionFilter, TableClient.CreateQueryFilter), never LINQ expressions: under
/// Stryker's instrumented build an expression's lambda carries a mutant switch and Table storage refuses the filter
/// it becomes ("The query condition specified in the request is invalid"), which failed every Azurite test under
/// every mutant, so no mutant of the code they hold could be told apart.
/// </summary>
public sealed partial class TableQueryTests
{
    [GeneratedRegex(@"\.Query(Async)?<[^>]+>\(\s*\w+\s*=>")]
    private static partial Regex ExpressionQuery();

    [Fact]
    public void No_table_query_of_the_app_is_a_LINQ_expression()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.True(sources.Count > 100, $"{sources.Count} files");
        Assert.Empty(sources.Where(f => ExpressionQuery().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    [Fact]
    public void A_partition_filter_is_escaped_by_the_SDK()
    {
        Assert.Equal("PartitionKey eq 'PAR-2023'", ParPipeline.Storage.PartitionFilter.Of("PAR-2023"));
        Assert.Equal("PartitionKey eq 'O''Brien'", ParPipeline.Storage.PartitionFilter.Of("O'Brien"));
    }
}
