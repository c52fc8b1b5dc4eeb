using ParPipeline.Units;

namespace ParPipeline.Tests.Units;

public sealed class GazetteerTests
{
    // One per test: loading is part of what is tested, and a static copy is loaded once per test process.
    private readonly Gazetteer Gazetteer = Gazetteer.LoadEmbedded();

    [Fact]
    public void Before_2025_the_gazetteer_holds_63_provinces_with_statistics_office_codes_regions_and_5_cities()
    {
        var provinces = Gazetteer.UnitsFor(UnitKind.Province, 2023);
        Assert.Equal(63, provinces.Count);
        Assert.Equal("Hà Nội", Gazetteer.FindByCode("01")!.NameVi);
        Assert.Equal("Đà Nẵng", Gazetteer.FindByCode("48")!.NameVi);
        Assert.Equal("Cà Mau", Gazetteer.FindByCode("96")!.NameVi);
        Assert.Equal(["Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"], provinces.Where(u => u.CentrallyGoverned).Select(u => u.NameVi));
        Assert.Equal(6, Gazetteer.Regions.Count);
        Assert.Equal(14, provinces.Count(u => u.Region == Gazetteer.FindByCode("48")!.Region));
        Assert.Equal("North Central and Central Coastal region", Gazetteer.RegionOf(Gazetteer.FindByCode("48")!)!.NameEn);
        Assert.Equal("48", Gazetteer.FindByCode("49")!.SuccessorCode);
    }

    [Fact]
    public void From_2025_the_gazetteer_holds_34_units_with_their_predecessors_and_6_cities()
    {
        var units = Gazetteer.UnitsFor(UnitKind.Province, 2025);
        Assert.Equal(34, units.Count);
        var daNang = units.Single(u => u.Code == "48");
        Assert.Equal("Đà Nẵng", daNang.NameVi);
        Assert.Equal(["48", "49"], daNang.PredecessorCodes);
        Assert.True(daNang.IsMerged);
        var hoChiMinh = units.Single(u => u.Code == "79");
        Assert.Equal(["74", "77", "79"], hoChiMinh.PredecessorCodes);
        var hue = units.Single(u => u.Code == "46");
        Assert.Equal(("Huế", "Hue", true, false), (hue.NameVi, hue.NameEn, hue.CentrallyGoverned, hue.IsMerged));
        Assert.Equal("46", Gazetteer.Resolve("Thành phố Huế", UnitKind.Province, 2025).Unit?.Code);
        Assert.Equal("46", Gazetteer.Resolve("Thừa Thiên Huế", UnitKind.Province, 2025).Unit?.Code);
        var caoBang = units.Single(u => u.Code == "04");
        Assert.False(caoBang.IsMerged);
        Assert.Equal(11, units.Count(u => !u.IsMerged));
        Assert.Equal(["Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"], units.Where(u => u.CentrallyGoverned).Select(u => u.NameVi));
        // Bắc Ninh took Bắc Giang's code (24): the code is the seat's, the name the namesake's.
        var bacNinh = units.Single(u => u.Code == "24");
        Assert.Equal(("Bắc Ninh", "Bac Ninh"), (bacNinh.NameVi, bacNinh.NameEn));
        Assert.Equal(["24", "27"], bacNinh.PredecessorCodes);
    }

    [Fact]
    public void The_17_ministries_of_PAR_INDEX_2023_resolve_by_name_abbreviation_and_English()
    {
        Assert.Equal(17, Gazetteer.UnitsFor(UnitKind.Ministry, 2023).Count);
        Assert.Equal("MOJ", Gazetteer.Resolve("Bộ Tư pháp", UnitKind.Ministry, 2023).Unit?.Code);
        Assert.Equal("MOJ", Gazetteer.Resolve("Ministry of Justice", UnitKind.Ministry, 2023).Unit?.Code);
        Assert.Equal("SBV", Gazetteer.Resolve("NHNN", UnitKind.Ministry, 2023).Unit?.Code);
        Assert.Equal("MOLISA", Gazetteer.Resolve("Bộ Lao động - Thương binh và Xã hội", UnitKind.Ministry, 2023).Unit?.Code);
        Assert.Null(Gazetteer.Resolve("Hà Nội", UnitKind.Ministry, 2023).Unit);
    }

    [Theory]
    [InlineData("TP. Hồ Chí Minh", "79")]
    [InlineData("TP. HCM", "79")]
    [InlineData("TP.HCM", "79")]
    [InlineData("HCMC", "79")]
    [InlineData("Ho Chi Minh City", "79")]
    [InlineData("Thành phố Hồ Chí Minh", "79")]
    [InlineData("Thành phố Hải Phòng", "31")]
    [InlineData("Tp Cần Thơ", "92")]
    [InlineData("da nang", "48")]
    [InlineData("Danang", "48")]
    [InlineData("TP Đà Nẵng", "48")]
    [InlineData("ĐÀ NẴNG", "48")]
    [InlineData("TT-Huế", "46")]
    [InlineData("Thua Thien-Hue", "46")]
    [InlineData("Thừa Thiên Huế", "46")]
    [InlineData("Thừa Thiên - Huế", "46")]
    [InlineData("Bà Rịa - Vũng Tàu", "77")]
    [InlineData("Bà Rịa-Vũng Tàu", "77")]
    [InlineData("BR-VT", "77")]
    [InlineData("Tỉnh Quảng Nam", "49")]
    [InlineData("Quảng Nam", "49")]
    [InlineData("Quảng Ninh", "22")]
    [InlineData("Quang Ngai", "51")]
    [InlineData("Quảng Bình", "44")]
    [InlineData("Quảng Trị", "45")]
    [InlineData("Hà Nam", "35")]
    [InlineData("Ha Noi", "01")]
    [InlineData("Hanoi", "01")]
    [InlineData("Bắc Cạn", "06")]
    [InlineData("48", "48")]
    [InlineData("1", "01")]
    public void Spellings_ministry_files_use_resolve_to_one_unit(string text, string code) =>
        Assert.Equal(code, Gazetteer.Resolve(text)?.Code);

    [Theory]
    [InlineData("Quảng")]
    [InlineData("Hà")]
    [InlineData("Atlantis")]
    [InlineData("99")]
    [InlineData("Quang Nam Da Nang")]
    public void Unknown_or_partial_names_resolve_to_nothing(string text) => Assert.Null(Gazetteer.Resolve(text));

    [Fact]
    public void A_near_miss_is_an_error_that_lists_the_closest_names_never_a_guess()
    {
        var resolution = Gazetteer.Resolve("Ha Nan", UnitKind.Province, 2023);
        Assert.Null(resolution.Unit);
        Assert.Equal("'Ha Nan' is not a known province or city of 2023; closest known: Hà Nam (35), Hà Nội (01), Đà Nẵng (48), Hà Giang (02), Bắc Kạn (06).", resolution.Describe("Ha Nan"));
    }
}
