using ParPipeline.Units;

namespace ParPipeline.Tests.Units;

/// <summary>How a name in a file becomes a unit, or the error a user reads: each rule of <see cref="Gazetteer.Resolve(string, UnitKind, int)"/>
/// at its edge, with the whole sentence in both languages.</summary>
public sealed class GazetteerResolutionTests
{
    // One per test, not per class: a gazetteer remembers what it resolved, and a remembered answer would hide a
    // change to the resolving from a mutation run (Stryker runs many mutants in one test process).
    private readonly Gazetteer Embedded = Gazetteer.LoadEmbedded();

    private static Unit Province(string code, string name, int fromYear, string[]? variants = null, string? successor = null) =>
        new(code, name, name, UnitKind.Province, "Region", false, fromYear, fromYear < Gazetteer.ReorganisationYear ? Gazetteer.ReorganisationYear - 1 : null,
            variants ?? [], fromYear < Gazetteer.ReorganisationYear ? [] : [code], successor);

    [Fact]
    public void A_name_two_units_share_is_ambiguous_in_both_languages_and_lists_both()
    {
        var gazetteer = new Gazetteer([Province("01", "Alpha", 2000, ["Twin"]), Province("02", "Beta", 2000, ["Twin"])], []);
        var resolution = gazetteer.Resolve("twin", UnitKind.Province, 2023);
        Assert.Null(resolution.Unit);
        Assert.False(resolution.Resolved);
        Assert.Equal("'twin' is ambiguous: it names Alpha and Beta; closest known: Alpha (01), Beta (02).", resolution.Describe("twin"));
        Assert.Equal("'twin' không rõ là đơn vị nào: tên này chỉ Alpha và Beta; tên gần nhất: Alpha (01), Beta (02).", resolution.DescribeVi("twin"));
    }

    [Fact]
    public void A_unit_listed_under_one_name_twice_is_still_one_unit()
    {
        var gazetteer = new Gazetteer([Province("01", "Alpha", 2000, ["Alpha", "ALPHA", "alpha"])], []);
        Assert.Equal("01", gazetteer.Resolve("Alpha", UnitKind.Province, 2023).Unit?.Code);
        Assert.True(gazetteer.Resolve("Alpha", UnitKind.Province, 2023).Resolved);
    }

    [Fact]
    public void A_pre_2025_name_in_a_2025_file_names_the_unit_it_belongs_to_in_both_languages()
    {
        var resolution = Embedded.Resolve("Quảng Nam", UnitKind.Province, 2025);
        Assert.Null(resolution.Unit);
        Assert.Equal("'Quảng Nam' names Quảng Nam, which belongs to Đà Nẵng (48) since 2025-07-01; closest known: Đà Nẵng (48).", resolution.Describe("Quảng Nam"));
        Assert.Equal("'Quảng Nam' là Quảng Nam, từ ngày 01/07/2025 thuộc Đà Nẵng (48); tên gần nhất: Đà Nẵng (48).", resolution.DescribeVi("Quảng Nam"));
        // Later years too: the rule is "from 2025", not "in 2025".
        Assert.Equal(resolution.Describe("x"), Embedded.Resolve("Quảng Nam", UnitKind.Province, 2026).Describe("x"));
        // A name both eras have is the 2025 unit, not an error.
        Assert.Equal("48", Embedded.Resolve("Đà Nẵng", UnitKind.Province, 2025).Unit?.Code);
    }

    [Fact]
    public void A_pre_2025_name_whose_successor_is_not_known_says_another_unit()
    {
        var gazetteer = new Gazetteer([Province("01", "Alpha", 2000, successor: "09"), Province("02", "Gamma", 2025)], []);
        var resolution = gazetteer.Resolve("Alpha", UnitKind.Province, 2025);
        Assert.Equal("'Alpha' names Alpha, which belongs to another unit (09) since 2025-07-01.", resolution.Describe("Alpha"));
        Assert.Equal("'Alpha' là Alpha, từ ngày 01/07/2025 thuộc đơn vị khác (09).", resolution.DescribeVi("Alpha"));
        Assert.Empty(resolution.Closest);
    }

