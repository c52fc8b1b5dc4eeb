using ParPipeline.Units;

namespace ParPipeline.Tests.Units;

/// <summary>What the gazetteer reads from its embedded CSV files, unit by unit: the 2025 units are built from the
/// 63 provinces' rows (the seat's code, the namesake's name), so a slip in that building shows here.</summary>
public sealed class EmbeddedGazetteerTests
{
    // One per test: loading is part of what is tested, and a static copy is loaded once per test process.
    private readonly Gazetteer Gazetteer = Gazetteer.LoadEmbedded();

    // Nghị quyết 202/2025/QH15 (12/6/2025): the 34 provincial units from 2025-07-01, each with the provinces it was
    // formed from; Huế had become a centrally governed city on 2025-01-01.
    [Theory]
    [InlineData("01", "Hà Nội", "Hanoi", true, "01")]
    [InlineData("04", "Cao Bằng", "Cao Bang", false, "04")]
    [InlineData("08", "Tuyên Quang", "Tuyen Quang", false, "02 08")]
    [InlineData("11", "Điện Biên", "Dien Bien", false, "11")]
    [InlineData("12", "Lai Châu", "Lai Chau", false, "12")]
    [InlineData("14", "Sơn La", "Son La", false, "14")]
    [InlineData("15", "Lào Cai", "Lao Cai", false, "10 15")]
    [InlineData("19", "Thái Nguyên", "Thai Nguyen", false, "06 19")]
    [InlineData("20", "Lạng Sơn", "Lang Son", false, "20")]
    [InlineData("22", "Quảng Ninh", "Quang Ninh", false, "22")]
    [InlineData("24", "Bắc Ninh", "Bac Ninh", false, "24 27")]
    [InlineData("25", "Phú Thọ", "Phu Tho", false, "17 25 26")]
    [InlineData("31", "Hải Phòng", "Hai Phong", true, "30 31")]
    [InlineData("33", "Hưng Yên", "Hung Yen", false, "33 34")]
    [InlineData("37", "Ninh Bình", "Ninh Binh", false, "35 36 37")]
    [InlineData("38", "Thanh Hóa", "Thanh Hoa", false, "38")]
    [InlineData("40", "Nghệ An", "Nghe An", false, "40")]
    [InlineData("42", "Hà Tĩnh", "Ha Tinh", false, "42")]
    [InlineData("44", "Quảng Trị", "Quang Tri", false, "44 45")]
    [InlineData("46", "Huế", "Hue", true, "46")]
    [InlineData("48", "Đà Nẵng", "Da Nang", true, "48 49")]
    [InlineData("51", "Quảng Ngãi", "Quang Ngai", false, "51 62")]
    [InlineData("52", "Gia Lai", "Gia Lai", false, "52 64")]
    [InlineData("56", "Khánh Hòa", "Khanh Hoa", false, "56 58")]
    [InlineData("66", "Đắk Lắk", "Dak Lak", false, "54 66")]
    [InlineData("68", "Lâm Đồng", "Lam Dong", false, "60 67 68")]
    [InlineData("75", "Đồng Nai", "Dong Nai", false, "70 75")]
    [InlineData("79", "Hồ Chí Minh", "Ho Chi Minh City", true, "74 77 79")]
    [InlineData("80", "Tây Ninh", "Tay Ninh", false, "72 80")]
    [InlineData("82", "Đồng Tháp", "Dong Thap", false, "82 87")]
    [InlineData("86", "Vĩnh Long", "Vinh Long", false, "83 84 86")]
    [InlineData("91", "An Giang", "An Giang", false, "89 91")]
    [InlineData("92", "Cần Thơ", "Can Tho", true, "92 93 94")]
    [InlineData("96", "Cà Mau", "Ca Mau", false, "95 96")]
    public void Each_2025_unit_has_its_code_names_city_status_and_predecessors(string code, string nameVi, string nameEn, bool city, string predecessors)
    {
        var unit = Gazetteer.Find(UnitKind.Province, 2025, code)!;
        Assert.Equal((nameVi, nameEn, city, predecessors), (unit.NameVi, unit.NameEn, unit.CentrallyGoverned, string.Join(" ", unit.PredecessorCodes)));
        Assert.Equal((UnitKind.Province, 2025, (int?)null, (string?)null), (unit.Kind, unit.FromYear, unit.ToYear, unit.SuccessorCode));
        // The region is the seat's: the province whose code the unit kept.
        Assert.Equal(Gazetteer.FindByCode(code)!.Region, unit.Region);
    }

