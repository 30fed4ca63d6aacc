using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// Writes the <see cref="ProvinceReport"/> as the workbook the coordinator sends up: the plan's appendix table
/// filled in ("Chỉ tiêu"), the communes' figures ("Xã, thị trấn") and who reported on time ("Tình hình báo
/// cáo"). Figures are real numbers with Vietnamese formats, never text, so the province can add them up; every
/// sheet prints on A4 landscape with its header row on each page, and names the rules version and the time it was
/// made in its page header.
/// </summary>
public static class XlsxReportWriter
{
    /// <summary>The sheet of indicators: the plan's appendix table filled in.</summary>
    public const string IndicatorSheet = "Chỉ tiêu";

    /// <summary>The sheet of communes × commune-level indicators.</summary>
    public const string CommuneSheet = "Xã, thị trấn";

    /// <summary>The sheet of reports owed and received.</summary>
    public const string ReportingSheet = "Tình hình báo cáo";

    /// <summary>
    /// The header row of <see cref="IndicatorSheet"/>, in column order; the baseline and target years are the plan's
    /// (<c>Plan.baselineYear</c>, <c>endYear</c>): "Năm 2015", "Chỉ tiêu 2020 (huyện)" for the 2016-2020 plan.
    /// </summary>
    public static IReadOnlyList<string> IndicatorColumns(Plan plan) =>
    [
        "STT", "Chỉ tiêu", "Đơn vị tính", $"Năm {plan.BaselineYear}", $"Chỉ tiêu {plan.EndYear} (huyện)", "Chỉ tiêu tỉnh", "Kết quả thực hiện", "Nguồn số liệu", "Đánh giá", "Đơn vị chủ trì", "Ghi chú",
    ];

    /// <summary>The header row of <see cref="ReportingSheet"/>, in column order.</summary>
    public static readonly IReadOnlyList<string> ReportingColumns = ["STT", "Đơn vị", "Địa bàn báo cáo", "Hạn gửi", "Tình trạng", "Ngày nhận"];

    private const uint HeaderRow = 4;

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(ProvinceReport report, Stream output)
    {
        using var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var names = new DefinedNames();
        var header = PageHeader(report);
        const string footer = "&C&\"Times New Roman,Regular\"&10Trang &P/&N";
        foreach (var sheet in new[] { Indicators(report), Communes(report), Reporting(report) })
        {
            sheet.WriteTo(workbook, sheets, names, header, footer);
        }

        workbook.Workbook.Append(names);
        workbook.Workbook.Save();
    }

    /// <summary>The page header: the rules version on the left, when the file was made (Vietnam time) on the right.</summary>
    public static string PageHeader(ProvinceReport report) =>
        $"&L&\"Times New Roman,Regular\"&9Quy tắc: {Escape(report.RulesVersion)}&R&\"Times New Roman,Regular\"&9Lập lúc {ReportWording.MadeAt(report.GeneratedAt)} (giờ Việt Nam)";

    private static XlsxSheet Indicators(ProvinceReport report)
    {
        var sheet = new XlsxSheet(IndicatorSheet, 6, 42, 11, 11, 12, 12, 13, 20, 16, 24, 48) { HeaderRows = (HeaderRow, HeaderRow) };
        var columns = IndicatorColumns(report.Plan);
        Titles(sheet, report, "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU KẾ HOẠCH HÀNH ĐỘNG BÌNH ĐẲNG GIỚI", columns.Count);
        HeaderCells(sheet, HeaderRow, columns);
        var row = HeaderRow + 1;
        foreach (var goal in report.Goals)
        {
            sheet.Text(row, 0, ReportWording.Roman(goal.Goal.Number), XlsxStyle.Goal);
            sheet.Text(row, 1, ReportWording.GoalHeading(goal.Goal), XlsxStyle.Goal);
            for (var column = 2; column < columns.Count; column++)
            {
                sheet.Blank(row, column, XlsxStyle.Goal);
            }

            sheet.Merge(row, 1, row, columns.Count - 1);
            sheet.Fit(row, ReportWording.GoalHeading(goal.Goal), sheet.Width(1, columns.Count - 1));
            row++;
            var number = 1;
            foreach (var line in goal.Lines)
            {
                IndicatorRow(sheet, row++, number++, report, line);
            }
        }

        return sheet;
    }

