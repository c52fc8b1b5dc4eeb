namespace ParPipeline.Ingest;

/// <summary>Words ministry files use around the scores, whatever the index.</summary>
public static class HeaderVocabulary
{
    /// <summary>A rank column, alone or under a field's merged header.</summary>
    public static IReadOnlyList<string> Rank { get; } = ["Xếp hạng", "Thứ hạng", "Hạng", "Thứ tự xếp hạng", "Rank", "Ranking", "Position"];

    /// <summary>The score column under a field's merged header.</summary>
    public static IReadOnlyList<string> Score { get; } = ["Điểm", "Điểm số", "Điểm đạt được", "Giá trị", "Kết quả", "Tỷ lệ", "Tỷ lệ %", "%", "Score", "Points", "Value", "Result"];

    /// <summary>Rows that are not a unit: averages, totals, notes and sources under the table.</summary>
    public static IReadOnlyList<string> NonUnitRows { get; } =
    [
        "Trung bình", "Trung bình chung", "Bình quân", "Giá trị trung bình", "Cả nước", "Toàn quốc", "Tổng", "Tổng cộng",
        "Ghi chú", "Chú thích", "Nguồn", "Lưu ý", "Average", "Mean", "National average", "National", "Total", "Note", "Notes", "Source",
    ];

    /// <summary>Long format: the year column.</summary>
    public static IReadOnlyList<string> Year { get; } = ["Năm", "Năm đánh giá", "Year"];

    /// <summary>Long format: the criterion column.</summary>
    public static IReadOnlyList<string> Criterion { get; } = ["Tiêu chí", "Tiêu chí thành phần", "Chỉ số thành phần", "Mã tiêu chí", "Criterion", "Criteria", "Indicator", "Sub-criterion"];

    // Folded once: header cells and row labels are matched against these keys.
    public static IReadOnlyList<string> RankKeys { get; } = [.. Rank.Select(HeaderText.Key)];

    public static IReadOnlyList<string> ScoreKeys { get; } = [.. Score.Select(HeaderText.Key)];

    public static IReadOnlyList<string> NonUnitRowKeys { get; } = [.. NonUnitRows.Select(HeaderText.Key)];

    public static IReadOnlyList<string> YearKeys { get; } = [.. Year.Select(HeaderText.Key)];

    public static IReadOnlyList<string> CriterionKeys { get; } = [.. Criterion.Select(HeaderText.Key)];
}
