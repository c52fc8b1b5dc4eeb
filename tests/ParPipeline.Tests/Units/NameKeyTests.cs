using ParPipeline.Units;

namespace ParPipeline.Tests.Units;

/// <summary>The fold every name goes through before it is looked up: each rule, and where it stops.</summary>
public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Đà Nẵng", "danang")]
    [InlineData("  ĐÀ   NẴNG ", "danang")]
    [InlineData("Thừa Thiên - Huế", "thuathienhue")]
    [InlineData("Bà Rịa-Vũng Tàu", "bariavungtau")]
    [InlineData("48", "48")]
    // Prefixes go, and punctuation separates words, so "TP.HCM" is "TP" then "HCM".
    [InlineData("Tỉnh Quảng Nam", "quangnam")]
    [InlineData("TP. Hồ Chí Minh", "hochiminh")]
    [InlineData("TP.HCM", "hcm")]
    [InlineData("Tp Cần Thơ", "cantho")]
    [InlineData("Thành phố Hải Phòng", "haiphong")]
    [InlineData("City of Hanoi", "hanoi")]
    [InlineData("Ho Chi Minh City", "hochiminh")]
    // Only one leading prefix goes.
    [InlineData("Tỉnh Thành phố Huế", "thanhphohue")]
    [InlineData("TP Huế City", "hue")]
    // A prefix that is the whole name stays.
    [InlineData("Tỉnh", "tinh")]
    [InlineData("TP", "tp")]
    [InlineData("Thành phố", "thanhpho")]
    [InlineData("City of", "cityof")]
    [InlineData("City", "city")]
    [InlineData("Thành", "thanh")]
    // "city" only at the end, "tinh" only at the start.
    [InlineData("Cityville", "cityville")]
    [InlineData("City Hall", "cityhall")]
    [InlineData("Hà Tĩnh", "hatinh")]
    [InlineData("Pho Thanh", "phothanh")]
    [InlineData("Thanh Pho", "thanhpho")]
    [InlineData("Thanh Hoa Pho", "thanhhoapho")]
    [InlineData("Of City", "of")]
    [InlineData("", "")]
    [InlineData(" - . ", "")]
    public void A_name_folds_to_its_key(string name, string key) => Assert.Equal(key, Gazetteer.NameKey(name));
}
