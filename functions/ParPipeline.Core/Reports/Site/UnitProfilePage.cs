using System.Text;
using ParPipeline.Ranking;
using ParPipeline.Units;
using static ParPipeline.Reports.Site.SiteText;

namespace ParPipeline.Reports.Site;

/// <summary>
/// A unit's profile across every index and year ingested: for each index its latest score and ranks (national,
/// region, city group), a trend chart and table over the years, each component with its maximum and rank, where
/// it gained and lost against the year before and against the leader, its peers side by side, its predecessors
/// or successor across the 2025 reorganisation, and its narrative.
/// </summary>
public static class UnitProfilePage
{
    public static string Render(SiteText t, UnitPageKey page, SiteModel model)
    {
        var (code, kind) = (page.Code, page.Kind);
        var path = SitePaths.Unit(page.Key, t.Language);
        string L(string to) => E(SitePaths.Link(path, to));
        var name = model.NameOf(code, kind, t.Language, page.NameYear);
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(name));
        if (model.EraLabel(page, t.Language) is { } era)
        {
            body.Append(" <span class=\"muted\">(").Append(E(era)).Append(")</span>");
        }
        body.Append("</h1>\n");
        Identity(body, t, page, model, L);

        var indices = model.Indices.Where(i => i.UnitKind == kind).ToList();
        foreach (var index in indices)
        {
            var years = model.EditionsOf(index.Code).Where(e => page.Covers(e.Year) && e.Find(code) is not null).OrderBy(e => e.Year).ToList();
            if (years.Count == 0)
            {
                continue;
            }
            IndexSection(body, t, code, model, years, L);
        }

