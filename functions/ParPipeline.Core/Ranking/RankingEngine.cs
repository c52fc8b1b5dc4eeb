using ParPipeline.Indices;
using ParPipeline.Units;

namespace ParPipeline.Ranking;

/// <summary>
/// The rankings people quote, as a pure function of an index-year's scores, the previous year's and the
/// gazetteer: national, regional, city-group and field ranks with their leaders and gaps, and year-on-year
/// movement followed through the 2025 reorganisation (a merged unit has no like-for-like predecessor).
/// </summary>
public static class RankingEngine
{
    public const string NationalGroup = "national";
    public const string CityGroupName = "centrally governed cities";

    public static IReadOnlyList<UnitRanking> Compute(
        IndexDefinition index, int year, IReadOnlyList<UnitScore> current, IReadOnlyList<UnitScore>? previous, Gazetteer gazetteer)
    {
        var units = current.ToDictionary(s => s.UnitCode, s => gazetteer.Find(index.UnitKind, year, s.UnitCode), StringComparer.Ordinal);
        var national = Places(NationalGroup, current, s => s.Total, index);
        var regions = current.Where(s => units[s.UnitCode]?.Region is not null)
            .GroupBy(s => units[s.UnitCode]!.Region!)
            .SelectMany(g => Places(g.Key, [.. g], s => s.Total, index))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var cities = Places(CityGroupName, [.. current.Where(s => units[s.UnitCode]?.CentrallyGoverned == true)], s => s.Total, index);
        var fields = current.SelectMany(s => s.Fields?.Keys ?? []).Where(k => k != IndexDefinition.TotalKey).Distinct(StringComparer.Ordinal)
            .ToDictionary(k => k, k => Places(k, [.. current.Where(s => s.Fields?.ContainsKey(k) == true)], s => s.Fields![k], index), StringComparer.Ordinal);

        var before = previous is null ? null : Places(NationalGroup, previous, s => s.Total, index);
        var previousNames = previous?.ToDictionary(s => s.UnitCode, s => s.UnitName, StringComparer.Ordinal);

        return [.. current.Select(score =>
        {
            var code = score.UnitCode;
            var place = national[code];
            var unit = units[code];
            var (movement, firstYear, likeForLike, predecessors) = History(index, year, score, place, unit, before, previousNames);
            return new UnitRanking(code, score.UnitName, place.Score, place.Rank, place.Of, place,
                regions.GetValueOrDefault(code), cities.GetValueOrDefault(code),
                fields.Where(f => f.Value.ContainsKey(code)).ToDictionary(f => f.Key, f => f.Value[code], StringComparer.Ordinal),
                movement, firstYear, likeForLike, predecessors);
        }).OrderBy(r => r.Rank).ThenBy(r => r.UnitCode, StringComparer.Ordinal)];
    }

    private static (Movement?, bool FirstYear, bool LikeForLike, IReadOnlyList<PredecessorResult>) History(
        IndexDefinition index, int year, UnitScore score, Place place, Unit? unit, Dictionary<string, Place>? before, Dictionary<string, string>? names)
    {
        if (before is null)
        {
            return (null, true, true, []);
        }
        var acrossReorganisation = index.UnitKind == UnitKind.Province && year >= Gazetteer.ReorganisationYear && year - 1 < Gazetteer.ReorganisationYear;
        if (acrossReorganisation && unit is { IsMerged: true })
        {
            var predecessors = unit.PredecessorCodes.Where(before.ContainsKey)
                .Select(c => new PredecessorResult(c, names![c], year - 1, before[c].Score, before[c].Rank, before[c].Of)).ToList();
            return (null, predecessors.Count == 0, false, predecessors);
        }
        if (!before.TryGetValue(score.UnitCode, out var last))
        {
            return (null, true, true, []);
        }
        var sign = index.HigherIsBetter ? 1 : -1;
        var points = Math.Round(sign * (place.Score - last.Score), index.Decimals, MidpointRounding.AwayFromZero);
        return (new Movement(year - 1, last.Score, last.Rank, last.Of, points, last.Rank - place.Rank), false, true, []);
    }

    private static Dictionary<string, Place> Places(string group, IReadOnlyList<UnitScore> scores, Func<UnitScore, double> value, IndexDefinition index)
    {
        var ranked = CompetitionRanking.Rank(scores, value, s => s.UnitCode, index.Decimals, index.HigherIsBetter);
        if (ranked.Count == 0)
        {
            return [];
        }
        var leader = ranked[0];
        return ranked.ToDictionary(r => r.Item.UnitCode, r => new Place(group, r.Score, r.Rank, ranked.Count,
            leader.Item.UnitCode, leader.Item.UnitName, leader.Score,
            Math.Round(Math.Abs(leader.Score - r.Score), index.Decimals, MidpointRounding.AwayFromZero)), StringComparer.Ordinal);
    }
}
