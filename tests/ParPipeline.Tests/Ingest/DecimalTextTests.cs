using System.Globalization;
using System.Text;
using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("4.44")]
    [InlineData("88.68")]
    [InlineData("0.1")]
    [InlineData("-3")]
    [InlineData("+12.5")]
    [InlineData("2023")]
    [InlineData("0.00000000000001")]
    [InlineData(".5")]
    [InlineData("999999999999999")]
    [InlineData("123456789.012345")]
    public void Plain_decimals_read_as_the_same_double_double_Parse_gives(string text)
    {
        Assert.True(DecimalText.TryParsePlain(text, out var value));
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("12.")]
    [InlineData("1,5")]
    [InlineData("1.2.3")]
    [InlineData("1..2")]
    [InlineData("1e5")]
    [InlineData(" 1")]
    [InlineData("1234567890123456")]
    public void Anything_else_is_left_to_the_general_reader(string text) => Assert.False(DecimalText.TryParsePlain(text, out _));

    [Fact]
    public void A_million_random_decimals_read_as_double_Parse_reads_them()
    {
        var random = new Random(14);
        for (var i = 0; i < 1_000_000; i++)
        {
            var text = (random.NextDouble() * Math.Pow(10, random.Next(0, 9))).ToString("F" + random.Next(0, 7), CultureInfo.InvariantCulture);
            Assert.True(DecimalText.TryParsePlain(text, out var value), text);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
        }
    }

    [Fact]
    public void Rounded_scores_are_written_byte_for_byte_as_TryFormat_writes_them()
    {
        var random = new Random(7);
        Span<byte> fast = stackalloc byte[64];
        Span<byte> general = stackalloc byte[64];
        double[] edges = [0, -0.0, 0.1, 0.01, 0.001, 1e12, 9_999_999_999_999.99, 1e13, 1e15, 1e16, -88.68, 100, double.Epsilon, 123.456];
        foreach (var value in edges.Concat(Enumerable.Range(0, 500_000).Select(_ => Math.Round(random.NextDouble() * Math.Pow(10, random.Next(0, 12)), random.Next(0, 4)))))
        {
            var n = DecimalText.Format(value, fast);
            value.TryFormat(general, out var m, default, CultureInfo.InvariantCulture);
            Assert.True(fast[..n].SequenceEqual(general[..m]), $"{value:R}: {Encoding.UTF8.GetString(fast[..n])} vs {Encoding.UTF8.GetString(general[..m])}");
        }
    }
}
