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

    [Theory]
    [InlineData("88,68 điểm", 88.68)]
    [InlineData("88,68 Điểm.", 88.68)]
    [InlineData("88.68 points", 88.68)]
    [InlineData("88,68đ", 88.68)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00A0234,5", 1234.5)]
    [InlineData("1'234.5", 1234.5)]
    [InlineData("+88,68", 88.68)]
    [InlineData(",5", 0.5)]
    [InlineData("88,68 diem", 88.68)]
    [InlineData("88.68 point", 88.68)]
    [InlineData("88.68pts", 88.68)]
    [InlineData("88.68 pt", 88.68)]
    [InlineData("123.456,7", 123456.7)]
    [InlineData("0.123", 0.123)]
    [InlineData("1234.567", 1234.567)]
    [InlineData("1.2345", 1.2345)]
    public void Units_signs_and_spaced_thousands_are_read(string text, double expected)
    {
        var reading = NumberReader.Read(text, null, 10_000);
        Assert.Equal((NumberKind.Number, expected), (reading.Kind, reading.Value));
    }

    [Theory]
    [InlineData("1.234.5")]
    [InlineData("12.34.567")]
    [InlineData("1,23,456")]
    [InlineData("0.123.456")]
    [InlineData("88 abc")]
    [InlineData("88,68 km")]
    [InlineData("1.234,5,6")]
    public void Groups_that_are_not_threes_and_unknown_units_are_not_numbers(string text) =>
        Assert.Equal(NumberKind.NotANumber, NumberReader.Read(text, null, 10_000).Kind);

    [Fact]
    public void Two_readings_within_the_range_are_ambiguous_and_one_within_it_is_taken()
    {
        // "1,234": 1.234 with a decimal comma, 1234 with a thousands comma.
        Assert.Equal(new NumberReading(NumberKind.Ambiguous, 0, "1.234 / 1234"), NumberReader.Read("1,234", null, 10_000));
        Assert.Equal(new NumberReading(NumberKind.Ambiguous, 0, "1234 / 1.234"), NumberReader.Read("1.234", null, 10_000));
        Assert.Equal(new NumberReading(NumberKind.Number, 1.234), NumberReader.Read("1,234", null, 100));
        Assert.Equal(new NumberReading(NumberKind.Number, 88.68), NumberReader.Read("88,680", null, 100));
        Assert.Equal(new NumberReading(NumberKind.Number, 1234.56), NumberReader.Read("1.234,56", null, 10_000));
    }

    [Theory]
    [InlineData("#N/A")]
    [InlineData("#DIV/0!")]
    [InlineData("#VALUE!")]
    [InlineData("#REF!")]
    [InlineData("#n/a")]
    [InlineData("#NAME?")]
    [InlineData("#NUM!")]
    [InlineData("#NULL!")]
    [InlineData("#SPILL!")]
    [InlineData("#CALC!")]
    [InlineData("#GETTING_DATA")]
    [InlineData("Err:502")]
    [InlineData("Err:5021")]
    public void Excel_and_LibreOffice_error_values_are_told_apart(string text) =>
        Assert.Equal(NumberKind.ExcelError, NumberReader.Read(text, null, 100).Kind);

    [Theory]
    [InlineData("Err:50210")]
    [InlineData("#N/A!")]
    public void Text_that_only_looks_like_an_error_is_not_one(string text) =>
        Assert.Equal(NumberKind.NotANumber, NumberReader.Read(text, null, 100).Kind);

    [Fact]
    public void Numbers_of_every_type_a_reader_gives_are_read()
    {
        foreach (var value in new object[] { 88, 88L, 88m, 88f, (short)88, (byte)88, 88.0 })
        {
            Assert.Equal(new NumberReading(NumberKind.Number, 88), NumberReader.Read(value, null, 100));
        }
        Assert.Equal(NumberKind.NotANumber, NumberReader.Read(double.NaN, null, 100).Kind);
        Assert.Equal(NumberKind.NotANumber, NumberReader.Read(true, null, 100).Kind);
    }

    [Fact]
    public void The_range_decides_at_its_very_limits()
    {
        // 1000 fits a maximum of 1000: "1,000" reads as 1 or 1000, both scores.
        Assert.Equal(NumberKind.Ambiguous, NumberReader.Read("1,000", null, 1000).Kind);
        Assert.Equal(new NumberReading(NumberKind.Number, 1), NumberReader.Read("1,000", null, 999));
        Assert.Equal(NumberKind.Ambiguous, NumberReader.Read("12.345", null, 100_000).Kind);
        Assert.Equal(new NumberReading(NumberKind.Number, 12.345), NumberReader.Read("12.345", null, 999));
    }

    [Fact]
    public void A_date_says_what_it_probably_was()
    {
        Assert.Equal(new NumberReading(NumberKind.Date, 0, "2.1"), NumberReader.Read(new DateTime(1910, 1, 2), null, 100));
        Assert.Equal(new NumberReading(NumberKind.Date, 0, "3652"), NumberReader.Read(new DateTime(1909, 12, 30), null, 100));
        Assert.Equal(new NumberReading(NumberKind.Date, 0, "8.12"), NumberReader.Read(new DateTime(2023, 12, 8), null, 100));
        Assert.Equal(new NumberReading(NumberKind.Date, 0, "88.68"), NumberReader.Read(DateTime.FromOADate(88.68), null, 100));
    }

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