    [Fact]
    public void A_pre_2025_name_two_old_provinces_shared_is_unknown_in_2025_not_given_a_successor()
    {
        var gazetteer = new Gazetteer([Province("01", "Alpha", 2000, ["Twin"], "03"), Province("02", "Beta", 2000, ["Twin"], "03"), Province("03", "Gamma", 2025)], []);
        Assert.Equal("'Twin' is not a known province or city of 2025.", gazetteer.Resolve("Twin", UnitKind.Province, 2025).Describe("Twin"));
    }

    [Fact]
    public void A_2025_unit_is_not_known_in_a_2024_file_nor_a_2024_province_in_a_2025_one()
    {
        var gazetteer = new Gazetteer([Province("01", "Alpha", 2000, successor: "03"), Province("03", "Gamma", 2025)], []);
        Assert.Null(gazetteer.Resolve("Gamma", UnitKind.Province, 2024).Unit);
        Assert.Equal("03", gazetteer.Resolve("Gamma", UnitKind.Province, 2025).Unit?.Code);
        Assert.Equal("01", gazetteer.Resolve("Alpha", UnitKind.Province, 2024).Unit?.Code);
        Assert.Null(gazetteer.Resolve("Alpha", UnitKind.Province, 2025).Unit);
    }

    [Fact]
    public void An_unknown_name_says_what_kind_and_year_it_looked_for_in_both_languages()
    {
        var province = Embedded.Resolve("Atlantis", UnitKind.Province, 2023);
        Assert.Equal("'Atlantis' is not a known province or city of 2023.", province.Describe("Atlantis"));
        Assert.Equal("'Atlantis' không phải là tỉnh, thành phố nào của năm 2023.", province.DescribeVi("Atlantis"));
        var ministry = Embedded.Resolve("Bộ Vũ trụ", UnitKind.Ministry, 2023);
        Assert.Equal("'Bộ Vũ trụ' is not a known ministry of 2023.", ministry.Describe("Bộ Vũ trụ"));
        Assert.Equal("'Bộ Vũ trụ' không phải là bộ, cơ quan ngang bộ nào của năm 2023.", ministry.DescribeVi("Bộ Vũ trụ"));
        Assert.Equal("'' is not a known province or city of 2023.", Embedded.Resolve("", UnitKind.Province, 2023).Describe(""));
    }

    // The reorganisation of 2025-07-01 was of provinces: a ministry file of 2025 names the ministries as one of 2023
    // does. Before this test the 2025 ministries were listed (UnitsFor) but no name resolved to one, so a 2025
    // PAR INDEX ministry file would have been refused row by row.
    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void A_ministry_resolves_in_any_year_it_is_ranked(int year)
    {
        Assert.Equal(17, Embedded.UnitsFor(UnitKind.Ministry, year).Count);
        Assert.Equal("MOJ", Embedded.Resolve("Bộ Tư pháp", UnitKind.Ministry, year).Unit?.Code);
        Assert.Equal("SBV", Embedded.Resolve("NHNN", UnitKind.Ministry, year).Unit?.Code);
        Assert.Equal(
            $"'Bo Tu phap X' is not a known ministry of {year}; closest known: Bộ Tư pháp (MOJ).",
            Embedded.Resolve("Bo Tu phap X", UnitKind.Ministry, year).Describe("Bo Tu phap X"));
    }

    [Theory]
    [InlineData("1", "01")]
    [InlineData("8", "08")]
    [InlineData(" 8 ", "08")]
    [InlineData("08", "08")]
    [InlineData("48", "48")]
    public void A_province_code_of_one_or_two_digits_resolves_padded(string text, string code) =>
        Assert.Equal(code, Embedded.Resolve(text, UnitKind.Province, 2023).Unit?.Code);