        var shown = indices.Where(i => model.EditionsOf(i.Code).Any(e => page.Covers(e.Year) && e.Find(code) is not null)).Select(i => t.T(i.ShortNameVi, i.ShortNameEn)).Distinct().ToList();
        var title = shown.Count == 0 ? name : $"{name}: {string.Join(", ", shown)}";
        return PageShell.Render(t, path, SitePaths.Unit(page.Key, t.Vi ? SiteLanguage.En : SiteLanguage.Vi), title,
            t.T($"Kết quả, thứ hạng và diễn biến qua các năm của {name}.", $"Results, ranks and trends over the years for {name}."),
            [(t.T("Trang chủ", "Home"), SitePaths.Home(t.Language))], body.ToString());
    }

    private static void Identity(StringBuilder body, SiteText t, UnitPageKey page, SiteModel model, Func<string, string> L)
    {
        var (code, kind) = (page.Code, page.Kind);
        var eras = model.Gazetteer.Units.Where(u => u.Kind == kind && u.Code == code && page.Overlaps(u)).OrderBy(u => u.FromYear).ToList();
        var latest = eras.LastOrDefault();
        body.Append("<p class=\"muted\">");
        if (kind == UnitKind.Ministry)
        {
            body.Append(t.T("Bộ, cơ quan ngang bộ", "Ministry or ministry-level agency"));
        }
        else if (latest is not null)
        {
            body.Append(E(t.T(latest.CentrallyGoverned ? "Thành phố trực thuộc Trung ương" : "Tỉnh", latest.CentrallyGoverned ? "Centrally governed city" : "Province")));
            if (latest.Region is { } region)
            {
                body.Append(" · ").Append(E(model.RegionName(region, t.Language)));
            }
        }
        body.Append("</p>\n");
        string UnitLink(string other, int year) =>
            $"<a href=\"{L(SitePaths.Unit(model.PageOf(other, kind, year), t.Language))}\">{E(model.NameOf(other, kind, t.Language, year))}</a>";
        foreach (var era in eras)
        {
            if (era.IsMerged)
            {
                body.Append("<p class=\"note\">").Append(t.T("Từ ngày 01/07/2025 hợp nhất từ: ", "Since 1 July 2025 formed from: "))
                    .AppendJoin(", ", era.PredecessorCodes.Select(p => UnitLink(p, Gazetteer.ReorganisationYear - 1)))
                    .Append(t.T(". Kết quả từ năm 2025 không so sánh trực tiếp được với các năm trước.", ". Results from 2025 are not directly comparable with earlier years.")).Append("</p>\n");
            }
            else if (era.SuccessorCode is { } successor && era.ToYear is not null)
            {
                var next = model.Gazetteer.Find(kind, Gazetteer.ReorganisationYear, successor);
                if (next is not null && next.IsMerged)
                {
                    body.Append("<p class=\"note\">").Append(t.T("Từ ngày 01/07/2025 thuộc ", "Since 1 July 2025 part of "))
                        .Append(UnitLink(successor, Gazetteer.ReorganisationYear)).Append(".</p>\n");
                }
            }
        }
    }

    private static void IndexSection(StringBuilder body, SiteText t, string code, SiteModel model, IReadOnlyList<SiteEdition> years, Func<string, string> L)
    {
        var index = years[0].Index;
        var latest = years[^1];
        var unit = latest.Find(code)!;
        var id = index.Code.ToLowerInvariant();
        var indexName = t.T(index.ShortNameVi, index.ShortNameEn);
        body.Append("<section id=\"").Append(E(id)).Append("\">\n<h2>").Append(E(indexName)).Append("</h2>\n");
        body.Append("<ul class=\"facts\">")
            .Append("<li>").Append(E(t.T($"Điểm năm {latest.Year}", $"Score {latest.Year}"))).Append("<b>").Append(t.Score(unit.Score)).Append("</b>")
            .Append("<a href=\"").Append(L(SitePaths.Edition(index.Code, latest.Year, t.Language))).Append("\">").Append(E(t.T("bảng xếp hạng", "full ranking"))).Append("</a> · ")
            .Append("<a href=\"").Append(L(SitePaths.Download(index.Code, latest.Year, $"units/{code}.json"))).Append("\" download>JSON</a></li>")
            .Append("<li>").Append(t.T("Cả nước", "National rank")).Append("<b>").Append(E(t.RankOf(unit.Rank, unit.Of))).Append("</b></li>");
        if (unit.Region is { } region)
        {
            body.Append("<li>").Append(E(model.RegionName(region.Group, t.Language))).Append("<b>").Append(E(t.RankOf(region.Rank, region.Of))).Append("</b></li>");
        }
        if (unit.CityGroup is { } city)
        {
            body.Append("<li>").Append(t.T("Thành phố trực thuộc TW", "Centrally governed cities")).Append("<b>").Append(E(t.RankOf(city.Rank, city.Of))).Append("</b></li>");
        }
        body.Append("<li>").Append(t.T("So với năm trước", "Since the year before"));
        if (unit.Movement is { } m)
        {
            body.Append("<b class=\"").Append(m.PointsChange > 0 ? "up" : m.PointsChange < 0 ? "down" : "").Append("\">").Append(t.Change(m.PointsChange))
                .Append("</b>").Append(E(t.Places(m.PlacesChange)));
        }
        else
        {
            body.Append("<b>–</b>").Append(E(Honest.NoMovement(t, latest, unit)));
        }
        body.Append("</li></ul>\n");

        if (latest.NarrativeOf(code) is { } narrative)
        {
            body.Append("<p class=\"lede\">").Append(E(t.Vi ? narrative.Vi : narrative.En)).Append("</p>\n");
        }

        var series = years.Select(e => (e.Year, Unit: e.Find(code)!)).ToList();
        body.Append("<h3>").Append(E(t.T("Qua các năm", "Over the years"))).Append("</h3>\n<figure>")
            .Append(SiteCharts.Trend(t, t.T($"Điểm {indexName} của đơn vị qua các năm", $"{indexName} score over the years"), series))
            .Append("</figure>\n").Append(ScrollBox(t.T($"{indexName}: điểm và thứ hạng qua các năm", $"{indexName}: score and rank by year"))).Append("<table><caption>")
            .Append(E(t.T($"{indexName}: điểm và thứ hạng qua các năm", $"{indexName}: score and rank by year")))
            .Append("</caption><thead><tr><th scope=\"col\" class=\"t\">").Append(t.T("Năm", "Year")).Append("</th><th scope=\"col\">").Append(t.T("Điểm", "Score"))
            .Append("</th><th scope=\"col\">").Append(t.T("Hạng", "Rank")).Append("</th><th scope=\"col\">").Append(t.T("Thay đổi điểm", "Points change"))
            .Append("</th><th scope=\"col\">").Append(t.T("Thay đổi bậc", "Places change")).Append("</th></tr></thead><tbody>\n");
        foreach (var (year, result) in series.AsEnumerable().Reverse())
        {
            var edition = years.First(e => e.Year == year);
            body.Append("<tr><td class=\"t\"><a href=\"").Append(L(SitePaths.Edition(index.Code, year, t.Language))).Append("\">").Append(year).Append("</a></td>")
                .Append("<td class=\"num\">").Append(t.Score(result.Score)).Append("</td><td class=\"num\">").Append(E(t.RankOf(result.Rank, result.Of))).Append("</td>");
            body.Append(result.Movement is { } mv
                ? $"<td class=\"num\">{t.Change(mv.PointsChange)}</td><td class=\"num\">{E(t.Places(mv.PlacesChange))}</td>"
                : $"<td colspan=\"2\" class=\"t muted\">{E(Honest.NoMovement(t, edition, result))}</td>");
            body.Append("</tr>\n");
        }
        body.Append("</tbody></table>").Append(ScrollBoxEnd).Append('\n');

        // The latest year that has components: a file may give only the total (the 2024 and 2025 tables often do).
        var withFields = years.Select((e, i) => (Edition: e, Count: i + 1)).LastOrDefault(y => y.Edition.Find(code)!.Fields.Count > 0);
        if (withFields.Edition is not null)
        {
            Components(body, t, code, model, [.. years.Take(withFields.Count)], withFields.Edition.Find(code)!);
        }
        Criteria(body, t, code, model, years);
        Peers(body, t, code, model, latest, unit, L);
        if (unit.Predecessors.Count > 0)
        {
            body.Append("<h3>").Append(t.T("Các tỉnh trước hợp nhất", "The provinces before the merger")).Append("</h3>\n<ul>");
            foreach (var p in unit.Predecessors)
            {
                body.Append("<li><a href=\"").Append(L(SitePaths.Unit(model.PageOf(p.UnitCode, index.UnitKind, p.Year), t.Language))).Append("\">")
                    .Append(E(model.NameOf(p.UnitCode, index.UnitKind, t.Language, p.Year))).Append("</a>: ")
                    .Append(E(t.T($"năm {p.Year} đạt {t.Score(p.Score)} điểm, hạng {t.RankOf(p.Rank, p.Of)}", $"{p.Year}: {t.Score(p.Score)} points, rank {t.RankOf(p.Rank, p.Of)}"))).Append("</li>");
            }
            body.Append("</ul>\n");
        }
        body.Append("</section>\n");
    }

    private static void Components(StringBuilder body, SiteText t, string code, SiteModel model, IReadOnlyList<SiteEdition> years, UnitRanking unit)
    {
        var index = years[0].Index;
        var fields = index.Fields.Where(f => f.Key != Indices.IndexDefinition.TotalKey && unit.Fields.ContainsKey(f.Key)).ToList();
        if (fields.Count == 0)
        {
            return;
        }
        var previous = years.Count > 1 && unit.LikeForLike && years[^2].Year == years[^1].Year - 1 ? years[^2].Find(code) : null;
        double? Change(string key) => previous is not null && previous.Fields.TryGetValue(key, out var before) ? unit.Fields[key].Score - before.Score : null;
        var caption = t.T($"Năm {years[^1].Year}: điểm, điểm tối đa và thứ hạng của từng chỉ số thành phần", $"{years[^1].Year}: each component's score, maximum and rank");
        body.Append("<h3>").Append(t.T("Các chỉ số thành phần", "Components")).Append("</h3>\n").Append(ScrollBox(caption)).Append("<table><caption>")
            .Append(E(caption))
            .Append("</caption><thead><tr><th scope=\"col\" class=\"t\">").Append(t.T("Chỉ số thành phần", "Component")).Append("</th><th scope=\"col\">")
            .Append(t.T("Điểm", "Score")).Append("</th><th scope=\"col\">").Append(t.T("Tối đa", "Maximum")).Append("</th><th scope=\"col\">")
            .Append(t.T("Hạng", "Rank")).Append("</th><th scope=\"col\">").Append(t.T("Cách dẫn đầu", "Behind the leader")).Append("</th><th scope=\"col\">")
            .Append(t.T("So với năm trước", "Since the year before")).Append("</th></tr></thead><tbody>\n");
        foreach (var field in fields)
        {
            var place = unit.Fields[field.Key];
            var change = Change(field.Key);
            body.Append("<tr><td class=\"t\">").Append(E(t.T(field.NameVi, field.NameEn))).Append("</td><td class=\"num\">").Append(t.Score(place.Score))
                .Append("</td><td class=\"num\">").Append(t.Score(index.MaximumOf(field))).Append("</td><td class=\"num\">").Append(E(t.RankOf(place.Rank, place.Of)))
                .Append("</td><td class=\"num\">").Append(place.GapToLeader == 0 ? E(t.T("dẫn đầu", "leads")) : t.Change(-place.GapToLeader))
                .Append("</td><td class=\"num\">").Append(change is { } c ? t.Change(c) : "–").Append("</td></tr>\n");
        }
        body.Append("</tbody></table>").Append(ScrollBoxEnd).Append('\n');

        var changes = fields.Select(f => (Field: f, Change: Change(f.Key))).Where(c => c.Change is not null).Select(c => (c.Field, Change: c.Change!.Value)).ToList();
        var lines = new List<string>();
        if (changes.Count > 0)
        {
            var gain = changes.MaxBy(c => c.Change);
            var loss = changes.MinBy(c => c.Change);
            if (gain.Change > 0)
            {
                lines.Add(t.T($"Tăng nhiều nhất so với năm trước: {gain.Field.NameVi} ({t.Change(gain.Change)}).", $"Largest gain on the year before: {gain.Field.NameEn} ({t.Change(gain.Change)})."));
            }
            if (loss.Change < 0)
            {
                lines.Add(t.T($"Giảm nhiều nhất: {loss.Field.NameVi} ({t.Change(loss.Change)}).", $"Largest loss: {loss.Field.NameEn} ({t.Change(loss.Change)})."));
            }
        }
        var behind = fields.Select(f => (Field: f, Place: unit.Fields[f.Key])).Where(f => f.Place.GapToLeader > 0).OrderByDescending(f => f.Place.GapToLeader).FirstOrDefault();
        if (behind.Place is not null)
        {
            var leader = model.NameOf(behind.Place.LeaderCode, index.UnitKind, t.Language, years[^1].Year);
            lines.Add(t.T($"Cách đơn vị dẫn đầu xa nhất ở {behind.Field.NameVi}: {t.Score(behind.Place.GapToLeader)} điểm sau {leader}.",
                $"Furthest behind the leader in {behind.Field.NameEn}: {t.Score(behind.Place.GapToLeader)} points behind {leader}."));
        }
        if (lines.Count > 0)
        {
            body.Append("<ul>").AppendJoin("", lines.Select(l => $"<li>{E(l)}</li>")).Append("</ul>\n");
        }
    }

    /// <summary>The unit's criterion scores from the latest year with an annex; nothing when no annex was ingested.</summary>
    private static void Criteria(StringBuilder body, SiteText t, string code, SiteModel model, IReadOnlyList<SiteEdition> years)
    {
        var edition = years.LastOrDefault(e => e.CriteriaRows > 0);
        if (edition is null)
        {
            return;
        }
        body.Append("<h3>").Append(t.T("Các tiêu chí", "Criteria")).Append("</h3>\n");
        if (edition.Criteria is null)
        {
            body.Append("<p class=\"note\">").Append(E(t.T(
                $"Phụ lục tiêu chí năm {edition.Year} có {edition.CriteriaRows:N0} dòng, quá lớn để hiển thị trên trang.",
                $"The {edition.Year} criteria annex has {edition.CriteriaRows:N0} rows, too many to show on a page."))).Append("</p>\n");
            return;
        }
        var criteria = edition.Criteria.Of(code);
        if (criteria.Count == 0)
        {
            body.Append("<p class=\"note\">").Append(E(t.T($"Phụ lục tiêu chí năm {edition.Year} không có đơn vị này.", $"The {edition.Year} criteria annex does not list this unit."))).Append("</p>\n");
            return;
        }
        var index = edition.Index;
        var components = criteria.Any(c => c.Component is not null);
        var maxima = criteria.Any(c => c.Maximum is not null);
        var caption = t.T($"Năm {edition.Year}: điểm và thứ hạng theo từng tiêu chí", $"{edition.Year}: score and rank on each criterion");
        body.Append(ScrollBox(caption)).Append("<table><caption>").Append(E(caption)).Append("</caption><thead><tr><th scope=\"col\" class=\"t\">")
            .Append(t.T("Tiêu chí", "Criterion")).Append("</th>");
        if (components)
        {
            body.Append("<th scope=\"col\" class=\"t\">").Append(t.T("Lĩnh vực", "Component")).Append("</th>");
        }
        body.Append("<th scope=\"col\">").Append(t.T("Điểm", "Score")).Append("</th>");
        if (maxima)
        {
            body.Append("<th scope=\"col\">").Append(t.T("Tối đa", "Maximum")).Append("</th>");
        }
        body.Append("<th scope=\"col\">").Append(t.T("Hạng", "Rank")).Append("</th><th scope=\"col\">").Append(t.T("Điểm cao nhất", "Best score")).Append("</th><th scope=\"col\">")
            .Append(t.T("Cách dẫn đầu", "Behind the leader")).Append("</th></tr></thead><tbody>\n");
        foreach (var c in criteria)
        {
            body.Append("<tr><td class=\"t\">").Append(E(c.Criterion)).Append("</td>");
            if (components)
            {
                body.Append("<td class=\"t\">").Append(E(ComponentName(t, index, c.Component))).Append("</td>");
            }
            body.Append("<td class=\"num\">").Append(t.Score(c.Score)).Append("</td>");
            if (maxima)
            {
                body.Append("<td class=\"num\">").Append(c.Maximum is { } m ? t.Score(m) : "–").Append("</td>");
            }
            body.Append("<td class=\"num\">").Append(E(t.RankOf(c.Rank, c.Of))).Append("</td><td class=\"num\">").Append(t.Score(c.LeaderScore)).Append("</td><td class=\"num\">")
                .Append(c.Rank == 1 ? E(t.T("dẫn đầu", "leads")) : t.Change(-c.GapToLeader)).Append("</td></tr>\n");
        }
        body.Append("</tbody></table>").Append(ScrollBoxEnd).Append('\n');
        var comparable = ParPipeline.Criteria.CriteriaComparison.WithYearBefore(index, edition.Year, model.Gazetteer.Find(index.UnitKind, edition.Year, code));
        var before = comparable ? years.FirstOrDefault(e => e.Year == edition.Year - 1)?.Criteria?.Of(code) is { Count: > 0 } b ? b : null : null;
        PointsLost(body, t, index, edition.Year, ParPipeline.Criteria.PointsLost.Of(criteria, before, index.HigherIsBetter));
    }

    /// <summary>Annexes above this many rows are not drawn into pages (the site is rebuilt on every publication).</summary>
    public const int MaxCriteriaRows = 100_000;

    private static string ComponentName(SiteText t, Indices.IndexDefinition index, string? component) =>
        component is not null && index.Field(component) is { } field ? t.T(field.NameVi, field.NameEn) : "–";

    /// <summary>Where the unit lost points: the criteria furthest below their maximum and behind their leader, and,
    /// when the year before has a like-for-like annex, the criteria that fell and rose most since then; each with
    /// its component where the definition says.</summary>
    private static void PointsLost(StringBuilder body, SiteText t, Indices.IndexDefinition index, int year, ParPipeline.Criteria.PointsLost lost)
    {
        const int shown = 5;
        string List(IEnumerable<ParPipeline.Criteria.CriterionPoints> items, int sign) => string.Join(", ", items.Take(shown).Select(i =>
            $"{i.Criterion} ({t.Change(sign * i.Points)}{(i.Component is null ? "" : "; " + ComponentName(t, index, i.Component))})"));
        var lines = new List<string>();
        if (lost.BelowMaximum.Count > 0)
        {
            lines.Add(t.T($"Xa điểm tối đa nhất ở: {List(lost.BelowMaximum, -1)}.", $"Furthest below the maximum: {List(lost.BelowMaximum, -1)}."));
        }
        if (lost.BelowLeader.Count > 0)
        {
            lines.Add(t.T($"Cách đơn vị dẫn đầu xa nhất ở: {List(lost.BelowLeader, -1)}.", $"Furthest behind the leader: {List(lost.BelowLeader, -1)}."));
        }
        if (lost.SinceLastYear.Count > 0)
        {
            lines.Add(t.T($"Giảm nhiều nhất so với năm {year - 1}: {List(lost.SinceLastYear, -1)}.", $"Lost most since {year - 1}: {List(lost.SinceLastYear, -1)}."));
        }
        if (lost.GainedSinceLastYear.Count > 0)
        {
            lines.Add(t.T($"Tăng nhiều nhất: {List(lost.GainedSinceLastYear, 1)}.", $"Gained most: {List(lost.GainedSinceLastYear, 1)}."));
        }
        if (lines.Count > 0)
        {
            body.Append("<ul class=\"lost\">").AppendJoin("", lines.Select(l => $"<li>{E(l)}</li>")).Append("</ul>\n");
        }
    }

    private static void Peers(StringBuilder body, SiteText t, string code, SiteModel model, SiteEdition edition, UnitRanking unit, Func<string, string> L)
    {
        void Table(string heading, IReadOnlyList<UnitRanking> peers, Func<UnitRanking, Place> place)
        {
            body.Append("<div><h3>").Append(E(heading)).Append("</h3>\n").Append(ScrollBox($"{heading}, {edition.Year}")).Append("<table><caption>").Append(E(heading)).Append(", ").Append(edition.Year)
                .Append("</caption><thead><tr><th scope=\"col\">").Append(t.T("Hạng", "Rank")).Append("</th><th scope=\"col\" class=\"t\">").Append(t.T("Đơn vị", "Unit"))
                .Append("</th><th scope=\"col\">").Append(t.T("Điểm", "Score")).Append("</th><th scope=\"col\">").Append(t.T("Cả nước", "National")).Append("</th></tr></thead><tbody>");
            foreach (var peer in peers)
            {
                var self = peer.UnitCode == code;
                var peerName = E(model.NameOf(peer.UnitCode, edition.Index.UnitKind, t.Language, edition.Year));
                body.Append("<tr><td class=\"num\">").Append(Integer(place(peer).Rank)).Append("</td><td class=\"t\">")
                    .Append(self ? $"<strong aria-current=\"page\">{peerName}</strong>" : $"<a href=\"{L(SitePaths.Unit(model.PageOf(peer.UnitCode, edition.Index.UnitKind, edition.Year), t.Language))}\">{peerName}</a>")
                    .Append("</td><td class=\"num\">").Append(t.Score(peer.Score)).Append("</td><td class=\"num\">").Append(Integer(peer.Rank)).Append("</td></tr>");
            }
            body.Append("</tbody></table>").Append(ScrollBoxEnd).Append("</div>\n");
        }
        if (unit.Region is null && unit.CityGroup is null)
        {
            return;
        }
        body.Append("<div class=\"cols\">\n");
        if (unit.Region is { } region)
        {
            Table(model.RegionName(region.Group, t.Language), [.. edition.Units.Where(u => u.Region?.Group == region.Group).OrderBy(u => u.Region!.Rank)], u => u.Region!);
        }
        if (unit.CityGroup is not null)
        {
            Table(t.T("Thành phố trực thuộc Trung ương", "Centrally governed cities"), [.. edition.Units.Where(u => u.CityGroup is not null).OrderBy(u => u.CityGroup!.Rank)], u => u.CityGroup!);
        }
        body.Append("</div>\n");
    }
}
