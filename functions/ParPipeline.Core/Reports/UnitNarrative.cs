using System.Globalization;
using System.Text;
using ParPipeline.Ranking;

namespace ParPipeline.Reports;

/// <summary>
/// The sentences a Department of Home Affairs or a newsroom writes about one unit, from the data alone, in
/// English and Vietnamese: rank of N with points, movement in points and places ("but" only when they
/// disagree), place among the centrally governed cities with who is ahead, place in the region, the standout
/// field, where the points came from criterion by criterion (when both years have an annex), and the SIPAS result.
/// A clause is left out when the data does not support it.
/// </summary>
public static class UnitNarrative
{
    // A field "stands out" when it ranks in the top five nationally.
    private const int StandoutRank = 5;

    public static string English(NarrativeInput input)
    {
        var unit = input.Unit;
        var name = input.NameEn(unit.UnitCode);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{name} ranked {Tied(input, EnglishText.Ordinal(unit.Rank))} of {unit.Of} in {(input.Index.ShortNameEn.Contains("INDEX", StringComparison.Ordinal) ? "the " : "")}{input.Index.ShortNameEn} {input.Year} with {F(unit.Score)} points");
        if (unit.Movement is { } m)
        {
            var points = m.PointsChange == 0 ? "no change in points" : $"{(m.PointsChange > 0 ? "an increase" : "a decrease")} of {EnglishText.Points(m.PointsChange)}";
            var places = m.PlacesChange == 0 ? "the same place" : $"{(m.PlacesChange > 0 ? "up" : "down")} {EnglishText.Places(m.PlacesChange)}";
            var disagree = Math.Sign(m.PointsChange) * Math.Sign(m.PlacesChange) < 0 || (m.PointsChange != 0) != (m.PlacesChange != 0);
            text.Append(CultureInfo.InvariantCulture, $", {points} {(disagree ? "but" : "and")} {places} compared to {m.PreviousYear}");
        }
        else if (!unit.LikeForLike)
        {
            text.Append(CultureInfo.InvariantCulture, $"; formed on 1 July 2025{(unit.Predecessors.Count > 0 ? $" from {EnglishText.List([.. unit.Predecessors.Select(p => input.NameEn(p.UnitCode))])}" : "")}, it has no like-for-like result for {input.Year - 1}");
            if (unit.Predecessors.Count > 0)
            {
                text.Append(" (").Append(string.Join("; ", unit.Predecessors.Select(p =>
                    $"{input.NameEn(p.UnitCode)} {EnglishText.Ordinal(p.Rank)} of {p.Of} with {F(p.Score)}"))).Append(')');
            }
        }
        else if (unit.FirstYear)
        {
            // Only the index's own first year is a first year; otherwise the data just holds no earlier one.
            text.Append(input.Index.FirstYear == input.Year ? ", the index's first year" : $", with no {input.Year - 1} result in the data to compare");
        }
        text.Append('.');
        if (unit.Movement is { } moved && CriteriaSentence.English(input.Index, moved.PointsChange, input.CriteriaChanges) is { } criteria)
        {
            text.Append(' ').Append(criteria);
        }

        var groups = new List<string>();
        if (unit.CityGroup is { } city)
        {
            var ahead = input.Table.Where(u => u.CityGroup is not null && u.CityGroup.Rank < city.Rank).OrderBy(u => u.CityGroup!.Rank).Select(u => input.NameEn(u.UnitCode)).ToList();
            groups.Add(city.Rank == 1
                ? $"first among the {city.Of} centrally governed cities"
                : $"{EnglishText.Ordinal(city.Rank)}{(ahead.Count is > 0 and <= 3 ? $" after {EnglishText.List(ahead)}" : "")} among the {city.Of} centrally governed cities");
        }
        if (unit.Region is { } region)
        {
            groups.Add($"{(region.Rank == 1 ? "first" : EnglishText.Ordinal(region.Rank))} among {region.Of} provinces and cities in the {input.RegionEn(region.Group)}");
        }
        if (groups.Count > 0)
        {
            text.Append(" It was ").Append(EnglishText.List(groups)).Append('.');
        }

        if (Standout(input) is { } standout)
        {
            var field = input.Index.Field(standout.Group)!;
            text.Append(CultureInfo.InvariantCulture, $" Its {field.NameEn.ToLowerInvariant()} ranked {EnglishText.Ordinal(standout.Rank)}");
            // Tied first, the leader is whichever of the tied comes first by code: "level with", not "0.00 points lower".
            text.Append(standout.Rank == 1 && standout.LeaderCode == unit.UnitCode ? ", the best of all units."
                : standout.Rank == 1 ? $", level with {input.NameEn(standout.LeaderCode)}."
                : $", only {F(standout.GapToLeader)} {(standout.GapToLeader == 1 ? "point" : "points")} lower than the leading unit, {input.NameEn(standout.LeaderCode)}.");
        }

        if (input.Sipas is { } sipas)
        {
            text.Append(CultureInfo.InvariantCulture, $" In SIPAS {input.SipasYear ?? input.Year} it ranked {EnglishText.Ordinal(sipas.Rank)}");
            if (sipas.Movement is { PlacesChange: not 0 } sm)
            {
                text.Append(CultureInfo.InvariantCulture, $", {(sm.PlacesChange > 0 ? "up" : "down")} {EnglishText.Places(sm.PlacesChange)}");
            }
            else if (sipas.Movement is not null)
            {
                text.Append(", the same place as the year before");
            }
            text.Append('.');
        }
        return text.ToString();
    }