    private static void IndicatorRow(XlsxSheet sheet, uint row, int number, ProvinceReport report, IndicatorLine line)
    {
        var indicator = line.Indicator;
        var definition = indicator.Definition;
        sheet.Number(row, 0, number, XlsxStyle.Centered);
        sheet.Text(row, 1, $"{indicator.Name.Vi} ({indicator.Code})", XlsxStyle.Text);
        sheet.Text(row, 2, ReportWording.UnitText(indicator), XlsxStyle.Centered);
        Value(sheet, row, 3, indicator, definition.Baseline, "—");
        Value(sheet, row, 4, indicator, definition.Target, "");
        ProvinceTarget(sheet, row, 5, indicator);
        switch (line.Figure)
        {
            case { Value: { } value }:
                Value(sheet, row, 6, indicator, value, "");
                break;
            case not null:
                sheet.Text(row, 6, "0/0", XlsxStyle.Centered);
                break;
            default:
                sheet.Blank(row, 6, XlsxStyle.Centered);
                break;
        }

        sheet.Text(row, 7, ReportWording.Source(report.Plan, line.Figure), XlsxStyle.Text);
        sheet.Text(row, 8, ReportWording.StatusWord(line.Figure), XlsxStyle.Centered);
        sheet.Text(row, 9, report.Rules.FindUnit(indicator.Lead)?.Name.Vi ?? indicator.Lead, XlsxStyle.Text);
        sheet.Text(row, 10, ReportWording.Note(report.Plan, line), XlsxStyle.Text);
    }

    /// <summary>A figure as a number cell; a category as its words; nothing as <paramref name="none"/>.</summary>
    private static void Value(XlsxSheet sheet, uint row, int column, Indicator indicator, decimal? value, string none)
    {
        if (value is not { } known)
        {
            sheet.Text(row, column, none, XlsxStyle.Centered);
        }
        else if (indicator.Unit.IsCategory)
        {
            sheet.Text(row, column, ReportWording.ValueText(indicator, known), XlsxStyle.Centered);
        }
        else
        {
            sheet.Number(row, column, XlsxStyles.CellNumber(indicator, known), XlsxStyles.NumberStyle(indicator, known));
        }
    }