    [Theory]
    [InlineData("048")]
    [InlineData("123")]
    [InlineData("1a")]
    public void Only_one_or_two_digits_are_padded(string text) =>
        Assert.Null(Embedded.Resolve(text, UnitKind.Province, 2023).Unit);

    [Fact]
    public void A_spelling_that_folds_to_nothing_names_no_unit()
    {
        var gazetteer = new Gazetteer([Province("01", "Alpha", 2000, [" - ", "..."])], []);
        Assert.Null(gazetteer.Resolve("-", UnitKind.Province, 2023).Unit);
        Assert.Null(gazetteer.Resolve("", UnitKind.Province, 2023).Unit);
    }

    [Fact]
    public void A_letter_alone_is_not_padded_as_a_code_would_be()
    {
        // "A" is looked up as "a", so An Giang, which starts so, comes first (as "0A" it would not be listed).
        Assert.Equal("'A' is not a known province or city of 2023; closest known: An Giang (89), Hà Nội (01), Hà Giang (02), Cao Bằng (04), Bắc Kạn (06).",
            Embedded.Resolve("A", UnitKind.Province, 2023).Describe("A"));
    }

    [Fact]
    public void A_ministry_name_of_digits_is_not_padded()
    {
        var gazetteer = new Gazetteer([new Unit("01", "Bộ Một", "Ministry One", UnitKind.Ministry, null, false, 2000, null, [], [], null)], []);
        Assert.Null(gazetteer.Resolve("1", UnitKind.Ministry, 2023).Unit);
        Assert.Equal("01", gazetteer.Resolve("01", UnitKind.Ministry, 2023).Unit?.Code);
    }

    [Fact]
    public void The_closest_names_put_those_starting_with_what_was_written_first_then_the_nearest()
    {
        // All five start with "Quảng", listed by code; nothing at an edit distance comes before them.
        Assert.Equal("'Quảng' is not a known province or city of 2023; closest known: Quảng Ninh (22), Quảng Bình (44), Quảng Trị (45), Quảng Nam (49), Quảng Ngãi (51).",
            Embedded.Resolve("Quảng", UnitKind.Province, 2023).Describe("Quảng"));
        // From 2025 the three Quảng that remain, then Đà Nẵng (danang is 3 edits from quang).
        Assert.Equal("'Quảng' is not a known province or city of 2025; closest known: Quảng Ninh (22), Quảng Trị (44), Quảng Ngãi (51), Đà Nẵng (48).",
            Embedded.Resolve("Quảng", UnitKind.Province, 2025).Describe("Quảng"));
        // By distance, then code: Hà Nam (1 edit), Hà Nội (2), Đà Nẵng (2)...
        Assert.Equal("'Ha Nan' is not a known province or city of 2023; closest known: Hà Nam (35), Hà Nội (01), Đà Nẵng (48), Hà Giang (02), Bắc Kạn (06).",
            Embedded.Resolve("Ha Nan", UnitKind.Province, 2023).Describe("Ha Nan"));
    }

    [Fact]
    public void The_closest_names_are_within_three_edits_or_half_the_name()
    {
        var gazetteer = new Gazetteer([Province("01", "abcdefghij", 2000), Province("02", "zzzz", 2000)], []);
        // 10 letters: up to 5 edits.
        Assert.Equal(["01"], gazetteer.Resolve("abcdevwxyz", UnitKind.Province, 2023).Closest.Select(u => u.Code));
        Assert.Empty(gazetteer.Resolve("abcduvwxyz", UnitKind.Province, 2023).Closest);
        // 4 letters: up to 3 edits.
        Assert.Equal(["02"], gazetteer.Resolve("zqqq", UnitKind.Province, 2023).Closest.Select(u => u.Code));
        Assert.Empty(gazetteer.Resolve("qqqq", UnitKind.Province, 2023).Closest);
        // A unit found by several names is listed once, by its nearest.
        var many = new Gazetteer([Province("01", "Alpha", 2000, ["Alphb", "Alphc"]), Province("02", "Alphzz", 2000)], []);
        Assert.Equal(["01", "02"], many.Resolve("Alphx", UnitKind.Province, 2023).Closest.Select(u => u.Code));
    }

