using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Plans;
using static GenderPlan.Documents.ProvinceReports.DocxBlocks;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// Writes the <see cref="ProvinceReport"/> as the Word draft of the administrative report the coordinator signs, in
/// the form of Nghị định 30/2020/NĐ-CP: letterhead with the rules under the tiêu ngữ and the issuing body, number and
/// dated place on one line, the title, the opening citing the plan's documents, I. results goal by goal and chỉ tiêu
/// by chỉ tiêu as the plan numbers them, II-IV written from the results with highlighted placeholders for what only
/// people can write, "Nơi nhận" and the signature, then the indicator table as an annex on landscape pages. Nothing in
/// it names the software, the rules version or an indicator code: those stay in the file's properties and the workbook.
/// </summary>
public static class DocxReportWriter
{
    /// <summary>The first title line.</summary>
    public const string TitleWord = "BÁO CÁO";

    /// <summary>A4 portrait, in twips.</summary>
    public const int PageWidth = 11906;

    /// <summary>A4 portrait, in twips.</summary>
    public const int PageHeight = 16838;

    /// <summary>Margins in twips: top and bottom 20 mm, left 30 mm, right 15 mm (Nghị định 30/2020: 20-25, 30-35, 15-20).</summary>
    public static readonly (int Top, int Bottom, int Left, int Right) Margins = (1134, 1134, 1701, 851);

    /// <summary>The letterhead's columns: the issuing bodies on the left, the quốc hiệu on the right; 10 000 twips, a little wider than the text.</summary>
    public static readonly int[] LetterheadWidths = [4700, 5300];

    /// <summary>The size of the quốc hiệu, issuing bodies and number (12-13 pt), and of the tiêu ngữ, date and body (13-14 pt).</summary>
    public const double SmallSize = 13, QuocHieuSize = 12, TaglineSize = 14, BodySize = 14;

    /// <summary>The tiêu ngữ.</summary>
    public const string Tagline = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The quốc hiệu.</summary>
    public const string QuocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    // The annex's landscape page less the margins: 16838 - 1701 - 851.
    private const int AnnexWidth = 14286;

    /// <summary>The second title line: see <see cref="ReportText.Title"/>.</summary>
    public static string Title(ProvinceReport report) => ReportText.Title(report);

    /// <summary>
    /// The header row of the annex's indicator table: STT, the indicator, its unit, the baseline year, the plan's
    /// target (a cell says "Hằng năm: 50%" for a yearly one, so no year heads the column), then the period's result and
    /// verdict, or for a review each year's result, the final value and the verdict.
    /// </summary>
    public static IReadOnlyList<string> TableColumns(ProvinceReport report)
    {
        var head = new List<string> { "STT", "Chỉ tiêu", "Đơn vị tính", $"Năm {report.Plan.BaselineYear}", "Chỉ tiêu kế hoạch" };
        if (report.Scope.IsSpan)
        {
            head.AddRange(report.Scope.Years.Select(year => $"Năm {year}"));
            head.Add("Kết quả cuối kỳ");
        }
        else
        {
            head.Add($"Kết quả {report.Period.Label.Vi}");
        }

        head.Add("Đánh giá");
        return head;
    }

    /// <summary>
    /// The annex table's column widths in twips: STT wide enough not to wrap, the figures' columns narrower when a
    /// review shows every year, and the indicator's name taking what is left of the landscape page.
    /// </summary>
    public static int[] TableWidths(ProvinceReport report)
    {
        var span = report.Scope.IsSpan;
        int[] results = span ? [.. report.Scope.Years.Select(_ => 950), 1100] : [1600];
        int[] before = span ? [1000, 900, 1300] : [1200, 1200, 1600];
        var verdict = span ? 1400 : 1800;
        var name = AnnexWidth - StatusNumberWidth - before.Sum() - results.Sum() - verdict;
        return [StatusNumberWidth, name, .. before, .. results, verdict];
    }

    /// <summary>"STT" bold at 12 pt is about 460 twips; with Word's cell padding (2 × 108) 800 keeps it on one line.</summary>
    public const int StatusNumberWidth = 800;

