namespace GenderPlan.Testing;

/// <summary>
/// Places lists in the statistics office's shape, as <c>genderplan plan new --places</c> reads them, shared by the Core
/// tests of the plan builder and the command line's tests of <c>plan new</c>, so both try the same trees.
/// </summary>
internal static class PlaceLists
{
    /// <summary>
    /// Since 1 July 2025: Quảng Ngãi and three of its communes as the statistics office codes them (CV 1027/CTK-CSCL),
    /// with its Vietnamese headers; the codes are the ids.
    /// </summary>
    public const string ProvinceAndCommunes = """
        Mã,Tên,Cấp,Mã cấp trên
        51,Tỉnh Quảng Ngãi,Tỉnh,
        23401,Xã Đăk Tô,Xã,51
        23430,Xã Kon Đào,Xã,51
        23428,Xã Ngọk Tụ,Xã,51
        """;

    /// <summary>
    /// Before 2025 (codes made up): a province, two districts, their communes and towns, and a second province a plan for
    /// the first must leave out; the id column gives the ids reports write.
    /// </summary>
    public const string ProvinceDistrictsAndCommunes = """
        code,name,level,parent,id
        62,Tỉnh Kon Tum,Tỉnh,,kon-tum
        612,Huyện Đăk Tô,Huyện,62,dak-to
        23473,Thị trấn Đăk Tô,Thị trấn,612,tt-dak-to
        23476,Xã Tân Cảnh,Xã,612,tan-canh
        611,Huyện Ngọc Hồi,Huyện,62,ngoc-hoi
        23500,Thị trấn Plei Kần,Thị trấn,611,plei-kan
        51,Tỉnh Quảng Ngãi,Tỉnh,,quang-ngai
        21001,Xã Bình Sơn,Xã,51,binh-son
        """;
}
