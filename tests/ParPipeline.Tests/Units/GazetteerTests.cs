using ParPipeline.Units;

namespace ParPipeline.Tests.Units;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.LoadEmbedded();

    [Fact]
    public void The_gazetteer_holds_the_63_provinces_with_statistics_office_codes()
    {
        Assert.Equal(63, Gazetteer.Units.Count);
        Assert.Equal("Hà Nội", Gazetteer.FindByCode("01")!.NameVi);
        Assert.Equal("Đà Nẵng", Gazetteer.FindByCode("48")!.NameVi);
        Assert.Equal("Cà Mau", Gazetteer.FindByCode("96")!.NameVi);
        Assert.Equal(5, Gazetteer.Units.Count(u => u.CentrallyGoverned));
        Assert.Equal("48", Gazetteer.FindByCode("49")!.SuccessorCode);
    }

    [Theory]
    [InlineData("TP. Hồ Chí Minh", "79")]
    [InlineData("TP. HCM", "79")]
    [InlineData("HCMC", "79")]
    [InlineData("Ho Chi Minh City", "79")]
    [InlineData("Thành phố Hải Phòng", "31")]
    [InlineData("Tp Cần Thơ", "92")]
    [InlineData("da nang", "48")]
    [InlineData("TP Đà Nẵng", "48")]
    [InlineData("TT-Huế", "46")]
    [InlineData("Thừa Thiên Huế", "46")]
    [InlineData("Bà Rịa - Vũng Tàu", "77")]
    [InlineData("BR-VT", "77")]
    [InlineData("Tỉnh Quảng Nam", "49")]
    [InlineData("Quảng Ninh", "22")]
    [InlineData("Quang Ngai", "51")]
    [InlineData("Quảng Bình", "44")]
    [InlineData("Quảng Trị", "45")]
    [InlineData("Hà Nam", "35")]
    [InlineData("Ha Noi", "01")]
    [InlineData("48", "48")]
    [InlineData("1", "01")]
    public void Spellings_ministry_files_use_resolve_to_one_unit(string text, string code) =>
        Assert.Equal(code, Gazetteer.Resolve(text)?.Code);

    [Theory]
    [InlineData("Quảng")]
    [InlineData("Hà")]
    [InlineData("Atlantis")]
    [InlineData("99")]
    public void Unknown_or_partial_names_resolve_to_nothing(string text) => Assert.Null(Gazetteer.Resolve(text));
}