    /// <summary>Writes the draft to <paramref name="output"/>.</summary>
    public static void Write(ProvinceReport report, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Defaults();
        var pageNumbers = main.AddNewPart<HeaderPart>();
        pageNumbers.Header = PageNumberHeader();
        var firstPage = main.AddNewPart<HeaderPart>();
        firstPage.Header = new Header(new Paragraph());
        var headers = (Default: main.GetIdOfPart(pageNumbers), First: main.GetIdOfPart(firstPage));
        Properties(document, report);

        var issuer = Issuer(report);
        var body = new Body();
        body.Append(Letterhead(report));
        body.Append(
            Para("", after: 0),
            Para(TitleWord, bold: true, align: JustificationValues.Center, after: 0),
            Para(Title(report), bold: true, align: JustificationValues.Center, after: 0),
            Rule(1600, PageWidth - Margins.Left - Margins.Right),
            Para("", after: 0),
            Body(ReportText.Opening(report, issuer)));

        body.Append(Body("I. KẾT QUẢ THỰC HIỆN", bold: true));
        foreach (var (goal, index) in report.Goals.Select((goal, index) => (goal, index + 1)))
        {
            body.Append(Body($"{index}. {ReportWording.GoalHeading(goal.Goal)}", bold: true));
            body.Append(Body(GoalSummary.Write(goal)));
            foreach (var target in report.TargetsOf(goal))
            {
                body.Append(GoalSummary.Lines(target, report.Scope, report.PlaceWords).Select(line => Body(line)));
            }

            body.Append(Para([Run(ActionsTaken.Heading + ":", italic: true, bold: true)], JustificationValues.Both, indent: true));
            body.Append(ActionsTaken.Lines(report, goal).Select(line => Body(line)));
        }

        body.Append(Body("(Kết quả cụ thể từng chỉ tiêu tại Phụ lục kèm theo.)"));
        body.Append(Body("II. KHÓ KHĂN, VƯỚNG MẮC", bold: true));
        body.Append(ReportText.Difficulties(report).Select(line => Body(line)));
        body.Append(Body("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold: true));
        body.Append(ReportText.NextTasks(report, issuer).Select(line => Body(line)));
        body.Append(Body("IV. ĐỀ XUẤT, KIẾN NGHỊ", bold: true));
        body.Append(ReportText.Proposals(report).Select(line => Body(line)));
        body.Append(Body(ReportText.Closing(report, issuer)));
        body.Append(Signature(report));

        // The first section (portrait) ends in this paragraph; the annex's landscape section is the body's last.
        body.Append(new Paragraph(new ParagraphProperties(Section(portrait: true, headers, titlePage: true))));
        body.Append(Annex(report));
        body.Append(Section(portrait: false, headers, titlePage: false));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>"Đăk Tô" from "Huyện Đăk Tô", "Xã Đăk Tô" or "Tỉnh Quảng Ngãi": how the place is written in the date line and running text.</summary>
    public static string PlaceName(ProvinceReport report) => report.PlaceWords.Name;

    /// <summary>
    /// The issuing body as the running text names it, the office followed by its place's kind: "Phòng Lao động -
    /// Thương binh và Xã hội huyện", "Phòng Văn hóa - Xã hội xã", "Sở Nội vụ tỉnh".
    /// </summary>
    public static string Issuer(ProvinceReport report) => report.PlaceWords.Office(IssuingBody(report));

    /// <summary>
    /// The coordinator's name as documents write it: "Phòng Lao động - Thương binh và Xã hội", with the hyphen of
    /// official letterheads where the units file has an en dash.
    /// </summary>
    public static string IssuingBody(ProvinceReport report) => report.Coordinator.Name.Vi.Replace('–', '-');

    /// <summary>
    /// The document symbol of the issuing body: "LĐTBXH" for "Phòng Lao động – Thương binh và Xã hội", "VHXH" for "Phòng
    /// Văn hóa - Xã hội", "SNV" for "Sở Nội vụ". A place's kind the name may end with ("Phòng Nội vụ huyện") is not part
    /// of the symbol.
    /// </summary>
    public static string Symbol(ResponsibleUnit unit)
    {
        var words = PlaceWords.WithoutKind(unit.Name.Vi).Split([' ', '–', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word is not ("Phòng" or "và"))
            .Select(word => char.ToUpperInvariant(word[0]));
        return string.Concat(words);
    }

    /// <summary>"Số:      /BC-LĐTBXH": the number is given by the văn thư when the report is registered, so it stays blank.</summary>
    public static string NumberLine(ProvinceReport report) => $"Số:       /BC-{Symbol(report.Coordinator)}";

    private static Table Letterhead(ProvinceReport report)
    {
        var (leftWidth, rightWidth) = (LetterheadWidths[0], LetterheadWidths[1]);
        var table = Table(LetterheadWidths, borders: false, indent: -(LetterheadWidths.Sum() - (PageWidth - Margins.Left - Margins.Right)) / 2);
        var issuer = TextWidth.Wrap(IssuingBody(report).ToUpperInvariant(), SmallSize, leftWidth);
        var issuerWidth = issuer.Max(line => TextWidth.Twips(line, SmallSize));
        var left = Cell(leftWidth, [
            Para(report.PlaceWords.CommitteeOfPlace.ToUpperInvariant(), size: SmallSize, align: JustificationValues.Center, after: 0),
            Lines(issuer, SmallSize, bold: true, after: 0),
            // 2/5 of the name's longest line: within the decree's 1/3 to 1/2.
            Rule(issuerWidth * 2 / 5, leftWidth),
        ]);
        var right = Cell(rightWidth, [
            Para(QuocHieu, size: QuocHieuSize, bold: true, align: JustificationValues.Center, after: 0),
            Para(Tagline, size: TaglineSize, bold: true, align: JustificationValues.Center, after: 0),
            Rule(TextWidth.Twips(Tagline, TaglineSize), rightWidth),
        ]);
        table.Append(new TableRow(left, right));
        table.Append(new TableRow(
            Cell(leftWidth, [Para(NumberLine(report), size: SmallSize, align: JustificationValues.Center, after: 0)]),
            Cell(rightWidth, [Para(ReportText.PlaceAndDate(PlaceName(report), report.Date), size: TaglineSize, italic: true, align: JustificationValues.Center, after: 0)])));
        return table;
    }

    private static Table Signature(ProvinceReport report)
    {
        var table = Table([4500, 4854], borders: false);
        var recipients = new List<string>();
        if (report.Plan.ReportsTo is { } above)
        {
            recipients.Add($"- {above.Vi} (b/c);");
        }

        recipients.Add($"- {report.PlaceWords.Committee.Vi} (b/c);");
        recipients.Add($"- Lưu: VT, {Symbol(report.Coordinator)}.");
        var left = Cell(4500, [
            Para("", size: 12, after: 0),
            Para("Nơi nhận:", size: 12, bold: true, italic: true, align: JustificationValues.Left, after: 0),
            .. recipients.Select(recipient => Para(recipient, size: 11, align: JustificationValues.Left, after: 0)),
        ]);
        var right = Cell(4854, [
            Para("", after: 0),
            Para("TRƯỞNG PHÒNG", size: BodySize, bold: true, align: JustificationValues.Center, after: 0),
            // Room for the signature and the signer's name, which the office types: GenderPlan does not know who signs.
            .. Enumerable.Range(0, 4).Select(_ => Para("", after: 0)),
        ]);
        table.Append(new TableRow(left, right));
        return table;
    }

    private static IEnumerable<OpenXmlElement> Annex(ProvinceReport report)
    {
        yield return Para("Phụ lục", bold: true, align: JustificationValues.Center, after: 0);
        yield return Para($"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH HÀNH ĐỘNG BÌNH ĐẲNG GIỚI {report.Scope.Label.ToUpperInvariant()}", bold: true, align: JustificationValues.Center, after: 0);
        yield return Para($"(Kèm theo Báo cáo số       /BC-{Symbol(report.Coordinator)} ngày {ReportText.CitedDate(report.Date)} của {Issuer(report)} {PlaceName(report)})", italic: true, align: JustificationValues.Center, after: 12);
        yield return IndicatorTable(report);
    }

    private static Table IndicatorTable(ProvinceReport report)
    {
        var widths = TableWidths(report);
        const double size = 12;
        var table = Table(widths, borders: true);
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(TableColumns(report).Select((text, column) =>
            Cell(widths[column], [Para(text, size: size, bold: true, align: JustificationValues.Center, after: 0)], shaded: true, noWrap: column == 0)));
        table.Append(header);
        foreach (var (goal, index) in report.Goals.Select((goal, index) => (goal, index + 1)))
        {
            table.Append(new TableRow(
                Cell(widths[0], [Para(ReportWording.Roman(index), size: size, bold: true, align: JustificationValues.Center, after: 0)], noWrap: true),
                Cell(widths[1..].Sum(), [Para(ReportWording.GoalHeading(goal.Goal), size: size, bold: true, align: JustificationValues.Left, after: 0)], span: widths.Length - 1)));
            foreach (var target in report.TargetsOf(goal))
            {
                foreach (var (line, part) in target.Lines.Select((line, part) => (line, part)))
                {
                    var number = target.Lines.Count == 1 || part == 0 ? target.Number.ToString(CultureInfo.InvariantCulture) : "";
                    var cells = new List<string> { number, line.Indicator.Name.Vi, ReportWording.UnitText(line.Indicator), Baseline(line.Indicator), IndicatorSentence.TargetCell(line.Indicator) };
                    if (report.Scope.IsSpan)
                    {
                        cells.AddRange(line.Years.Select(figure => ReportWording.FigureCell(line.Indicator, figure)));
                    }

                    cells.Add(ReportWording.FigureCell(line.Indicator, line.Figure));
                    cells.Add(Verdict(line));
                    table.Append(new TableRow(cells.Select((text, column) =>
                        Cell(widths[column], [Para(text, size: size, align: column == 1 ? JustificationValues.Left : JustificationValues.Center, after: 0)], noWrap: column == 0))));
                }
            }
        }

        return table;
    }

    private static string Baseline(Indicator indicator) => indicator.Baseline is { } value ? ReportWording.CellText(indicator, value) : "-";

    private static string Verdict(IndicatorLine line) => IndicatorSentence.StandingOf(line) switch
    {
        IndicatorSentence.Standing.NoTargetSet => "Không đặt chỉ tiêu",
        _ => ReportWording.StatusWord(line.Figure),
    };

    private static SectionProperties Section(bool portrait, (string Default, string First) headers, bool titlePage)
    {
        var section = new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = headers.Default });
        if (titlePage)
        {
            section.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = headers.First });
        }

        section.Append(
            portrait
                ? new PageSize { Width = (uint)PageWidth, Height = (uint)PageHeight }
                : new PageSize { Width = (uint)PageHeight, Height = (uint)PageWidth, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = Margins.Top, Bottom = Margins.Bottom, Left = (uint)Margins.Left, Right = (uint)Margins.Right, Header = 567U, Footer = 567U, Gutter = 0U });
        if (titlePage)
        {
            section.Append(new TitlePage());
        }

        return section;
    }

