using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParPipeline.Ingest;
using ParPipeline.Local;
using ParPipeline.Reports;
using ParPipeline.Storage;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Docs;

/// <summary>
/// The documentation cannot rot. Every fenced bash block in README.md, ARCHITECTURE.md, CONTRIBUTING.md and
/// docs/ is one of: <c>bash</c>, run here against a local host with every sample ranked and published (<c>$BASE</c>,
/// <c>$ADMIN_KEY</c>); <c>bash ci</c>, each command found in .ci/run; <c>bash azure</c>, syntax-checked, with the azd
/// outputs it reads declared by infra/main.bicep; <c>bash dev</c>, syntax-checked, with the test classes, benchmark
/// parts and paths it names existing. Links between the pages resolve, the README stays short, nothing points
/// outside the repository, and the error-code table is the one the code gives.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class DocsTests(AzuriteFixture azurite)
{
    private const string AdminKey = "docs-test-admin-key";

    private sealed record Block(string File, int Line, string Kind, string Text);

    private static IEnumerable<string> Pages() =>
        new[] { "README.md", "ARCHITECTURE.md", "CONTRIBUTING.md" }.Select(f => Path.Combine(RepositoryPaths.Root, f))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md"));

    private static List<Block> Blocks()
    {
        var blocks = new List<Block>();
        foreach (var page in Pages())
        {
            var lines = File.ReadAllLines(page);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("```bash", StringComparison.Ordinal))
                {
                    var kind = lines[i][3..].Trim();
                    var text = new StringBuilder();
                    var start = i + 1;
                    while (++i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal))
                    {
                        text.Append(lines[i]).Append('\n');
                    }
                    blocks.Add(new Block(Path.GetRelativePath(RepositoryPaths.Root, page), start, kind, text.ToString()));
                }
            }
        }
        return blocks;
    }

    private static IEnumerable<string> Commands(Block block) =>
        block.Text.Split('\n').Select(l => l.Split(" #", 2)[0].Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    [Fact]
    public void Every_bash_block_says_who_runs_it()
    {
        var blocks = Blocks();
        Assert.All(blocks, b => Assert.True(b.Kind is "bash" or "bash ci" or "bash azure" or "bash dev", $"{b.File}:{b.Line}: ```{b.Kind}"));
        Assert.Equal(["bash", "bash azure", "bash ci", "bash dev"], blocks.Select(b => b.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_runnable_block_runs_against_a_local_host_with_the_samples_published()
    {
        var folder = Directory.CreateTempSubdirectory("docs-reports-").FullName;
        await using var host = await LocalHost.StartAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PipelineStorageNames.Connection] = azurite.NewAccountConnectionString(),
            ["Local:HttpPort"] = "0",
            ["Local:AdminKey"] = AdminKey,
            ["Local:ReportsDirectory"] = folder,
        }).Build(), logging => logging.ClearProviders(), CancellationToken.None);
        await PipelineSteps.RankAllSamplesAsync(host.Services);
        await host.Services.GetRequiredService<ReportPublisher>().PublishChangedAsync(CancellationToken.None);
        await host.Services.GetRequiredService<ReportMirror>().MirrorAsync(CancellationToken.None);

        var runnable = Blocks().Where(b => b.Kind == "bash").ToList();
        Assert.True(runnable.Count >= 4, $"{runnable.Count} runnable blocks");
        foreach (var block in runnable)
        {
            var (exit, output) = await BashAsync(["-euo", "pipefail", "-c", block.Text], new()
            {
                ["BASE"] = host.BaseAddress.ToString().TrimEnd('/'),
                ["ADMIN_KEY"] = AdminKey,
            });
            Assert.True(exit == 0, $"{block.File}:{block.Line} exited {exit}:\n{block.Text}\n{output}");
            Assert.True(output.Length > 0, $"{block.File}:{block.Line} printed nothing");
        }
    }

    [Fact]
    public void Every_ci_block_command_is_run_by_ci()
    {
        var ci = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".ci", "run")).Select(l => l.Trim()).Where(l => !l.StartsWith('#')).ToList();
        var blocks = Blocks().Where(b => b.Kind == "bash ci").ToList();
        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            foreach (var command in Commands(block))
            {
                // The words of the documented command, in order, within one line of .ci/run (which adds flags such as --once).
                var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(ci.Any(line => InOrder(words, line.Split(' ', StringSplitOptions.RemoveEmptyEntries))), $"{block.File}:{block.Line}: .ci/run does not run '{command}'");
            }
        }
    }

    private static bool InOrder(string[] words, string[] line)
    {
        var at = 0;
        foreach (var word in line)
        {
            if (at < words.Length && word == words[at])
            {
                at++;
            }
        }
        return at == words.Length;
    }

    [Fact]
    public async Task Every_azure_block_parses_and_reads_only_outputs_the_template_declares()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"));
        var blocks = Blocks().Where(b => b.Kind == "bash azure").ToList();
        Assert.True(blocks.Count >= 4);
        foreach (var block in blocks)
        {
            var (exit, output) = await BashAsync(["-n", "-c", block.Text], []);
            Assert.True(exit == 0, $"{block.File}:{block.Line}: {output}");
            foreach (Match value in AzdValue().Matches(block.Text))
            {
                Assert.Contains($"output {value.Groups[1].Value} ", template, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Every_dev_block_parses_and_names_tests_parts_and_paths_that_exist()
    {
        var tests = typeof(DocsTests).Assembly.GetTypes().Select(t => t.FullName ?? "").ToList();
        var usage = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "bench", "ParPipeline.Bench", "BenchRun.cs"));
        var parts = BenchParts().Match(usage).Groups[1].Value.Split(',');
        var blocks = Blocks().Where(b => b.Kind == "bash dev").ToList();
        Assert.True(blocks.Count >= 5);
        foreach (var block in blocks)
        {
            var (exit, output) = await BashAsync(["-n", "-c", block.Text], []);
            Assert.True(exit == 0, $"{block.File}:{block.Line}: {output}");
            foreach (Match filter in TestFilter().Matches(block.Text))
            {
                Assert.True(tests.Any(t => t.Contains(filter.Groups[1].Value, StringComparison.Ordinal)), $"{block.File}:{block.Line}: no test matches {filter.Value}");
            }
            foreach (Match only in OnlyParts().Matches(block.Text))
            {
                Assert.All(only.Groups[1].Value.Split(','), part => Assert.Contains(part, parts));
            }
            foreach (Match project in ProjectPath().Matches(block.Text))
            {
                Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, project.Groups[1].Value)), $"{block.File}:{block.Line}: no project {project.Groups[1].Value}");
            }
            foreach (Match mutate in MutatePath().Matches(block.Text))
            {
                Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "functions"), Path.GetFileName(mutate.Groups[1].Value), SearchOption.AllDirectories));
            }
        }
    }

    [Fact]
    public void Links_between_pages_resolve_the_readme_stays_short_and_nothing_points_outside_the_repository()
    {
        foreach (var page in Pages())
        {
            var text = File.ReadAllText(page);
            foreach (Match link in MarkdownLink().Matches(text))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.Contains("://", StringComparison.Ordinal) || target.Length == 0)
                {
                    continue;
                }
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{Path.GetFileName(page)}: {link.Value} does not resolve");
                Assert.StartsWith(RepositoryPaths.Root, path, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
            Assert.DoesNotContain("shared/reference", text, StringComparison.Ordinal);
        }
        Assert.InRange(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")).Length, 60, 150);
        foreach (var concern in new[] { "dropping-files", "rankings", "reports", "api", "adding-an-index", "operating", "deploying", "guarantees", "performance", "troubleshooting" })
        {
            Assert.Contains($"(docs/{concern}.md)", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_error_code_table_is_the_one_the_code_gives()
    {
        var page = Path.Combine(RepositoryPaths.Root, "docs", "dropping-files.md");
        var text = File.ReadAllText(page).ReplaceLineEndings("\n");
        var table = new StringBuilder("| code | kind | what was expected | what to do |\n|---|---|---|---|\n");
        var warnings = ProblemCodes.Warnings;
        foreach (var field in typeof(ProblemCodes).GetFields().Where(f => f.IsLiteral))
        {
            var code = (string)field.GetRawConstantValue()!;
            Assert.True(ProblemGuide.Knows(code), code);
            var advice = ProblemGuide.For(code);
            table.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"| `{code}` | {(warnings.Contains(code) ? "warning" : "error")} | {Cell(advice.ExpectedVi)}<br>*{Cell(advice.ExpectedEn)}* | {Cell(advice.FixVi)}<br>*{Cell(advice.FixEn)}* |\n");
        }
        var start = text.IndexOf("<!-- codes:start -->\n", StringComparison.Ordinal) + "<!-- codes:start -->\n".Length;
        var end = text.IndexOf("<!-- codes:end -->", StringComparison.Ordinal);
        var expected = table.ToString();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(page, text[..start] + expected + text[end..]);
            return;
        }
        Assert.True(text[start..end] == expected, "docs/dropping-files.md's error-code table differs from ProblemGuide: run the tests with UPDATE_DOCS=1 to rewrite it.");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static Task<(int Exit, string Output)> BashAsync(IReadOnlyList<string> arguments, Dictionary<string, string> environment) =>
        NodeTools.ProcessAsync("bash", RepositoryPaths.Root, arguments, environment);

    [GeneratedRegex(@"azd env get-value ([A-Z_]+)")]
    private static partial Regex AzdValue();

    [GeneratedRegex(@"\[--only ([a-z,]+)\]")]
    private static partial Regex BenchParts();

    [GeneratedRegex(@"FullyQualifiedName~([A-Za-z0-9_.]+)")]
    private static partial Regex TestFilter();

    [GeneratedRegex(@"--only ([a-z,]+)")]
    private static partial Regex OnlyParts();

    [GeneratedRegex(@"--project ([A-Za-z0-9_./-]+)")]
    private static partial Regex ProjectPath();

    [GeneratedRegex(@"--mutate ""\*\*/([A-Za-z0-9_./]+)""")]
    private static partial Regex MutatePath();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
