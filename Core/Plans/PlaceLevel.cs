using GenderPlan.Core.Text;

namespace GenderPlan.Core.Plans;

/// <summary>
/// The tier of local government a place belongs to. Since 1 July 2025 there are two (province, commune); the
/// district tier is kept so an older code list still reads. The level chooses the office that coordinates a plan
/// there (the strategy's <c>offices.json</c>), never a place's name.
/// </summary>
public enum PlaceLevel
{
    /// <summary>A province or centrally governed city (tỉnh, thành phố trực thuộc trung ương).</summary>
    Province,

    /// <summary>A district-level unit before 2025 (huyện, quận, thị xã, thành phố thuộc tỉnh).</summary>
    District,

    /// <summary>A commune-level unit (xã, phường, thị trấn, đặc khu).</summary>
    Commune,
}

/// <summary>The words a places list may use for a level, in English or as the statistics office writes them.</summary>
public static class PlaceLevelText
{
    private static readonly Dictionary<string, PlaceLevel> Words = new(StringComparer.Ordinal)
    {
        ["province"] = PlaceLevel.Province, ["tinh"] = PlaceLevel.Province, ["thanh pho"] = PlaceLevel.Province,
        ["thanh pho truc thuoc trung uong"] = PlaceLevel.Province,
        ["district"] = PlaceLevel.District, ["huyen"] = PlaceLevel.District, ["quan"] = PlaceLevel.District, ["thi xa"] = PlaceLevel.District,
        ["thanh pho thuoc tinh"] = PlaceLevel.District,
        ["commune"] = PlaceLevel.Commune, ["ward"] = PlaceLevel.Commune, ["special-zone"] = PlaceLevel.Commune, ["xa"] = PlaceLevel.Commune,
        ["phuong"] = PlaceLevel.Commune, ["thi tran"] = PlaceLevel.Commune, ["dac khu"] = PlaceLevel.Commune,
    };

    /// <summary>The level <paramref name="written"/> names, with or without diacritics, in any case; null for any other word.</summary>
    public static PlaceLevel? Parse(string written) => Words.TryGetValue(VietnameseText.Fold(written), out var level) ? level : null;

    /// <summary>The word <c>offices.json</c> uses for <paramref name="level"/>.</summary>
    public static string Word(this PlaceLevel level) => level switch
    {
        PlaceLevel.Province => "province",
        PlaceLevel.District => "district",
        _ => "commune",
    };
}