    [Fact]
    public void Each_of_the_63_provinces_names_the_2025_unit_it_belongs_to()
    {
        const string expected = "01>01 02>08 04>04 06>19 08>08 10>15 11>11 12>12 14>14 15>15 17>25 19>19 20>20 22>22 24>24 25>25 "
            + "26>25 27>24 30>31 31>31 33>33 34>33 35>37 36>37 37>37 38>38 40>40 42>42 44>44 45>44 46>46 48>48 49>48 51>51 52>52 "
            + "54>66 56>56 58>56 60>68 62>51 64>52 66>66 67>68 68>68 70>75 72>80 74>79 75>75 77>79 79>79 80>80 82>82 83>86 84>86 "
            + "86>86 87>82 89>91 91>91 92>92 93>92 94>92 95>96 96>96";
        var provinces = Gazetteer.UnitsFor(UnitKind.Province, 2024);
        Assert.Equal(expected, string.Join(" ", provinces.Select(u => $"{u.Code}>{u.SuccessorCode}")));
        Assert.All(provinces, u => Assert.Equal((UnitKind.Province, 2000, (int?)2024, 0), (u.Kind, u.FromYear, u.ToYear, u.PredecessorCodes.Count)));
        // Every successor is one of the 34, and each of the 34 lists exactly the provinces that name it.
        foreach (var unit in Gazetteer.UnitsFor(UnitKind.Province, 2025))
        {
            Assert.Equal(provinces.Where(p => p.SuccessorCode == unit.Code).Select(p => p.Code), unit.PredecessorCodes);
        }
    }

    [Fact]
    public void A_province_row_gives_its_names_region_city_status_and_variants_without_their_notes()
    {
        var hue = Gazetteer.FindByCode("46")!;
        Assert.Equal(("Thừa Thiên Huế", "Thua Thien Hue", "Bắc Trung Bộ và duyên hải miền Trung", false),
            (hue.NameVi, hue.NameEn, hue.Region, hue.CentrallyGoverned));
        // "Thua Thien-Hue (became centrally-run TP Huế on 2025-01-01)" keeps its name, not its note; the ASCII name comes last.
        Assert.Equal(["Thừa Thiên - Huế", "TT-Huế", "TT Huế", "TTH", "TT-H", "Hue", "Huế", "TP Huế", "Thua Thien-Hue", "Thua Thien Hue"], hue.Variants);
        var bacKan = Gazetteer.FindByCode("06")!;
        Assert.Equal(["Bắc Cạn", "Bac Can", "Bac Kan"], bacKan.Variants);
        Assert.Equal(["Ha Giang"], Gazetteer.FindByCode("02")!.Variants);
        Assert.Equal(("Hồ Chí Minh", "Ho Chi Minh City", "Đông Nam Bộ", true), ValuesOf(Gazetteer.FindByCode("79")!));
        Assert.Equal(63, Gazetteer.UnitsFor(UnitKind.Province, 2024).Count(u => u.Variants.Count > 0 && u.Variants[^1] == Ascii(u)));
        Assert.DoesNotContain(Gazetteer.Units.SelectMany(u => u.Variants), v => v.Contains('(', StringComparison.Ordinal) || v != v.Trim() || v.Length == 0);
    }

