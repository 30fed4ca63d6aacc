using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.Plans;
using GenderPlan.Documents.FollowUps;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// Writes the <see cref="ProvinceReport"/> as the workbook the coordinator sends up: the plan's appendix table
/// filled in ("Chỉ tiêu"), the communes' figures ("Xã, thị trấn") and who reported on time ("Tình hình báo
/// cáo", the annex of who reported late, which the Word body leaves out), then what the units alerted did about it
/// ("Theo dõi cảnh báo"). Figures are real numbers with Vietnamese
/// formats, never text, so the province can add them up; every sheet prints on A4 landscape with its header row on
/// each page. The rules version and the time it was made are in the annex sheet and the file's properties, where a
/// figure can be traced, not in the printed headers of the sheets sent up.
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
    /// The header row of <see cref="IndicatorSheet"/>, in column order; the baseline year is the plan's
    /// (<c>Plan.baselineYear</c>). The plan's own target is a number, headed by its place's kind ("Chỉ tiêu của huyện",
    /// "Chỉ tiêu của xã"), and "Thời hạn" says when it applies ("Năm 2020" or "Hằng năm"), so a yearly target never
    /// stands under a year's heading. A review adds each year's result.
    /// </summary>
    public static IReadOnlyList<string> IndicatorColumns(Plan plan) => IndicatorColumns(plan, []);

    /// <summary>The header row for a report showing <paramref name="years"/> side by side (a review), in column order.</summary>
    public static IReadOnlyList<string> IndicatorColumns(Plan plan, IReadOnlyList<int> years) =>
    [
        "STT", "Chỉ tiêu", "Đơn vị tính", $"Năm {plan.BaselineYear}", $"Chỉ tiêu của {PlaceWords.Of(plan.District).Kind.Vi}", "Thời hạn", "Chỉ tiêu tỉnh",
        .. years.Select(year => $"Năm {year}"),
        years.Count > 0 ? "Kết quả cuối kỳ" : "Kết quả thực hiện", "Nguồn số liệu", "Đánh giá", "Đơn vị chủ trì", "Ghi chú",
    ];

    /// <summary>The sheet of follow-up cases: what each unit alerted did about it.</summary>
    public const string FollowUpSheet = "Theo dõi cảnh báo";

    /// <summary>The header row of <see cref="FollowUpSheet"/>, in column order.</summary>
    public static readonly IReadOnlyList<string> FollowUpColumns =
        ["STT", "Chỉ tiêu", "Địa bàn", "Kỳ", "Đơn vị", "Tình trạng", "Ngày cảnh báo", "Biện pháp", "Ngày dự kiến", "Kết quả/Lý do"];

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
        // The page number only: nothing machine-made is printed on what goes to the province.
        const string header = "";
        const string footer = "&C&\"Times New Roman,Regular\"&10Trang &P/&N";
        foreach (var sheet in new[] { Indicators(report), Communes(report), Reporting(report), FollowUps(report) })
        {
            sheet.WriteTo(workbook, sheets, names, header, footer);
        }

        workbook.Workbook.Append(names);
        workbook.Workbook.Save();
        document.PackageProperties.Title = $"Kết quả thực hiện các chỉ tiêu {report.Scope.Label}, {report.District.Name}";
        document.PackageProperties.Language = "vi-VN";
        document.PackageProperties.Keywords = report.RulesVersion;
        document.PackageProperties.Description = Traceability(report);
    }

    /// <summary>Where the figures come from, for the annex sheet and the file's properties: the time they were compiled and the rules version.</summary>
    public static string Traceability(ProvinceReport report) =>
        $"Số liệu tổng hợp lúc {ReportWording.MadeAt(report.GeneratedAt)} (giờ Việt Nam), đánh giá theo bộ quy tắc {report.RulesVersion}.";

    private static XlsxSheet Indicators(ProvinceReport report)
    {
        var years = report.Scope.IsSpan ? report.Scope.Years.ToList() : [];
        double[] widths = [6, 42, 11, 11, 12, 11, 12, .. years.Select(_ => 11d), 13, 20, 16, 24, 48];
        var sheet = new XlsxSheet(IndicatorSheet, widths) { HeaderRows = (HeaderRow, HeaderRow) };
        var columns = IndicatorColumns(report.Plan, years);
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
            foreach (var target in report.TargetsOf(goal))
            {
                foreach (var (line, part) in target.Lines.Select((line, part) => (line, part)))
                {
                    IndicatorRow(sheet, row++, target.Lines.Count == 1 || part == 0 ? target.Number : null, report, line);
                }
            }
        }

        return sheet;
    }

    /// <summary>One measure's row; <paramref name="number"/> is its chỉ tiêu's number on the first of its parts, blank on the others.</summary>
    private static void IndicatorRow(XlsxSheet sheet, uint row, int? number, ProvinceReport report, IndicatorLine line)
    {
        var indicator = line.Indicator;
        var definition = indicator.Definition;
        if (number is { } known)
        {
            sheet.Number(row, 0, known, XlsxStyle.Centered);
        }
        else
        {
            sheet.Blank(row, 0, XlsxStyle.Centered);
        }

        sheet.Text(row, 1, indicator.Name.Vi, XlsxStyle.Text);
        sheet.Text(row, 2, ReportWording.UnitText(indicator), XlsxStyle.Centered);
        Value(sheet, row, 3, indicator, definition.Baseline, "—");
        // The target the period is judged against: with milestones, the one in force, its year beside it.
        Value(sheet, row, 4, indicator, line.Milestone.Target, "");
        sheet.Text(row, 5, definition.EveryYear ? "Hằng năm" : $"Năm {line.Milestone.Year}", XlsxStyle.Centered);
        ProvinceTarget(sheet, row, 6, indicator);
        var column = 7;
        foreach (var year in line.Years)
        {
            Figure(sheet, row, column++, indicator, year);
        }

        Figure(sheet, row, column, indicator, line.Figure);
        sheet.Text(row, column + 1, ReportWording.Source(report.Plan, line.Figure), XlsxStyle.Text);
        sheet.Text(row, column + 2, IndicatorSentence.StandingOf(line) == IndicatorSentence.Standing.NoTargetSet ? "Không đặt chỉ tiêu" : ReportWording.StatusWord(line.Figure), XlsxStyle.Centered);
        sheet.Text(row, column + 3, report.Rules.FindUnit(indicator.Lead)?.Name.Vi ?? indicator.Lead, XlsxStyle.Text);
        sheet.Text(row, column + 4, ReportWording.Note(report.Plan, line), XlsxStyle.Text);
    }

    private static void Figure(XlsxSheet sheet, uint row, int column, Indicator indicator, ReportFigure? figure)
    {
        switch (figure)
        {
            case { Value: { } value }:
                Value(sheet, row, column, indicator, value, "");
                break;
            case not null:
                sheet.Text(row, column, "0/0", XlsxStyle.Centered);
                break;
            default:
                sheet.Blank(row, column, XlsxStyle.Centered);
                break;
        }
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
            sheet.Text(HeaderRow, 2 + (2 * index), $"{indicator.Name.Vi} ({ReportWording.UnitText(indicator)})", XlsxStyle.Header, sheet.Width(2, 3));
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
            sheet.Text(++row, 1, $"Lập từ các tệp báo cáo (không rõ đơn vị gửi và ngày nhận): {string.Join(", ", report.FilesWithoutSender)}.", XlsxStyle.Default);
        }

        sheet.Text(row + 1, 1, Traceability(report), XlsxStyle.Default);

        return sheet;
    }

    /// <summary>
    /// One row per follow-up case of the report's period, by indicator in the plan's order, then place, then unit.
    /// Bounded as the other sheets are, by the plan: a case is one unit's, for one indicator, place and period, and its
    /// texts are at most <see cref="FollowUpCase.MaxTextLength"/> characters, well within a cell.
    /// </summary>
    private static XlsxSheet FollowUps(ProvinceReport report)
    {
        var sheet = new XlsxSheet(FollowUpSheet, 6, 34, 16, 11, 24, 16, 12, 44, 12, 30) { HeaderRows = (HeaderRow, HeaderRow) };
        Titles(sheet, report, "THEO DÕI KHẮC PHỤC CÁC CHỈ TIÊU ĐƯỢC CẢNH BÁO", FollowUpColumns.Count);
        HeaderCells(sheet, HeaderRow, FollowUpColumns);
        var order = report.Plan.Indicators.Select((indicator, index) => (indicator.Code, index)).ToDictionary(pair => pair.Code, pair => pair.index, StringComparer.OrdinalIgnoreCase);
        var places = report.Plan.Jurisdictions.Select((place, index) => (place.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var cases = report.FollowUps
            .OrderBy(found => order.GetValueOrDefault(found.Indicator, int.MaxValue))
            .ThenBy(found => places.GetValueOrDefault(found.Place, int.MaxValue))
            .ThenBy(found => found.Period, StringComparer.Ordinal)
            .ThenBy(found => found.Unit, StringComparer.Ordinal)
            .ToList();
        var row = HeaderRow + 1;
        var number = 1;
        foreach (var found in cases)
        {
            var shown = FollowUpPage.RowOf(report.Rules, found);
            sheet.Number(row, 0, number++, XlsxStyle.Centered);
            sheet.Text(row, 1, shown.Indicator.Vi, XlsxStyle.Text);
            sheet.Text(row, 2, shown.Place, XlsxStyle.Text);
            sheet.Text(row, 3, shown.Period.Vi, XlsxStyle.Centered);
            sheet.Text(row, 4, ActionsTaken.UnitName(report.Rules, found.Unit), XlsxStyle.Text);
            sheet.Text(row, 5, found.State.Vietnamese(), XlsxStyle.Centered);
            sheet.Number(row, 6, ExcelDate(found.OpenedOn), XlsxStyle.Date);
            sheet.Text(row, 7, found.Action ?? "", XlsxStyle.Text);
            if (found.ExpectedBy is { } expected)
            {
                sheet.Number(row, 8, ExcelDate(expected), XlsxStyle.Date);
            }
            else
            {
                sheet.Blank(row, 8, XlsxStyle.Centered);
            }

            sheet.Text(row, 9, shown.Resolution?.Vi ?? "", XlsxStyle.Text);
            row++;
        }

        if (cases.Count == 0)
        {
            sheet.Text(row, 1, "Trong kỳ báo cáo không có chỉ tiêu nào được cảnh báo phải theo dõi khắc phục.", XlsxStyle.Default);
        }

        return sheet;
    }

    /// <summary>The two title lines above a sheet's table, merged across its width.</summary>
    private static void Titles(XlsxSheet sheet, ProvinceReport report, string title, int width)
    {
        sheet.Text(1, 0, title, XlsxStyle.Title);
        sheet.Merge(1, 0, 1, width - 1);
        sheet.Text(2, 0, $"{report.District.Name}, {report.Scope.Label} ({report.Plan.Name.Vi})", XlsxStyle.Subtitle);
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
}
