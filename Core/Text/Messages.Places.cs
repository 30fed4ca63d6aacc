namespace GenderPlan.Core.Text;

/// <summary>What the places list of <c>genderplan plan new</c> and the strategy's offices say when they cannot be used.</summary>
public static partial class Messages
{
#pragma warning disable CS1591 // Each entry's code and words are its documentation.
    public static readonly MessageTemplate PlacesTooLarge = new("places.too-large", "tệp có {0}; danh sách địa bàn tối đa {1}", "the file is {0}; a places list may be at most {1}");
    public static readonly MessageTemplate PlacesTooManyRows = new("places.too-many-rows", "tệp có hơn {0} dòng; chỉ giữ lại các địa bàn của tỉnh hoặc xã cần lập kế hoạch", "the file has more than {0} rows; keep only the places of the province or commune the plan is for");
    public static readonly MessageTemplate PlacesTooManyColumns = new("places.too-many-columns", "dòng tiêu đề có {0} cột; tối đa {1}", "the header has {0} columns; at most {1}");
    public static readonly MessageTemplate PlacesMissingColumn = new("places.missing-column", "thiếu cột {0}; các cột là code (mã), name (tên), level (cấp), parent (mã cấp trên) và id (không bắt buộc)", "the column {0} is missing; the columns are code, name, level, parent and, optionally, id");
    public static readonly MessageTemplate PlacesDuplicateColumn = new("places.duplicate-column", "cột {0} xuất hiện hai lần", "the column {0} appears twice");
    public static readonly MessageTemplate PlacesEmpty = new("places.empty", "tệp không có địa bàn nào", "the file lists no place");
    public static readonly MessageTemplate PlacesCellTooLong = new("places.cell-too-long", "ô có {0} ký tự; tối đa {1}", "the cell holds {0} characters; at most {1}");
    public static readonly MessageTemplate PlacesBlank = new("places.blank", "ô trống; mỗi địa bàn cần có mã, tên và cấp", "the cell is empty; every place needs a code, a name and a level");
    public static readonly MessageTemplate PlacesBadCode = new("places.bad-code", "'{0}' không phải là mã: chỉ gồm chữ, số và dấu '-'", "'{0}' is not a code: letters, digits and '-' only");
    public static readonly MessageTemplate PlacesBadText = new("places.bad-text", "tên có ký tự điều khiển", "the name holds a control character");
    public static readonly MessageTemplate PlacesBadLevel = new("places.bad-level", "'{0}' không phải là cấp; ghi province (tỉnh, thành phố), district (huyện, quận, thị xã) hoặc commune (xã, phường, thị trấn, đặc khu)", "'{0}' is not a level; write province (tỉnh, thành phố), district (huyện, quận, thị xã) or commune (xã, phường, thị trấn, đặc khu)");
    public static readonly MessageTemplate PlacesDuplicate = new("places.duplicate", "'{0}' đã có ở dòng {1}", "'{0}' is already listed on row {1}");
    public static readonly MessageTemplate PlacesUnknownParent = new("places.unknown-parent", "không có địa bàn mã '{0}' trong tệp", "no place in the file has the code '{0}'");
    public static readonly MessageTemplate PlacesUnknownPlace = new("places.unknown-place", "không có địa bàn '{0}' trong tệp; ghi mã hoặc id của một dòng, ví dụ {1}", "no place '{0}' in the file; give the code or id of one of its rows, such as {1}");
    public static readonly MessageTemplate PlacesTooManyChildren = new("places.too-many-children", "'{0}' có {1} địa bàn cấp dưới (tính mọi cấp); một kế hoạch có tối đa {2} địa bàn cấp dưới: lập kế hoạch cho từng địa bàn thấp hơn, hoặc bỏ bớt các dòng không thuộc kế hoạch", "'{0}' has {1} places below it, at every level; a plan holds at most {2} below its own place: make plans for places further down, or leave out the rows the plan does not cover");
    public static readonly MessageTemplate PlacesParentCycle = new("places.parent-cycle", "các cấp trên đi thành vòng ({0}); một địa bàn không thể là cấp dưới của chính nó", "the parents go round in a cycle ({0}); a place cannot be below itself");
    public static readonly MessageTemplate PlacesNoOffice = new("places.no-office", "không có cơ quan điều phối cho cấp {0} trong {1}; thêm một mục cho cấp này", "{1} names no coordinating office for the level {0}; add one for it");
#pragma warning restore CS1591
}
