using ParPipeline.Ranking;

namespace ParPipeline.Reports.Site;

/// <summary>
/// What the site says when a unit has no movement, and says only what is true: "first year" only when the
/// index itself began that year; a unit formed in 2025 by merging provinces is "not comparable"; otherwise the
/// data simply holds no earlier year.
/// </summary>
public static class Honest
{
    public static string NoMovement(SiteText t, SiteEdition edition, UnitRanking unit) =>
        !unit.LikeForLike
            ? t.T("hợp nhất năm 2025, không so sánh được với năm trước", "merged in 2025, not comparable with the year before")
            : edition.IndexBeganThisYear
                ? t.T("năm đầu tiên của chỉ số", "the index's first year")
                : unit.FirstYear
                    ? t.T("chưa có năm trước trong dữ liệu", "no earlier year in the data")
                    : t.T("không có năm trước để so sánh", "no earlier year to compare");
}
