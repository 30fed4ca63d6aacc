namespace GenderPlan.Core.Plans;

/// <summary>
/// One row of a places list (the statistics office's code list, or any list in its shape): the place a plan may
/// be written for, or one of the places that report to it. Read once by <see cref="PlaceListReader"/>, so every
/// field here is already checked.
/// </summary>
/// <param name="Id">The place id plans and reports use (the <c>id</c> column, else the code in lower case, as in <c>23401</c>).</param>
/// <param name="Code">The official code (mã), unique in the list.</param>
/// <param name="Name">The name as officials write it, with its kind (<c>Xã Đăk Tô</c>, <c>Tỉnh Quảng Ngãi</c>).</param>
/// <param name="Level">The tier of government.</param>
/// <param name="Parent">The code of the place above it, or null for a place at the top of the list.</param>
/// <param name="Row">The row of the file it came from, for messages.</param>
public sealed record PlaceEntry(string Id, string Code, string Name, PlaceLevel Level, string? Parent, int Row);
