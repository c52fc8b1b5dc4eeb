using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

public sealed class NumberReaderTests
{
    [Theory]
    [InlineData("88,68", 88.68)]
    [InlineData("88.68", 88.68)]
    [InlineData(" 91.4 ", 91.4)]
    [InlineData("88,68%", 88.68)]
    [InlineData("88.68 %", 88.68)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("\u00a092,18", 92.18)]
    [InlineData("-0,5", -0.5)]
    public void Text_numbers_in_the_shapes_ministry_files_use_are_read(string text, double expected)
    {
        Assert.True(NumberReader.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1,2,3.4.5")]
    [InlineData("NaN")]
    [InlineData("∞")]
    public void Text_that_is_not_a_number_is_refused(string text) => Assert.False(NumberReader.TryParse(text, out _));

    [Fact]
    public void A_number_shown_as_a_percent_is_read_as_the_percent_a_reader_sees()
    {
        Assert.True(NumberReader.TryRead(0.8868, "0.00%", out var value));
        Assert.Equal(88.68, value);
        Assert.True(NumberReader.TryRead(88.68, "0.00", out value));
        Assert.Equal(88.68, value);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Columns_are_named_as_a_spreadsheet_names_them(int index, string letters) =>
        Assert.Equal(letters, ScoreColumns.Letter(index));
}
