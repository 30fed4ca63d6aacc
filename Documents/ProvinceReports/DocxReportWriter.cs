using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GenderPlan.Core.Domain;
using static GenderPlan.Documents.ProvinceReports.DocxBlocks;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// Writes the <see cref="ProvinceReport"/> as the Word draft of the administrative report the coordinator signs:
/// the national emblem lines, the issuing body, number and date left for the office to fill in, the title, one
/// paragraph per goal written from the results, the indicator table, and empty sections for what only people can
/// write (difficulties, proposals), then "Nơi nhận" and the signature. Times New Roman 13/14 pt on A4, with the
/// margins Vietnamese administrative documents use.
/// </summary>
public static class DocxReportWriter
{
    /// <summary>The first title line.</summary>
    public const string TitleWord = "BÁO CÁO";

    /// <summary>The header row of the indicator table, in column order; the target year is the plan's (<c>Plan.endYear</c>).</summary>
    public static IReadOnlyList<string> TableColumns(Plan plan) => ["STT", "Chỉ tiêu", "Đơn vị tính", $"Chỉ tiêu {plan.EndYear}", "Kết quả thực hiện", "Đánh giá"];

    // A4 less the left (30 mm) and right (15 mm) margins, in twips.
    private static readonly int[] TableWidths = [600, 3900, 1100, 1300, 1500, 1236];

    /// <summary>The second title line: "Kết quả thực hiện Kế hoạch hành động bình đẳng giới năm 2019" (or "6 tháng đầu năm 2019").</summary>
    public static string Title(ProvinceReport report) => $"Kết quả thực hiện Kế hoạch hành động bình đẳng giới {report.Period.Label.Vi}";