    public static string Vietnamese(NarrativeInput input)
    {
        var unit = input.Unit;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{unit.UnitName} xếp thứ {unit.Rank}/{unit.Of}{(TiedWith(input).Count > 0 ? " (đồng hạng)" : "")} về {input.Index.ShortNameVi} năm {input.Year} với {V(unit.Score)} điểm");
        if (unit.Movement is { } m)
        {
            var points = m.PointsChange == 0 ? "giữ nguyên số điểm" : $"{(m.PointsChange > 0 ? "tăng" : "giảm")} {V(Math.Abs(m.PointsChange))} điểm";
            var places = m.PlacesChange == 0 ? "giữ nguyên thứ hạng" : $"{(m.PlacesChange > 0 ? "tăng" : "giảm")} {Math.Abs(m.PlacesChange)} bậc";
            var disagree = Math.Sign(m.PointsChange) * Math.Sign(m.PlacesChange) < 0 || (m.PointsChange != 0) != (m.PlacesChange != 0);
            text.Append(CultureInfo.InvariantCulture, $", {points} {(disagree ? "nhưng" : "và")} {places} so với năm {m.PreviousYear}");
        }
        else if (!unit.LikeForLike)
        {
            text.Append(CultureInfo.InvariantCulture, $"; được hình thành ngày 01/7/2025{(unit.Predecessors.Count > 0 ? $" từ {VietnameseList([.. unit.Predecessors.Select(p => p.UnitName)])}" : "")}, nên không so sánh tương đương với năm {input.Year - 1}");
            if (unit.Predecessors.Count > 0)
            {
                text.Append(" (").Append(string.Join("; ", unit.Predecessors.Select(p => $"{p.UnitName} xếp thứ {p.Rank}/{p.Of} với {V(p.Score)} điểm"))).Append(')');
            }
        }
        else if (unit.FirstYear)
        {
            text.Append(input.Index.FirstYear == input.Year ? ", năm đầu tiên của chỉ số" : $", chưa có kết quả năm {input.Year - 1} trong dữ liệu để so sánh");
        }
        text.Append('.');
        if (unit.Movement is { } moved && CriteriaSentence.Vietnamese(input.Index, moved.PointsChange, input.CriteriaChanges) is { } criteria)
        {
            text.Append(' ').Append(criteria);
        }

        var groups = new List<string>();
        if (unit.CityGroup is { } city)
        {
            var ahead = input.Table.Where(u => u.CityGroup is not null && u.CityGroup.Rank < city.Rank).OrderBy(u => u.CityGroup!.Rank).Select(u => u.UnitName).ToList();
            groups.Add(city.Rank == 1
                ? $"đứng đầu {city.Of} thành phố trực thuộc Trung ương"
                : $"đứng thứ {city.Rank} trong {city.Of} thành phố trực thuộc Trung ương{(ahead.Count is > 0 and <= 3 ? $", sau {VietnameseList(ahead)}" : "")}");
        }
        if (unit.Region is { } region)
        {
            groups.Add(region.Rank == 1
                ? $"đứng đầu {region.Of} tỉnh, thành phố khu vực {region.Group}"
                : $"đứng thứ {region.Rank} trong {region.Of} tỉnh, thành phố khu vực {region.Group}");
        }
        if (groups.Count > 0)
        {
            var sentence = string.Join("; ", groups);
            text.Append(' ').Append(char.ToUpperInvariant(sentence[0])).Append(sentence[1..]).Append('.');
        }

        if (Standout(input) is { } standout)
        {
            var field = input.Index.Field(standout.Group)!;
            var fieldName = field.NameVi;
            text.Append(CultureInfo.InvariantCulture, $" {char.ToUpperInvariant(fieldName[0])}{fieldName[1..]} xếp thứ {standout.Rank}");
            var leaderName = input.Table.First(u => u.UnitCode == standout.LeaderCode).UnitName;
            text.Append(standout.Rank == 1 && standout.LeaderCode == unit.UnitCode ? ", cao nhất trong các đơn vị."
                : standout.Rank == 1 ? $", ngang với {leaderName}."
                : $", chỉ thấp hơn {V(standout.GapToLeader)} điểm so với đơn vị dẫn đầu là {leaderName}.");
        }

        if (input.Sipas is { } sipas)
        {
            text.Append(CultureInfo.InvariantCulture, $" Chỉ số SIPAS năm {input.SipasYear ?? input.Year} xếp thứ {sipas.Rank}");
            if (sipas.Movement is { PlacesChange: not 0 } sm)
            {
                text.Append(CultureInfo.InvariantCulture, $", {(sm.PlacesChange > 0 ? "tăng" : "giảm")} {Math.Abs(sm.PlacesChange)} bậc");
            }
            else if (sipas.Movement is not null)
            {
                text.Append(", giữ nguyên thứ hạng");
            }
            text.Append('.');
        }
        return text.ToString();
    }

    /// <summary>The field ranked best nationally, if it is in the top five; ties go to the earlier field of the definition.</summary>
    private static Place? Standout(NarrativeInput input) =>
        input.Index.Fields.Where(f => input.Unit.Fields.ContainsKey(f.Key)).Select(f => input.Unit.Fields[f.Key])
            .Where(p => p.Rank <= StandoutRank).OrderBy(p => p.Rank).FirstOrDefault();

    private static List<UnitRanking> TiedWith(NarrativeInput input) =>
        [.. input.Table.Where(u => u.UnitCode != input.Unit.UnitCode && u.Rank == input.Unit.Rank)];

    private static string Tied(NarrativeInput input, string ordinal) =>
        TiedWith(input) is { Count: > 0 } tied ? $"joint {ordinal} (with {EnglishText.List([.. tied.Select(u => input.NameEn(u.UnitCode))])})" : ordinal;

    // "A, B và C", as Vietnamese lists end.
    internal static string VietnameseList(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} và {items[^1]}";

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    // Vietnamese writes a decimal comma: 88,68 điểm.
    private static string V(double value) => value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