    /// <summary>The province's target: a number where the rules give one, else their words ("Giảm 40%").</summary>
    private static void ProvinceTarget(XlsxSheet sheet, uint row, int column, Indicator indicator)
    {
        var text = indicator.Definition.ProvinceTarget;
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) && !indicator.Unit.IsCategory)
        {
            Value(sheet, row, column, indicator, number, "");
        }
        else
        {
            sheet.Text(row, column, text ?? "—", XlsxStyle.Centered);
        }
    }

    private static XlsxSheet Communes(ProvinceReport report)
    {
        var table = report.Communes;
        var widths = new List<double> { 6, 22 };
        widths.AddRange(table.Indicators.SelectMany(_ => new double[] { 11, 14 }));
        // About five indicators fit an A4 landscape page at full size; the commune names repeat on every page.
        var sheet = new XlsxSheet(CommuneSheet, [.. widths]) { HeaderRows = (HeaderRow, HeaderRow + 1), FrozenColumns = 2, PagesWide = (uint)Math.Max(1, (table.Indicators.Count + 4) / 5) };
        // The title spans the first printed page only, so it is read there rather than centred across every page.
        Titles(sheet, report, "KẾT QUẢ CÁC CHỈ TIÊU CỦA CÁC XÃ, THỊ TRẤN", Math.Min(widths.Count, 2 + (2 * 5)));
        sheet.Text(HeaderRow, 0, "STT", XlsxStyle.Header);
        sheet.Text(HeaderRow, 1, "Xã, thị trấn", XlsxStyle.Header);
        for (var index = 0; index < table.Indicators.Count; index++)
        {
            var indicator = table.Indicators[index];
            sheet.Text(HeaderRow, 2 + (2 * index), $"{indicator.Code}: {indicator.Name.Vi} ({ReportWording.UnitText(indicator)})", XlsxStyle.Header, sheet.Width(2, 3));
            sheet.Blank(HeaderRow, 3 + (2 * index), XlsxStyle.Header);
            sheet.Merge(HeaderRow, 2 + (2 * index), HeaderRow, 3 + (2 * index));
        }

        sheet.Blank(HeaderRow + 1, 0, XlsxStyle.Header);
        sheet.Blank(HeaderRow + 1, 1, XlsxStyle.Header);
        sheet.Merge(HeaderRow, 0, HeaderRow + 1, 0);
        sheet.Merge(HeaderRow, 1, HeaderRow + 1, 1);
        for (var index = 0; index < table.Indicators.Count; index++)
        {
            sheet.Text(HeaderRow + 1, 2 + (2 * index), "Kết quả", XlsxStyle.Header);
            sheet.Text(HeaderRow + 1, 3 + (2 * index), "Đánh giá", XlsxStyle.Header);
        }

        var row = HeaderRow + 2;
        var number = 1;
        foreach (var commune in table.Rows)
        {
            sheet.Number(row, 0, number++, XlsxStyle.Centered);
            sheet.Text(row, 1, commune.Commune.Name, XlsxStyle.Text);
            for (var index = 0; index < table.Indicators.Count; index++)
            {
                var figure = commune.Figures[index];
                var column = 2 + (2 * index);
                if (figure is { Value: { } value })
                {
                    Value(sheet, row, column, table.Indicators[index], value, "");
                }
                else
                {
                    sheet.Text(row, column, figure is null ? "" : "0/0", XlsxStyle.Centered);
                }

                sheet.Text(row, column + 1, ReportWording.StatusWord(figure), XlsxStyle.Centered);
            }

            row++;
        }

        return sheet;
    }

    private static XlsxSheet Reporting(ProvinceReport report)
    {
        var sheet = new XlsxSheet(ReportingSheet, 6, 40, 24, 13, 16, 13) { HeaderRows = (HeaderRow, HeaderRow) };
        Titles(sheet, report, "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ, UBND CÁC XÃ, THỊ TRẤN", ReportingColumns.Count);
        HeaderCells(sheet, HeaderRow, ReportingColumns);
        var row = HeaderRow + 1;
        var number = 1;
        foreach (var due in report.Reporting)
        {
            sheet.Number(row, 0, number++, XlsxStyle.Centered);
            sheet.Text(row, 1, due.Unit.Name.Vi, XlsxStyle.Text);
            sheet.Text(row, 2, due.Place.Name, XlsxStyle.Text);
            sheet.Number(row, 3, ExcelDate(due.Deadline), XlsxStyle.Date);
            sheet.Text(row, 4, ReportWording.DueWord(due.State), XlsxStyle.Centered);
            if (due.ReceivedAt is { } received)
            {
                sheet.Number(row, 5, ExcelDate(ReportingCalendar.VietnamDate(received)), XlsxStyle.Date);
            }
            else
            {
                sheet.Blank(row, 5, XlsxStyle.Centered);
            }

            row++;
        }

        var counts = report.Reporting.GroupBy(due => due.State).ToDictionary(group => group.Key, group => group.Count());
        row++;
        sheet.Text(row, 1, $"Tổng số: {report.Reporting.Count} báo cáo phải gửi; đúng hạn {counts.GetValueOrDefault(DueState.OnTime)}, trễ hạn {counts.GetValueOrDefault(DueState.Late)}, chưa gửi {counts.GetValueOrDefault(DueState.Missing) + counts.GetValueOrDefault(DueState.NotDue)}{(counts.ContainsKey(DueState.Unknown) ? $", không rõ {counts[DueState.Unknown]}" : "")}.", XlsxStyle.Default);
        if (report.FilesWithoutSender.Count > 0)
        {
            sheet.Text(row + 1, 1, $"Lập từ các tệp báo cáo (không rõ đơn vị gửi và ngày nhận): {string.Join(", ", report.FilesWithoutSender)}.", XlsxStyle.Default);
        }

        return sheet;
    }

    /// <summary>The two title lines above a sheet's table, merged across its width.</summary>
    private static void Titles(XlsxSheet sheet, ProvinceReport report, string title, int width)
    {
        sheet.Text(1, 0, title, XlsxStyle.Title);
        sheet.Merge(1, 0, 1, width - 1);
        sheet.Text(2, 0, $"{report.District.Name}, {report.Period.Label.Vi} ({report.Plan.Name.Vi})", XlsxStyle.Subtitle);
        sheet.Merge(2, 0, 2, width - 1);
        sheet.Height(1, 21);
        sheet.Height(2, 33);
    }

    private static void HeaderCells(XlsxSheet sheet, uint row, IReadOnlyList<string> columns)
    {
        for (var column = 0; column < columns.Count; column++)
        {
            sheet.Text(row, column, columns[column], XlsxStyle.Header);
        }

        sheet.Height(row, 33);
    }

    private static double ExcelDate(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    // '&' starts a code in Excel's header language.
    private static string Escape(string text) => text.Replace("&", "&&", StringComparison.Ordinal);
}
