using ParPipeline.Ingest;
using ParPipeline.Tests.Infrastructure;
using ParPipeline.Units;

namespace ParPipeline.Tests.Ingest;

/// <summary>A problem's message quotes the cell it is about as far as 80 characters, control characters as '?'
/// (the error report keeps the whole cell as "found"): a cell can hold a whole sheet's text.</summary>
public sealed class QuotedCellTests
{
    [Fact]
    public void A_cell_of_80_characters_is_quoted_whole_and_one_of_81_is_cut_with_an_ellipsis()
    {
        var eighty = new string('a', 80);
        Assert.Equal(eighty, DisplayText.Cell(eighty));
        Assert.Equal(eighty + "…", DisplayText.Cell(eighty + "b"));
        Assert.Equal("Đà?Nẵng?", DisplayText.Cell("Đà\nNẵng\u001b"));
        Assert.Equal("", DisplayText.Cell(""));
    }

    [Fact]
    public void An_unknown_unit_is_quoted_so_in_both_languages_and_kept_whole_as_found()
    {
        var name = new string('x', 200);
        var resolution = ProvinceTable.Gazetteer.Resolve(name, UnitKind.Province, 2023);
        Assert.Equal($"'{new string('x', 80)}…' is not a known province or city of 2023.", resolution.Describe(name));
        Assert.Equal($"'{new string('x', 80)}…' không phải là tỉnh, thành phố nào của năm 2023.", resolution.DescribeVi(name));
    }

    [Fact]
    public void A_long_text_in_a_score_cell_is_quoted_so_and_kept_whole_as_found()
    {
        var text = "không có số liệu " + new string('.', 100);
        var csv = ProvinceTable.Csv("Tỉnh,Chỉ số CCHC", edit: (u, s) => u.Code == "48" ? $"{u.NameVi},{text}" : $"{u.NameVi},{s.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var problem = Assert.Single(DropParser.Parse("PAR/2023/long.csv", csv).Problems);
        Assert.Equal((ProblemCodes.NotANumber, "B33", text), (problem.Code, problem.Cell, problem.Found));
        Assert.Equal($"PAR INDEX of Đà Nẵng: '{text[..80]}…' is not a number.", problem.Message);
        Assert.Equal($"Chỉ số CCHC của Đà Nẵng: '{text[..80]}…' không phải là số.", problem.MessageVi);
    }
}
