using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Documents.Reports;

/// <summary>One column of the report template: its Vietnamese header (a name the reader knows), its width in characters, and whether its text wraps.</summary>
/// <param name="Header">The header officials read; the reader maps it to its column (<see cref="ReportColumns.Canonical"/>).</param>
/// <param name="Width">Its width in Excel's characters.</param>
/// <param name="Wraps">Whether long text wraps onto more lines rather than running into the next cell.</param>
public sealed record TemplateColumn(string Header, double Width, bool Wraps = false);

/// <summary>
/// The report template as officials fill it in: Vietnamese headers, the period due already written, each indicator's
/// code, name and unit ("%", "trẻ trai/100 trẻ gái", the levels of a category), and empty cells for the value, its
/// numerator and denominator and a note. Every header is one the reader accepts, so a filled template reads back.
/// </summary>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">One row per indicator the place reports, cells in the columns' order.</param>
public sealed record ReportTemplateSheet(IReadOnlyList<TemplateColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The columns, in the reader's terms and the order written.</summary>
    public static readonly IReadOnlyList<TemplateColumn> All =
    [
        new("Kỳ báo cáo", 12),
        new("Địa bàn", 12),
        new("Mã chỉ tiêu", 16),
        new("Tên chỉ tiêu", 55, Wraps: true),
        new("Đơn vị tính", 24, Wraps: true),
        new("Giá trị", 12),
        new("Tử số", 10),
        new("Mẫu số", 10),
        new("Ghi chú", 30, Wraps: true),
    ];

    /// <summary>
    /// The sheet for <paramref name="plan"/>: a commune's indicators for a commune, the district-level ones otherwise,
    /// with the district's id filled in when no place is given (those rows are the district's report).
    /// </summary>
    public static ReportTemplateSheet For(Plan plan, Period? period, string? jurisdiction)
    {
        var place = jurisdiction ?? plan.District.Id;
        var rows = plan.IndicatorsFor(place)
            .Select(indicator => (IReadOnlyList<string>)[period?.ToString() ?? "", place, indicator.Code, indicator.Name.Vi, UnitOf(indicator), "", "", "", ""])
            .ToList();
        return new ReportTemplateSheet(All, rows);
    }

    /// <summary>How the value is written: "%", the unit's name, or for a category the levels to choose from.</summary>
    private static string UnitOf(Indicator indicator) =>
        indicator.Unit.IsCategory
            ? $"ghi một trong: {string.Join("; ", indicator.Definition.Categories.OrderBy(category => category.Level).Select(category => category.Name.Vi))}"
            : indicator.Definition.UnitName.Vi;
}
