using System.Globalization;
using ParPipeline.Criteria;
using ParPipeline.Indices;

namespace ParPipeline.Reports;

/// <summary>
/// The narrative's sentence on criteria: where the points a unit gained (or lost) since the year before came from,
/// and what went the other way, each criterion with its component where the definition says ("Of the 1.14 points
/// gained, most came from 2.1 (+0.60, institutional reform) and 3.4 (+0.40), while 5.2 (−0.30) lost the most.").
/// "Most" only when the criteria named account for more than half of the change; nothing without an annex in both
/// years, or when the score did not move.
/// </summary>
public static class CriteriaSentence
{
    // A sentence, not a table: at most this many criteria on each side.
    private const int Named = 3;

    public static string? English(IndexDefinition index, double pointsChange, IReadOnlyList<CriterionPoints>? changes) =>
        Write(index, pointsChange, changes, english: true);

    public static string? Vietnamese(IndexDefinition index, double pointsChange, IReadOnlyList<CriterionPoints>? changes) =>
        Write(index, pointsChange, changes, english: false);

    private static string? Write(IndexDefinition index, double pointsChange, IReadOnlyList<CriterionPoints>? changes, bool english)
    {
        if (changes is null || changes.Count == 0 || pointsChange == 0)
        {
            return null;
        }
        var up = pointsChange > 0;
        var with = changes.Where(c => up ? c.Points > 0 : c.Points < 0).OrderByDescending(c => Math.Abs(c.Points)).ThenBy(c => c.Criterion, CriteriaTable.Order).ToList();
        var against = changes.Where(c => up ? c.Points < 0 : c.Points > 0).OrderByDescending(c => Math.Abs(c.Points)).ThenBy(c => c.Criterion, CriteriaTable.Order).ToList();
        if (with.Count == 0)
        {
            return null;
        }
        // As few criteria as explain more than half of the change, up to three.
        var named = new List<CriterionPoints>();
        var explained = 0.0;
        foreach (var c in with.Take(Named))
        {
            named.Add(c);
            explained += Math.Abs(c.Points);
            if (explained > Math.Abs(pointsChange) / 2)
            {
                break;
            }
        }
        var most = explained > Math.Abs(pointsChange) / 2;
        string Item(CriterionPoints c) => $"{c.Criterion} ({Signed(c.Points, english)}{Component(index, c.Component, english)})";
        var total = Number(Math.Abs(pointsChange), english);
        var other = against.Count > 0 ? Item(against[0]) : null;
        if (english)
        {
            var list = EnglishText.List([.. named.Select(Item)]);
            var head = up
                ? (most ? $"Of the {total} points gained, most came from {list}" : $"Of the {total} points gained, the largest gains were in {list}")
                : (most ? $"Of the {total} points lost, most went in {list}" : $"Of the {total} points lost, the largest losses were in {list}");
            return head + (other is null ? "." : up ? $", while {other} lost the most." : $", while {other} gained the most.");
        }
        var danh = UnitNarrative.VietnameseList([.. named.Select(Item)]);
        var dau = up
            ? (most ? $"Trong {total} điểm tăng thêm, phần lớn đến từ {danh}" : $"Trong {total} điểm tăng thêm, tăng nhiều nhất ở {danh}")
            : (most ? $"Trong {total} điểm bị giảm, phần lớn ở {danh}" : $"Trong {total} điểm bị giảm, giảm nhiều nhất ở {danh}");
        return dau + (other is null ? "." : up ? $", trong khi {other} giảm nhiều nhất." : $", trong khi {other} tăng nhiều nhất.");
    }

    private static string Component(IndexDefinition index, string? component, bool english) =>
        component is not null && index.Field(component) is { } field ? ", " + (english ? field.NameEn.ToLowerInvariant() : field.NameVi.ToLowerInvariant()) : "";

    private static string Number(double value, bool english)
    {
        var text = value.ToString("0.00", CultureInfo.InvariantCulture);
        return english ? text : text.Replace('.', ',');
    }

    private static string Signed(double value, bool english) => (value > 0 ? "+" : value < 0 ? "−" : "") + Number(Math.Abs(value), english);
}