    [Fact]
    public void The_closest_names_are_at_most_five()
    {
        var gazetteer = new Gazetteer([.. Enumerable.Range(1, 7).Select(i => Province($"{i:00}", $"Name{i}", 2000))], []);
        Assert.Equal(["01", "02", "03", "04", "05"], gazetteer.Resolve("Name", UnitKind.Province, 2023).Closest.Select(u => u.Code));
    }

    [Fact]
    public void Nothing_is_closest_to_an_empty_name_nor_in_a_kind_the_gazetteer_lacks()
    {
        Assert.Empty(Embedded.Resolve(" - ", UnitKind.Province, 2023).Closest);
        var provincesOnly = new Gazetteer([Province("01", "Alpha", 2000)], []);
        Assert.Empty(provincesOnly.Resolve("Alpha", UnitKind.Ministry, 2023).Closest);
    }

    [Fact]
    public void A_name_resolved_once_is_remembered_and_the_memory_stops_at_4096_names()
    {
        var gazetteer = new Gazetteer([Province("01", "Alpha", 2000)], []);
        var first = gazetteer.Resolve("Omega", UnitKind.Province, 2023);
        Assert.Same(first, gazetteer.Resolve("Omega", UnitKind.Province, 2023));
        // Remembered per kind and year: the same text in another year is resolved anew.
        Assert.NotSame(first, gazetteer.Resolve("Omega", UnitKind.Province, 2022));
        for (var i = 0; i < 4_096 - 3; i++)
        {
            gazetteer.Resolve($"n{i}", UnitKind.Province, 2023);
        }
        var last = gazetteer.Resolve("last", UnitKind.Province, 2023);
        Assert.Same(last, gazetteer.Resolve("last", UnitKind.Province, 2023));
        var over = gazetteer.Resolve("over", UnitKind.Province, 2023);
        Assert.NotSame(over, gazetteer.Resolve("over", UnitKind.Province, 2023));
        Assert.Equal(over, gazetteer.Resolve("over", UnitKind.Province, 2023) with { Closest = over.Closest });
    }

    [Fact]
    public void The_one_argument_Resolve_and_FindByCode_are_the_63_provinces_of_2024()
    {
        Assert.Equal("49", Embedded.Resolve("Quảng Nam")?.Code);
        Assert.Null(Embedded.Resolve("Bộ Tư pháp"));
        Assert.Equal("Quảng Nam", Embedded.FindByCode("49")?.NameVi);
        Assert.Null(Embedded.FindByCode("MOJ"));
        Assert.Equal("Bắc Giang", Embedded.FindByCode("24")?.NameVi);
        Assert.Equal("Bắc Ninh", Embedded.Find(UnitKind.Province, 2025, "24")?.NameVi);
        Assert.Null(Embedded.Find(UnitKind.Province, 2025, "49"));
        Assert.Null(Embedded.Find(UnitKind.Ministry, 2023, "49"));
    }

    [Fact]
    public void A_unit_without_a_region_row_has_no_region()
    {
        var gazetteer = new Gazetteer([Province("01", "Alpha", 2000)], [new Region("Other", "Other")]);
        Assert.Null(gazetteer.RegionOf(gazetteer.Units[0]));
        Assert.Equal("Region", new Gazetteer([Province("01", "Alpha", 2000)], [new Region("Region", "R")]).RegionOf(gazetteer.Units[0])?.NameVi);
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2024, true)]
    [InlineData(2025, false)]
    public void A_unit_exists_from_its_first_to_its_last_year(int year, bool exists) =>
        Assert.Equal(exists, Province("01", "Alpha", 2000).ExistsIn(year));
}
