using System.Globalization;
using ParPipeline.Indices;
using ParPipeline.Ranking;

namespace ParPipeline.Reports;

/// <summary>
/// The paragraph that opens a summary: who led and by how much, the top three, the average and its change,
/// how many units rose and fell; in English and Vietnamese. Written from the table alone.
/// </summary>
public static class SummaryNarrative
{
    public static string English(IndexDefinition index, int year, IReadOnlyList<UnitRanking> units, Func<string, string> nameEn)
    {
        if (units.Count == 0)
        {
            return "";
        }
        var (leader, next, mean, previousMean, up, down, same) = Figures(units);
        var article = index.ShortNameEn.Contains("INDEX", StringComparison.Ordinal) ? "the " : "";
        var text = $"{nameEn(leader.UnitCode)} led {article}{index.ShortNameEn} {year} with {F(leader.Score)} points";
        if (next.Count > 0)
        {
            text += ", ahead of " + EnglishText.List([.. next.Select(u => $"{nameEn(u.UnitCode)} ({F(u.Score)})")]);
        }
        text += $". The average of the {units.Count} units was {F(mean)}";
        if (previousMean is { } before)
        {
            var change = Math.Round(mean - before, index.Decimals);
            text += change == 0 ? ", unchanged from the year before" : $", {(change > 0 ? "up" : "down")} {F(Math.Abs(change))} from the year before";
        }
        text += ".";
        if (up + down + same > 0)
        {
            text += $" {up} {(up == 1 ? "unit" : "units")} scored higher than the year before and {down} lower" + (same > 0 ? $"; {same} the same." : ".");
        }
        return text;
    }

    public static string Vietnamese(IndexDefinition index, int year, IReadOnlyList<UnitRanking> units)
    {
        if (units.Count == 0)
        {
            return "";
        }
        var (leader, next, mean, previousMean, up, down, same) = Figures(units);
        var text = $"{leader.UnitName} dẫn đầu {index.ShortNameVi} năm {year} với {V(leader.Score)} điểm";
        if (next.Count > 0)
        {
            text += ", tiếp theo là " + string.Join(" và ", next.Select(u => $"{u.UnitName} ({V(u.Score)})"));
        }
        text += $". Điểm trung bình của {units.Count} đơn vị là {V(mean)}";
        if (previousMean is { } before)
        {
            var change = Math.Round(mean - before, index.Decimals);
            text += change == 0 ? ", không đổi so với năm trước" : $", {(change > 0 ? "tăng" : "giảm")} {V(Math.Abs(change))} so với năm trước";
        }
        text += ".";
        if (up + down + same > 0)
        {
            text += $" Có {up} đơn vị tăng điểm và {down} đơn vị giảm điểm" + (same > 0 ? $"; {same} đơn vị giữ nguyên." : ".");
        }
        return text;
    }

    private static (UnitRanking Leader, List<UnitRanking> Next, double Mean, double? PreviousMean, int Up, int Down, int Same) Figures(IReadOnlyList<UnitRanking> units)
    {
        var ordered = units.OrderBy(u => u.Rank).ThenBy(u => u.UnitCode, StringComparer.Ordinal).ToList();
        var moved = units.Where(u => u.Movement is not null).ToList();
        // The year-before average is over the same units, so that it compares like with like.
        double? previousMean = moved.Count == units.Count ? moved.Average(u => u.Movement!.PreviousScore) : null;
        return (ordered[0], [.. ordered.Skip(1).Take(2)], units.Average(u => u.Score), previousMean,
            moved.Count(u => u.Movement!.PointsChange > 0), moved.Count(u => u.Movement!.PointsChange < 0), moved.Count(u => u.Movement!.PointsChange == 0));
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string V(double value) => F(value).Replace('.', ',');
}
