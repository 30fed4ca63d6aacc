using GenderPlan.Core.Domain;
using GenderPlan.Core.Plans;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The words documents use for a place come from the place: its name's kind first (a plan started from the strategy
/// keeps "Xã Đăk Tô" while its root reads as the district level), then its level word.
/// </summary>
public class PlaceWordsTests
{
    [Theory]
    [InlineData("Huyện Đăk Tô", "district", "huyện", "Đăk Tô", "UBND huyện", "UBND huyện Đăk Tô")]
    [InlineData("Xã Đăk Tô", "district", "xã", "Đăk Tô", "UBND xã", "UBND xã Đăk Tô")]
    [InlineData("Xã Đăk Tô", "commune", "xã", "Đăk Tô", "UBND xã", "UBND xã Đăk Tô")]
    [InlineData("Thị trấn Đăk Tô", "commune", "thị trấn", "Đăk Tô", "UBND thị trấn", "UBND thị trấn Đăk Tô")]
    [InlineData("Phường Cẩm Thành", "commune", "phường", "Cẩm Thành", "UBND phường", "UBND phường Cẩm Thành")]
    [InlineData("Đặc khu Lý Sơn", "commune", "đặc khu", "Lý Sơn", "UBND đặc khu", "UBND đặc khu Lý Sơn")]
    [InlineData("Tỉnh Quảng Ngãi", "district", "tỉnh", "Quảng Ngãi", "UBND tỉnh", "UBND tỉnh Quảng Ngãi")]
    [InlineData("Thành phố Đà Nẵng", "province", "thành phố", "Đà Nẵng", "UBND thành phố", "UBND thành phố Đà Nẵng")]
    [InlineData("Thị xã Kon Tum", "district", "thị xã", "Kon Tum", "UBND thị xã", "UBND thị xã Kon Tum")]
    [InlineData("Đăk Tô", "district", "huyện", "Đăk Tô", "UBND huyện", "UBND huyện Đăk Tô")]
    [InlineData("Tân Cảnh", "commune", "xã", "Tân Cảnh", "UBND xã", "UBND xã Tân Cảnh")]
    [InlineData("Quảng Ngãi", "province", "tỉnh", "Quảng Ngãi", "UBND tỉnh", "UBND tỉnh Quảng Ngãi")]
    [InlineData("Quảng Ngãi", "tinh", "tỉnh", "Quảng Ngãi", "UBND tỉnh", "UBND tỉnh Quảng Ngãi")]
    [InlineData("Cẩm Thành", "ward", "phường", "Cẩm Thành", "UBND phường", "UBND phường Cẩm Thành")]
    [InlineData("Việt Nam", "nation", "cả nước", "Việt Nam", "Chính phủ", "Chính phủ")]
    [InlineData("Vùng Tây Nguyên", "region", "địa phương", "Vùng Tây Nguyên", "UBND địa phương", "UBND địa phương Vùng Tây Nguyên")]
    public void A_place_is_named_by_the_kind_its_name_gives_else_by_its_level(string name, string level, string kind, string shortName, string committee, string letterhead)
    {
        var words = PlaceWords.Of(new Jurisdiction("x", name) { Level = level });

        Assert.Equal((kind, shortName, committee, letterhead), (words.Kind.Vi, words.Name, words.Committee.Vi, words.CommitteeOfPlace));
    }

    [Theory]
    [InlineData("Huyện Đăk Tô", "district", "Phòng Lao động - Thương binh và Xã hội huyện")]
    [InlineData("Xã Đăk Tô", "commune", "Phòng Lao động - Thương binh và Xã hội xã")]
    [InlineData("Việt Nam", "nation", "Phòng Lao động - Thương binh và Xã hội")]
    [InlineData("Vùng Tây Nguyên", "region", "Phòng Lao động - Thương binh và Xã hội")]
    public void An_office_is_followed_by_its_places_kind_unless_the_place_has_none(string name, string level, string office) =>
        Assert.Equal(office, PlaceWords.Of(new Jurisdiction("x", name) { Level = level }).Office("Phòng Lao động - Thương binh và Xã hội"));

    [Theory]
    [InlineData("the 2016-2020 Đăk Tô communes and town", "các xã, thị trấn", "the communes and the town", "Thị trấn Đăk Tô|commune", "Xã Tân Cảnh|commune", "Xã Pô Kô|commune")]
    [InlineData("a province's communes and wards since 2025", "các xã, phường", "the communes and the wards", "Phường Cẩm Thành|commune", "Xã Đăk Tô|commune", "Xã Kon Đào|commune", "Phường Trương Quang Trọng|commune")]
    [InlineData("names without a kind", "các xã", "the communes", "Tân Cảnh|commune", "Pô Kô|commune")]
    [InlineData("districts, towns and cities", "các quận, huyện, thị xã, thành phố", "the urban district, the district, the town and the city", "Thành phố Kon Tum|district", "Thị xã A|district", "Huyện Đăk Tô|district", "Quận 1|district")]
    [InlineData("a special zone", "các xã, đặc khu", "the commune and the special zone", "Đặc khu Lý Sơn|commune", "Xã Đăk Tô|commune")]
    public void Places_below_are_named_by_the_kinds_present_in_the_usual_order(string _, string vi, string en, params string[] places)
    {
        var below = PlaceWords.Members(places.Select((place, index) => new Jurisdiction($"p{index}", place.Split('|')[0]) { Level = place.Split('|')[1] }));

        Assert.Equal(new LocalizedText(vi, en), below);
    }

    [Fact]
    public void No_places_below_have_no_words() => Assert.Null(PlaceWords.Members([]));

    [Theory]
    [InlineData("Huyện Đăk Tô", "huyện Đăk Tô")]
    [InlineData("Thị trấn Đăk Tô", "thị trấn Đăk Tô")]
    [InlineData("Tỉnh Quảng Ngãi", "tỉnh Quảng Ngãi")]
    [InlineData("Đặc khu Lý Sơn", "đặc khu Lý Sơn")]
    [InlineData("Đăk Tô", "Đăk Tô")]
    [InlineData("Xã", "Xã")]
    public void A_name_inside_a_sentence_has_its_kind_in_lower_case(string name, string inSentence) =>
        Assert.Equal(inSentence, PlaceWords.InSentence(name));

    [Theory]
    [InlineData("Hội Liên hiệp Phụ nữ huyện", "Hội Liên hiệp Phụ nữ")]
    [InlineData("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội")]
    [InlineData("Công an thị xã", "Công an")]
    public void An_office_without_its_places_kind_is_its_own_name(string office, string own) =>
        Assert.Equal(own, PlaceWords.WithoutKind(office));
}
