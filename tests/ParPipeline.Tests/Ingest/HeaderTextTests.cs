using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

/// <summary>How a header cell is folded and matched against a field's synonyms (HeaderText), each rule at its edge.</summary>
public sealed class HeaderTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData(" \t\r\n", "")]
    [InlineData("Chỉ số CCHC năm 2023", "chisocchcnam2023")]
    [InlineData("ĐÀ NẴNG", "danang")]
    [InlineData("Tỉnh/Thành phố", "tinhthanhpho")]
    [InlineData("PAR INDEX 2023 (%)", "parindex2023%")]
    [InlineData("Điểm\nđạt được", "diemdatduoc")]
    [InlineData("Thua\u0300 Thie\u0302\u0301n Hue\u0302\u0301", "thuathienhue")] // decomposed marks, as some Mac files hold them
    [InlineData("SIPAS\u00A0(%)", "sipas%")] // a no-break space
    public void A_header_folds_to_lower_case_letters_digits_and_percent(string? header, string key) =>
        Assert.Equal(key, HeaderText.Key(header));

    [Fact]
    public void Characters_past_the_fold_table_fold_the_same_way()
    {
        // U+3000 and above take the general fold: an ideographic space goes, a CJK letter stays, a fullwidth letter is
        // lowered, and a character outside the BMP (two surrogates, here an emoji) goes.
        Assert.Equal("a中ａb", HeaderText.Key("A\u3000中Ａ😀B"));
    }

    [Fact]
    public void A_long_header_folds_as_a_short_one_does()
    {
        // Past 256 characters the buffer is on the heap, not the stack: the same fold.
        var header = string.Concat(Enumerable.Repeat("Đà Nẵng, ", 40));
        Assert.True(header.Length > 256);
        Assert.Equal(string.Concat(Enumerable.Repeat("danang", 40)), HeaderText.Key(header));
        Assert.Equal("danang", HeaderText.Key(header[..9]));
    }

    [Fact]
    public void A_hostile_cell_of_four_million_characters_folds_without_exhausting_the_stack()
    {
        // A csv cell has no length limit: a buffer for it on the stack (three characters per character, 24 MB here,
        // past a thread's 8 MB) would overflow it and take the process down, so only short headers get one.
        var header = new string('Ạ', 4_000_000);
        Assert.Equal(new string('a', 4_000_000), HeaderText.Key(header));
    }

    [Fact]
    public void An_exact_match_scores_ten_thousand_and_the_synonyms_length()
    {
        Assert.Equal(10_005, HeaderText.Score("sipas", ["par", "sipas"]));
        Assert.Equal(10_003, HeaderText.Score("par", ["par", "sipas"]));
        Assert.True(HeaderText.Matches("par", ["par"]));
    }

    [Theory]
    [InlineData("sipas2022%", 10_005)] // "SIPAS 2022 (%)"
    [InlineData("sipasnam2022", 10_005)]
    [InlineData("sipasyear2022", 10_005)]
    [InlineData("sipas1999", 10_005)]
    [InlineData("2022sipas", 10_005)] // "2022 SIPAS": the year first
    [InlineData("%sipas", 10_005)]
    [InlineData("sipas2122", 0)] // not a year of 19xx or 20xx
    [InlineData("sipas22", 0)]
    public void A_year_and_a_percent_sign_do_not_name_the_column(string header, int score) =>
        Assert.Equal(score, HeaderText.Score(header, ["sipas"]));

    [Fact]
    public void A_synonym_of_eight_letters_or_more_may_match_the_start_of_a_header()
    {
        Assert.Equal(8, HeaderText.Score("chisochcxyz", ["chisochc"]));
        Assert.Equal(0, HeaderText.Score("chisochxyz", ["chisoch"])); // seven letters: too short to stand for more
        Assert.Equal(0, HeaderText.Score("xchisochc", ["chisochc"])); // the start, not anywhere
        Assert.False(HeaderText.Matches("chisochxyz", ["chisoch"]));
    }

    [Fact]
    public void An_exact_match_outranks_any_prefix_and_a_longer_synonym_a_shorter_one()
    {
        // "Chỉ số hài lòng về ... chính sách" is the policy sub-index, not the overall "Chỉ số hài lòng".
        string[] overall = ["chisohailong"];
        string[] policy = ["chisohailongvechinhsach"];
        var header = HeaderText.Key("Chỉ số hài lòng về chính sách");
        Assert.Equal(12, HeaderText.Score(header, overall));
        Assert.Equal(10_023, HeaderText.Score(header, policy));
        // The best of a list, wherever it stands in it.
        Assert.Equal(10_012, HeaderText.Score("chisohailong", ["chisohai", "chisohailong", "chiso"]));
        Assert.Equal(12, HeaderText.Score("chisohailongxyz", ["chisohailong", "chisohai"]));
        Assert.Equal(12, HeaderText.Score("chisohailongxyz", ["chisohai", "chisohailong"]));
    }

    [Fact]
    public void An_empty_header_or_synonym_matches_nothing()
    {
        Assert.Equal(0, HeaderText.Score("", ["", "par"]));
        // A header that is only a year folds to nothing once the year is taken out: not a match for an empty synonym.
        Assert.Equal(0, HeaderText.Score("2023", [""]));
        Assert.Equal(10_001, HeaderText.Score("%", ["", "%"])); // the empty synonym is passed over, the next one counts
        Assert.Equal(0, HeaderText.Score("par", []));
    }
}
