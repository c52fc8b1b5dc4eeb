using System.Globalization;

namespace ParPipeline.Bench;

/// <summary>The run as a table, one row per measurement beside its floor.</summary>
public static class ResultTable
{
    public static void Write(TextWriter output, BenchReport report)
    {
        var header = new[] { "measure", "case", "value", "floor", "ratio", "target", "met" };
        var rows = report.Rows.Select(r => new[]
        {
            r.Measure, r.Case, Number(r.Value, r.Unit), Number(r.FloorValue, r.Unit), r.Ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x",
            r.Target ?? "", r.Met switch { true => "yes", false => "NO", null => "" },
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine();
        output.WriteLine($"ParPipeline benchmark, size {report.Size}, {report.Seconds:0} s; {report.Machine.Cores} cores, {report.Machine.Cpu}, {report.Machine.Runtime}, {report.Machine.Configuration}");
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
        }
        foreach (var note in report.Notes)
        {
            output.WriteLine($"  {note}");
        }
        foreach (var row in report.Rows.Where(r => r.Note is not null))
        {
            output.WriteLine($"  {row.Measure}: {row.Note}");
        }
    }

    private static string Number(double value, string unit) =>
        value.ToString(value >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture) + " " + unit;
}
