using ParPipeline.Indices;
using ParPipeline.Ingest;

namespace ParPipeline.Tests.Ingest;

/// <summary>Which index and year a sheet's title speaks of, as ministry files write their titles.</summary>
public sealed class SheetTitleTests
{
    private static readonly IndexCatalog Catalog = IndexCatalog.LoadEmbedded();

    [Theory]
    [InlineData("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC TỈNH, THÀNH PHỐ", "PAR")]
    [InlineData("PAR INDEX 2023", "PAR")]
    [InlineData("Chỉ số CCHC của các bộ, cơ quan ngang bộ năm 2023", "PAR-MINISTRIES")]
    // PAR's title excludes SIPAS (a SIPAS report names the PAR INDEX too); the ministries' does not.
    [InlineData("Kết quả Chỉ số CCHC và Chỉ số SIPAS năm 2023", "SIPAS")]
    [InlineData("Chỉ số CCHC và Chỉ số hài lòng của các bộ năm 2023", "PAR-MINISTRIES SIPAS")]
    [InlineData("Chỉ số hài lòng SIPAS 2023", "SIPAS")]
    [InlineData("Danh sách các bộ", "")]
    [InlineData("Bảng điểm năm 2023", "")]
    public void A_title_names_each_index_whose_every_phrase_group_it_has_in_code_order(string title, string codes)
    {
        Assert.Equal(codes, string.Join(" ", SheetTitle.Indices(title, Catalog).Select(d => d.Code)));
    }

    [Theory]
    [InlineData("PAR INDEX 2023", 2023)]
    [InlineData("Chỉ số CCHC năm 2023 (so sánh với 2022)", 2023)]
    [InlineData("Chỉ số CCHC năm: 2024", 2024)]
    [InlineData("Báo cáo 2023", 2023)]
    [InlineData("Báo cáo 2023, số liệu 2023", 2023)]
    [InlineData("Báo cáo 2022 và 2023", null)]
    [InlineData("năm 2022, năm 2023", null)]
    [InlineData("Quyết định ngày 12/04/2024", null)]
    [InlineData("Số 876/QĐ-BNV", null)]
    [InlineData("Chỉ số CCHC", null)]
    public void The_year_is_the_one_marked_as_the_years_or_failing_that_the_only_one_named(string title, int? year)
    {
        Assert.Equal(year, SheetTitle.Year(title));
    }
}