    /// <summary>The page number, centred in the top margin at 14 pt; the first page's header is empty.</summary>
    private static Header PageNumberHeader()
    {
        var size = ((int)(TaglineSize * 2)).ToString(CultureInfo.InvariantCulture);
        RunProperties Properties() => new(new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName }, new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        return new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(Properties(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Properties(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Properties(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Properties(), new DocumentFormat.OpenXml.Wordprocessing.Text("2")),
            new Run(Properties(), new FieldChar { FieldCharType = FieldCharValues.End })));
    }

    /// <summary>The rules version and when the figures were compiled, in the file's properties, where a reader can trace them without their being printed.</summary>
    private static void Properties(WordprocessingDocument document, ProvinceReport report)
    {
        document.PackageProperties.Title = $"{TitleWord} {Title(report)}";
        document.PackageProperties.Creator = IssuingBody(report);
        document.PackageProperties.Language = "vi-VN";
        document.PackageProperties.Keywords = report.RulesVersion;
        document.PackageProperties.Description = $"Số liệu tổng hợp lúc {ReportWording.MadeAt(report.GeneratedAt)} (giờ Việt Nam), quy tắc {report.RulesVersion}.";
        document.PackageProperties.Created = report.GeneratedAt.UtcDateTime;
    }

    /// <summary>Document defaults: Times New Roman 14 pt, Vietnamese as the proofing language, 6 pt after paragraphs.</summary>
    private static Styles Defaults() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
            new FontSize { Val = "28" },
            new FontSizeComplexScript { Val = "28" },
            new Languages { Val = "vi-VN" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
}