    [Fact]
    public void A_2025_unit_takes_its_namesakes_spellings_and_Hue_its_city_names()
    {
        // Đà Nẵng (48 and 49): the namesake's spellings, not Quảng Nam's, so "Quảng Nam" in a 2025 file is not Đà Nẵng.
        Assert.Equal(["TP Đà Nẵng", "TP. Đà Nẵng", "Danang", "ĐN", "Da Nang"], Gazetteer.Find(UnitKind.Province, 2025, "48")!.Variants);
        // Bắc Ninh kept Bắc Giang's code (24) and its own name and spellings.
        Assert.Equal(["Bac Ninh"], Gazetteer.Find(UnitKind.Province, 2025, "24")!.Variants);
        // Huế, renamed and not merged: Thừa Thiên Huế's spellings and the city's.
        Assert.Equal([.. Gazetteer.FindByCode("46")!.Variants, "Thành phố Huế", "TP Huế", "Hue City"], Gazetteer.Find(UnitKind.Province, 2025, "46")!.Variants);
        // An unchanged unit other than Huế gets no city names.
        Assert.Equal(Gazetteer.FindByCode("04")!.Variants, Gazetteer.Find(UnitKind.Province, 2025, "04")!.Variants);
    }

    [Fact]
    public void The_ministries_rows_give_code_names_and_spellings_and_no_region()
    {
        var ministries = Gazetteer.UnitsFor(UnitKind.Ministry, 2023);
        Assert.Equal("MARD MIC MOC MOCST MOET MOF MOFA MOH MOHA MOIT MOJ MOLISA MONRE MOST MOT MPI SBV", string.Join(" ", ministries.Select(m => m.Code)));
        var justice = ministries.Single(m => m.Code == "MOJ");
        Assert.Equal(("Bộ Tư pháp", "Ministry of Justice"), (justice.NameVi, justice.NameEn));
        Assert.Equal(["BTP", "Tư pháp", "Justice"], justice.Variants);
        Assert.Equal("Ministry of Labour, Invalids and Social Affairs", ministries.Single(m => m.Code == "MOLISA").NameEn);
        Assert.All(ministries, m => Assert.Equal((UnitKind.Ministry, (string?)null, false, 2000, (int?)null, 0, (string?)null),
            (m.Kind, m.Region, m.CentrallyGoverned, m.FromYear, m.ToYear, m.PredecessorCodes.Count, m.SuccessorCode)));
    }

    [Fact]
    public void The_six_regions_have_their_Vietnamese_and_English_names_in_order()
    {
        Assert.Equal(
        [
            ("Trung du và miền núi phía Bắc", "Northern midlands and mountain areas"), ("Đồng bằng sông Hồng", "Red River Delta"),
            ("Bắc Trung Bộ và duyên hải miền Trung", "North Central and Central Coastal region"), ("Tây Nguyên", "Central Highlands"),
            ("Đông Nam Bộ", "Southeast"), ("Đồng bằng sông Cửu Long", "Mekong River Delta"),
        ], Gazetteer.Regions.Select(r => (r.NameVi, r.NameEn)));
        Assert.All(Gazetteer.Units.Where(u => u.Kind == UnitKind.Province), u => Assert.NotNull(Gazetteer.RegionOf(u)));
    }

    [Fact]
    public void Units_are_listed_by_kind_then_era_then_code()
    {
        var order = Gazetteer.Units.Select(u => (u.Kind, u.FromYear, u.Code)).ToList();
        Assert.Equal(order.OrderBy(o => o.Kind).ThenBy(o => o.FromYear).ThenBy(o => o.Code, StringComparer.Ordinal), order);
        // The 63 provinces from 2000, the 34 units from 2025, then the 17 ministries.
        Assert.Equal(("01", 2000, "01", 2025, "MARD", "SBV"), (order[0].Code, order[0].FromYear, order[63].Code, order[63].FromYear, order[97].Code, order[^1].Code));
        Assert.Equal(63 + 34 + 17, order.Count);
    }

    private static (string, string, string?, bool) ValuesOf(Unit unit) => (unit.NameVi, unit.NameEn, unit.Region, unit.CentrallyGoverned);

    private static string Ascii(Unit unit) => string.Concat(unit.NameVi.Replace('đ', 'd').Replace('Đ', 'D').Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark));
}
