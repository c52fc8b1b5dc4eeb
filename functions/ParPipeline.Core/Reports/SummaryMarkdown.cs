using System.Globalization;
using System.Text;

namespace ParPipeline.Reports;

/// <summary>Renders <c>summary.md</c>: a title and the ranked table.</summary>
public static class SummaryMarkdown
{
    public static string Render(SummaryDocument summary)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {summary.IndexName} {summary.Year}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{summary.Units.Count} units ranked.\n\n");
        if (summary.Overview is { } overview)
        {
            md.Append(Escape(overview.En)).Append("\n\n").Append(Escape(overview.Vi)).Append("\n\n");
        }
        md.Append("| Rank | Code | Unit | Score |\n|---:|---|---|---:|\n");
        foreach (var unit in summary.Units)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {unit.Rank} | {unit.UnitCode} | {Escape(unit.UnitName)} | {unit.Score:F2} |\n");
        }
        if (summary.Narratives.Count > 0)
        {
            md.Append("\n## Units\n\n");
            foreach (var narrative in summary.Narratives)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {Escape(narrative.En)}\n  \n  {Escape(narrative.Vi)}\n");
            }
        }
        return md.ToString();
    }

    // A unit name is data from a ministry file: keep it from breaking out of its table cell.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace("<", "&lt;", StringComparison.Ordinal);
}
