using System.Text;
using ParPipeline.Ingest;
using ParPipeline.Local;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Security;

/// <summary>
/// What the parser tells a user about each hostile file, word for word: every problem and warning with its sheet,
/// row and column, in both languages, against <c>hostile-problems.txt</c>. <see cref="HostileFileTests"/> holds
/// each file to its codes through ingestion and storage; this holds the texts themselves, without storage, so a
/// changed message, row or column fails here. After a deliberate change, rewrite the file with
/// <c>PARPIPELINE_WRITE_EXPECTED=1 dotnet test --filter HostileParseTests</c> and read its diff.
/// </summary>
public sealed class HostileParseTests
{
    private static readonly string Expected = Path.Combine(RepositoryRoot.Find(), "tests", "ParPipeline.Tests", "Security", "hostile-problems.txt");

    // The first problems of a file, and how many there were: the 3,000-bad-rows file has a thousand of one kind.
    private const int Shown = 12;

    [Fact]
    public void Every_hostile_file_gets_the_problems_and_warnings_written_down_for_it()
    {
        var text = new StringBuilder();
        foreach (var file in HostileCorpus.All.Where(f => f.Bytes.Length > 0))
        {
            var parsed = DropParser.Parse(file.Name, file.Bytes);
            text.Append("## ").Append(file.What).Append(" (").Append(file.Name).Append("): ")
                .Append(parsed.Problems.Count).Append(" problem(s), ").Append(parsed.Tables.Count).Append(" table(s), ").Append(parsed.LongTables.Count).Append(" long table(s)\n");
            foreach (var problem in parsed.Problems.Take(Shown))
            {
                Line(text, "-", problem);
            }
            if (parsed.Problems.Count > Shown)
            {
                Line(text, "-", parsed.Problems[^1]);
            }
            foreach (var warning in parsed.Tables.SelectMany(t => t.Warnings))
            {
                Line(text, "~", warning);
            }
        }
        var actual = text.ToString();
        if (Environment.GetEnvironmentVariable("PARPIPELINE_WRITE_EXPECTED") == "1")
        {
            File.WriteAllText(Expected, actual);
        }
        Assert.Equal(File.ReadAllText(Expected), actual);
    }

    private static void Line(StringBuilder text, string mark, IngestProblem p) =>
        text.Append(mark).Append(' ').Append(p.Code).Append(" @ ").Append(p.Sheet ?? "(file)").Append('!').Append(p.Cell ?? "-")
            // What the cell held, as the error report keeps it whole: here its start and length.
            .Append(p.Found is { } found ? $" [{DisplayText.Clip(found, 40)}]{(found.Length > 40 ? $" ({found.Length} characters)" : "")}" : "").Append('\n')
            .Append("  en: ").Append(p.Message).Append('\n')
            .Append("  vi: ").Append(p.MessageVi).Append('\n');
}
