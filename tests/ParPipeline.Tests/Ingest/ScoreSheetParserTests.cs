using System.Security.Cryptography;
using System.Text;
using ParPipeline.Indices;
using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;
using ParPipeline.Units;

namespace ParPipeline.Tests.Ingest;

public sealed class ScoreSheetParserTests
{
    static ScoreSheetParserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly IndexCatalog Indices = IndexCatalog.LoadEmbedded();
    private static readonly ScoreSheetParser Parser = new(Gazetteer.LoadEmbedded());
    private static IndexDefinition Par => Indices.Find("PAR")!;

    private static DroppedFile File(string name, byte[] bytes) => new(name, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    private static DroppedFile Csv(string text) => File("PAR/2023/test.csv", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void The_PAR_2023_sample_yields_63_units_with_the_published_scores()
    {
        var parsed = Parser.Parse(Par, File(Samples.Par2023, Samples.Bytes(Samples.Par2023)));
        Assert.Empty(parsed.Problems);
        Assert.Equal(63, parsed.Scores.Count);
        Assert.Equal(88.68, parsed.Scores.Single(s => s.UnitCode == "48").Total);
        Assert.Equal(92.18, parsed.Scores.Single(s => s.UnitCode == "22").Total);
        Assert.Equal("Hồ Chí Minh", parsed.Scores.Single(s => s.UnitCode == "79").UnitName);
    }

    [Fact]
    public void A_semicolon_csv_with_comma_decimals_and_a_BOM_is_read()
    {
        var parsed = Parser.Parse(Indices.Find("SIPAS")!, File(Samples.Sipas2023, Samples.Bytes(Samples.Sipas2023)));
        Assert.Empty(parsed.Problems);
        Assert.Equal(63, parsed.Scores.Count);
        Assert.Equal(90.61, parsed.Scores.Single(s => s.UnitCode == "22").Total);
        Assert.Equal(75.03, parsed.Scores.Single(s => s.UnitCode == "06").Total);
    }

    [Fact]
    public void Title_rows_above_the_header_are_skipped()
    {
        var parsed = Parser.Parse(Par, Csv("BỘ NỘI VỤ,\nKết quả Chỉ số CCHC năm 2023,\n,\nTỉnh,Chỉ số CCHC\nĐà Nẵng,88.68\nHà Nội,91.43\n"));
        Assert.Empty(parsed.Problems);
        Assert.Equal(["48:88.68", "01:91.43"], parsed.Scores.Select(s => $"{s.UnitCode}:{s.Total:F2}"));
    }

    [Fact]
    public void Each_bad_row_is_reported_at_its_row_and_column_and_nothing_is_kept()
    {
        var parsed = Parser.Parse(Par, Csv("Province,Score\nDa Nang,88.68\nAtlantis,80\nHa Noi,abc\nHa Nam,101\nDa Nang,87\nHai Phong,\n"));
        Assert.Empty(parsed.Scores);
        Assert.Equal(
        [
            "UNKNOWN_UNIT row 3 column A",
            "NOT_A_NUMBER row 4 column B",
            "SCORE_OUT_OF_RANGE row 5 column B",
            "DUPLICATE_UNIT row 6 column A",
            "MISSING_SCORE row 7 column B",
        ], parsed.Problems.Select(p => $"{p.Code} row {p.Row} column {p.Column}"));
        Assert.Equal("'Atlantis' is not a known province or city code or name.", parsed.Problems[0].Message);
        Assert.Equal("101 is outside 0..100.", parsed.Problems[2].Message);
        Assert.Equal("Đà Nẵng (48) appears again; first at row 2.", parsed.Problems[3].Message);
    }

    [Fact]
    public void A_sheet_without_the_header_is_rejected_with_HEADER_NOT_FOUND()
    {
        var parsed = Parser.Parse(Par, Csv("a,b\n1,2\n"));
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(ProblemCodes.HeaderNotFound, problem.Code);
        Assert.Null(problem.Row);
        Assert.StartsWith("No header row in the first 30 rows names both a unit column (Tỉnh, thành phố,", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_a_spreadsheet_are_rejected_with_NOT_A_SPREADSHEET()
    {
        var parsed = Parser.Parse(Par, File("PAR/2023/broken.xlsx", Encoding.ASCII.GetBytes("this is not a zip file")));
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(ProblemCodes.NotASpreadsheet, problem.Code);
        Assert.StartsWith("broken.xlsx cannot be read as a spreadsheet", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("88,68", 88.68)]
    [InlineData("88.68", 88.68)]
    [InlineData(" 91.4 ", 91.4)]
    public void Numbers_with_comma_or_dot_decimals_are_read(string text, double expected)
    {
        Assert.True(ScoreSheetParser.TryReadNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Columns_are_named_as_a_spreadsheet_names_them(int index, string letters) =>
        Assert.Equal(letters, ScoreSheetParser.ColumnLetter(index));
}