    /// <summary>Writes the draft to <paramref name="output"/>.</summary>
    public static void Write(ProvinceReport report, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Defaults();
        var body = new Body();
        body.Append(Letterhead(report));
        body.Append(
            Para("", after: 0),
            Para(TitleWord, bold: true, align: JustificationValues.Center, after: 0),
            Para(Title(report), bold: true, align: JustificationValues.Center, after: 12),
            Para($"Thực hiện {report.Plan.Name.Vi}, trên cơ sở báo cáo của các cơ quan, đơn vị và UBND các xã, thị trấn, {IssuingBody(report)} huyện báo cáo kết quả thực hiện {report.Period.Label.Vi} như sau:", indent: true),
            Para("I. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU", bold: true));
        foreach (var goal in report.Goals)
        {
            body.Append(Para($"{goal.Goal.Number}. {ReportWording.GoalHeading(goal.Goal)}", bold: true, indent: true));
            body.Append(Para(GoalSummary.Write(goal), indent: true));
        }

        body.Append(Para("Kết quả cụ thể từng chỉ tiêu như sau:", indent: true), IndicatorTable(report), Para("", after: 0));
        body.Append(Para("II. TÌNH HÌNH GỬI BÁO CÁO", bold: true), Para(Reporting(report), indent: true));
        body.Append(Para("III. KHÓ KHĂN, VƯỚNG MẮC", bold: true));
        body.Append(Blanks());
        body.Append(Para("IV. ĐỀ XUẤT, KIẾN NGHỊ", bold: true));
        body.Append(Blanks());
        body.Append(Para($"Trên đây là báo cáo kết quả thực hiện Kế hoạch hành động bình đẳng giới {report.Period.Label.Vi} của {IssuingBody(report)} huyện {PlaceName(report)}./.", indent: true));
        body.Append(Para("", after: 0), Signature(), Para("", after: 0));
        body.Append(Para($"Số liệu do GenderPlan tổng hợp lúc {ReportWording.MadeAt(report.GeneratedAt)} (giờ Việt Nam), theo quy tắc {report.RulesVersion}.", size: 10, italic: true, after: 0));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 567U, Footer = 567U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>"Đăk Tô" from "Huyện Đăk Tô": how the place is written in the date line and running text.</summary>
    public static string PlaceName(ProvinceReport report)
    {
        var name = report.District.Name;
        return name.StartsWith("Huyện ", StringComparison.Ordinal) ? name[6..] : name;
    }

    /// <summary>
    /// The coordinator's name as documents write it: "Phòng Lao động - Thương binh và Xã hội", with the hyphen of
    /// official letterheads where the units file has an en dash.
    /// </summary>
    public static string IssuingBody(ProvinceReport report) => report.Coordinator.Name.Vi.Replace('–', '-');

    /// <summary>The document symbol of the issuing body: "LĐTBXH" for "Phòng Lao động – Thương binh và Xã hội".</summary>
    public static string Symbol(ResponsibleUnit unit)
    {
        var words = unit.Name.Vi.Split([' ', '–', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word is not ("Phòng" or "và" or "huyện"))
            .Select(word => char.ToUpperInvariant(word[0]));
        return string.Concat(words);
    }

    private static Table Letterhead(ProvinceReport report)
    {
        var table = Table([3600, 5754], borders: false);
        var coordinator = IssuingBody(report).ToUpperInvariant();
        var left = Cell(3600, [
            Para($"UBND {report.District.Name.ToUpperInvariant()}", size: 13, align: JustificationValues.Center, after: 0),
            Para(coordinator, size: 13, bold: true, align: JustificationValues.Center, after: 6),
            Para($"Số: .../BC-{Symbol(report.Coordinator)}", size: 13, align: JustificationValues.Center, after: 0),
        ]);
        var right = Cell(5754, [
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size: 13, bold: true, align: JustificationValues.Center, after: 0),
            Para("Độc lập - Tự do - Hạnh phúc", size: 14, bold: true, align: JustificationValues.Center, after: 6),
            Para($"{PlaceName(report)}, ngày ... tháng ... năm ...", size: 14, italic: true, align: JustificationValues.Center, after: 0),
        ]);
        table.Append(new TableRow(left, right));
        return table;
    }

    private static Table IndicatorTable(ProvinceReport report)
    {
        var table = Table(TableWidths, borders: true);
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(TableColumns(report.Plan).Select((text, column) => Cell(TableWidths[column], [Para(text, size: 13, bold: true, align: JustificationValues.Center, after: 0)], shaded: true)));
        table.Append(header);
        foreach (var goal in report.Goals)
        {
            table.Append(new TableRow(
                Cell(TableWidths[0], [Para(ReportWording.Roman(goal.Goal.Number), size: 13, bold: true, align: JustificationValues.Center, after: 0)]),
                Cell(TableWidths[1..].Sum(), [Para(ReportWording.GoalHeading(goal.Goal), size: 13, bold: true, align: JustificationValues.Left, after: 0)], span: 5)));
            var number = 1;
            foreach (var line in goal.Lines)
            {
                string[] cells =
                [
                    (number++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    line.Indicator.Name.Vi,
                    ReportWording.UnitText(line.Indicator),
                    ReportWording.ValueText(line.Indicator, line.Indicator.Target),
                    line.Figure is null ? "" : ReportWording.FigureText(line.Indicator, line.Figure),
                    ReportWording.StatusWord(line.Figure),
                ];
                table.Append(new TableRow(cells.Select((text, column) =>
                    Cell(TableWidths[column], [Para(text, size: 13, align: column == 1 ? JustificationValues.Left : JustificationValues.Center, after: 0)]))));
            }
        }

        return table;
    }

    private static string Reporting(ProvinceReport report)
    {
        var due = report.Reporting;
        if (due.Count == 0)
        {
            return "Trong kỳ không có đơn vị nào phải gửi báo cáo.";
        }

        if (due.Any(item => item.State == DueState.Unknown))
        {
            return $"Báo cáo này được lập từ các tệp {string.Join(", ", report.FilesWithoutSender)}; chưa có thông tin về đơn vị gửi và ngày nhận. Trong kỳ có {due.Count} cơ quan, đơn vị, UBND xã, thị trấn phải gửi báo cáo.";
        }

        var onTime = due.Count(item => item.State == DueState.OnTime);
        var late = due.Where(item => item.State == DueState.Late).ToList();
        var missing = due.Where(item => item.State is DueState.Missing or DueState.NotDue).ToList();
        var text = $"Trong kỳ có {due.Count} cơ quan, đơn vị, UBND xã, thị trấn phải gửi báo cáo; đã gửi {onTime + late.Count} báo cáo, trong đó đúng hạn {onTime}, trễ hạn {late.Count}";
        if (late.Count > 0)
        {
            text += $" ({string.Join("; ", late.Select(item => $"{item.Unit.Name.Vi}, nhận ngày {ReportWording.Date(GenderPlan.Core.Calendar.ReportingCalendar.VietnamDate(item.ReceivedAt!.Value))}"))})";
        }

        text += missing.Count > 0 ? $"; chưa gửi {missing.Count} ({string.Join(", ", missing.Select(item => item.Unit.Name.Vi))})." : "; không có đơn vị nào chưa gửi.";
        return text;
    }

    private static IEnumerable<Paragraph> Blanks() =>
        Enumerable.Range(0, 3).Select(_ => Para(new string('.', 110), indent: true, after: 0));

    private static Table Signature()
    {
        var table = Table([4500, 4854], borders: false);
        var left = Cell(4500, [
            Para("Nơi nhận:", size: 12, bold: true, italic: true, align: JustificationValues.Left, after: 0),
            Para("- Sở Lao động - Thương binh và Xã hội tỉnh (b/c);", size: 11, align: JustificationValues.Left, after: 0),
            Para("- UBND huyện (b/c);", size: 11, align: JustificationValues.Left, after: 0),
            Para("- Lưu: VT.", size: 11, align: JustificationValues.Left, after: 0),
        ]);
        var right = Cell(4854, [
            Para("TRƯỞNG PHÒNG", size: 14, bold: true, align: JustificationValues.Center, after: 0),
            Para("(Ký, ghi rõ họ tên)", size: 14, italic: true, align: JustificationValues.Center, after: 0),
        ]);
        table.Append(new TableRow(left, right));
        return table;
    }

    /// <summary>Document defaults: Times New Roman 14 pt, Vietnamese as the proofing language.</summary>
    private static Styles Defaults() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
            new FontSize { Val = "28" },
            new FontSizeComplexScript { Val = "28" },
            new Languages { Val = "vi-VN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
}
