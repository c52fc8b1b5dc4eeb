using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;

namespace ParPipeline.Tests.Ingest;

/// <summary>Every word of the shared header vocabulary, each in the role it is listed for: a rank column, a score
/// under a field's name, a row that is not a unit, and a long table's year and criterion columns. </summary>
public sealed class HeaderVocabularyTests
{
    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly IndexDefinition Par = Indices.Find("PAR")!;

    public static TheoryData<string> Rank => [.. HeaderVocabulary.Rank];
    public static TheoryData<string> Score => [.. HeaderVocabulary.Score];
    public static TheoryData<string> NonUnitRows => [.. HeaderVocabulary.NonUnitRows];
    public static TheoryData<string> Year => [.. HeaderVocabulary.Year];
    public static TheoryData<string> Criterion => [.. HeaderVocabulary.Criterion];

    [Fact]
    public void The_vocabulary_is_the_one_documented()
    {
        Assert.Equal(["Xếp hạng", "Thứ hạng", "Hạng", "Thứ tự xếp hạng", "Rank", "Ranking", "Position"], HeaderVocabulary.Rank);
        Assert.Equal(["Điểm", "Điểm số", "Điểm đạt được", "Giá trị", "Kết quả", "Tỷ lệ", "Tỷ lệ %", "%", "Score", "Points", "Value", "Result"], HeaderVocabulary.Score);
        Assert.Equal(20, HeaderVocabulary.NonUnitRows.Count);
        Assert.Equal(["Năm", "Năm đánh giá", "Year"], HeaderVocabulary.Year);
        Assert.Equal(["Tiêu chí", "Tiêu chí thành phần", "Chỉ số thành phần", "Mã tiêu chí", "Criterion", "Criteria", "Indicator", "Sub-criterion"], HeaderVocabulary.Criterion);
        // The folded keys follow the words one for one.
        Assert.Equal(HeaderVocabulary.Rank.Select(HeaderText.Key), HeaderVocabulary.RankKeys);
        Assert.Equal(HeaderVocabulary.Score.Select(HeaderText.Key), HeaderVocabulary.ScoreKeys);
        Assert.Equal(HeaderVocabulary.NonUnitRows.Select(HeaderText.Key), HeaderVocabulary.NonUnitRowKeys);
        Assert.Equal(HeaderVocabulary.Year.Select(HeaderText.Key), HeaderVocabulary.YearKeys);
        Assert.Equal(HeaderVocabulary.Criterion.Select(HeaderText.Key), HeaderVocabulary.CriterionKeys);
    }

    [Theory]
    [MemberData(nameof(Rank))]
    public void Each_rank_word_names_the_rank_column(string word)
    {
        var layout = HeaderLocator.Find(Par, new object?[][] { ["Tỉnh", "Chỉ số CCHC", word] }, [])!;
        Assert.Equal(2, layout.RankColumns[IndexDefinition.TotalKey]);
    }

    [Theory]
    [MemberData(nameof(Score))]
    public void Each_score_word_under_a_fields_name_is_that_fields_score(string word)
    {
        var layout = HeaderLocator.Find(Par, new object?[][] { ["Tỉnh", "Điểm thẩm định", "Chỉ số CCHC"], [null, word, null] }, [new MergedRange(0, 2, 1, 2)])!;
        Assert.Equal((1, 3), (layout.FieldColumns["appraisal"], layout.FirstDataRow));
    }

    [Theory]
    [MemberData(nameof(NonUnitRows))]
    public void Each_non_unit_word_starts_a_row_that_is_passed_over(string word)
    {
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC") + $"{word},85\n{word} (2023),85\n";
        var parsed = Parse(csv);
        Assert.Empty(parsed.Problems);
        Assert.Equal(63, Assert.Single(parsed.Tables).Units.Count);
    }

    [Theory]
    [InlineData("* Ghi chú")]
    [InlineData("(1) Nguồn: Bộ Nội vụ")]
    [InlineData("- số liệu sơ bộ")]
    public void A_row_starting_with_a_star_a_parenthesis_or_a_dash_is_a_note(string note)
    {
        Assert.Empty(Parse(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC") + $"{note},\n").Problems);
    }

    [Fact]
    public void A_unit_row_is_never_taken_for_a_note_and_an_unknown_name_is_still_an_error()
    {
        var problem = Assert.Single(Parse(ProvinceTable.Csv("Tỉnh,Chỉ số CCHC") + "Trungbinh Atlantis x,85\nAtlantis,85\n").Problems);
        Assert.Equal((ProblemCodes.UnknownUnit, "A66"), (problem.Code, problem.Cell));
    }

    [Theory]
    [MemberData(nameof(Year))]
    public void Each_year_word_names_a_long_tables_year_column(string word) =>
        Assert.Equal(1, HeaderLocator.FindLong(Par, new object?[][] { ["Tỉnh", word, "Tiêu chí", "Điểm"] })!.YearColumn);

    [Theory]
    [MemberData(nameof(Criterion))]
    public void Each_criterion_word_names_a_long_tables_criterion_column(string word) =>
        Assert.Equal(1, HeaderLocator.FindLong(Par, new object?[][] { ["Tỉnh", word, "Điểm"] })!.CriterionColumn);

    private static ParsedWorkbook Parse(string csv) => DropParser.Parse("PAR/2023/par.csv", csv);
}
