using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Testing;

namespace GenderPlan.Documents.Tests;

/// <summary>
/// The follow-up cases shown where people look: under each indicator's card on the scorecard page, in the province
/// draft's "Giải pháp đã triển khai" and on the workbook's sheet "Theo dõi cảnh báo". The sample's 2019 report with:
/// Phòng Y tế acknowledging G4.1 (sex ratio at birth), Phòng Giáo dục và Đào tạo's G3.1 closed by the coordinator, Tân
/// Cảnh's committee not yet answering its G3.1, and an escalated G4.1 case of the first half, another period.
/// </summary>
public sealed class FollowUpDisplayTests
{
    private static readonly DateTimeOffset Alerted = new(2019, 11, 21, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly AlertedOn = new(2019, 11, 21);

    private static FollowUpCase Acknowledged { get; } = Open("yte", "G4.1", "dak-to", "2019", Status.OffTrack)
        .Acknowledge("yte", "Tổ chức truyền thông tại 3 xã <b>Pô Kô</b> [đợt 1]", new DateOnly(2019, 12, 30), Alerted.AddDays(2), AlertedOn.AddDays(2)).Case!;

    private static FollowUpCase Closed { get; } = Open("gddt", "G3.1", "dak-to", "2019", Status.FallingBehind)
        .Resolve(FollowUpResolution.Coordinator, "ldtbxh", "Số liệu đã được rà soát lại", Alerted.AddDays(5))!.Value.Case;

    private static FollowUpCase Unanswered { get; } = Open("ubnd-tan-canh", "G3.1", "tan-canh", "2019", Status.OffTrack);

    private static FollowUpCase OtherPeriod { get; } = Open("yte", "G4.1", "dak-to", "2019-H1", Status.OffTrack).Apply(FollowUpStep.Escalate, Alerted).Case;

    private static readonly IReadOnlyList<FollowUpCase> Cases = [Acknowledged, Closed, Unanswered, OtherPeriod];

    private static DashboardInput Input(IReadOnlyList<FollowUpCase> cases) => ProvinceReportSample.Input() with { FollowUps = cases };

    private static FollowUpCase Open(string unit, string indicator, string place, string period, Status status) =>
        FollowUpCase.Open(unit, indicator, place, period, status, Alerted, AlertedOn).Case;

    private static string Article(string html, string code) =>
        Regex.Match(html, $"<article class=\"indicator\" id=\"{Regex.Escape(code)}\"(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

    private static string Item(string article, string id) =>
        Regex.Match(article, $"<li data-case=\"{Regex.Escape(id)}\"(.*?)</li>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void A_card_shows_its_open_case_with_the_unit_state_action_and_expected_date_in_both_languages()
    {
        var html = DashboardRenderer.Render(Input(Cases));
        var card = Item(Article(html, "G4.1"), Acknowledged.Id);

        Assert.Contains("data-state=\"acknowledged\"", card, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"vi\">Phòng Y tế</span><span lang=\"en\">Health Division</span>", card, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"vi\">Đã nhận, đang khắc phục</span><span lang=\"en\">Acknowledged, action under way</span>", card, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"vi\">(dự kiến có kết quả 30/12/2019)</span>", card, StringComparison.Ordinal);
        // The unit's words are escaped like every value on the page.
        Assert.Contains("Tổ chức truyền thông tại 3 xã &lt;b&gt;Pô Kô&lt;/b&gt; [đợt 1]", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Pô Kô</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_shows_the_last_resolved_case_with_why_and_only_the_place_and_period_shown()
    {
        var html = DashboardRenderer.Render(Input(Cases));
        var g31 = Article(html, "G3.1");

        Assert.Contains(
            "<span lang=\"vi\">Cơ quan thường trực kết thúc theo dõi: Số liệu đã được rà soát lại</span>",
            Item(g31, Closed.Id), StringComparison.Ordinal);
        Assert.Contains("data-state=\"resolved\"", Item(g31, Closed.Id), StringComparison.Ordinal);
        // Tân Cảnh's case is on Tân Cảnh's page; the first half's on the page of the first half.
        Assert.DoesNotContain(Unanswered.Id, html, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherPeriod.Id, html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<div class=\"follow-ups\">"));
        Assert.DoesNotContain("follow-ups", Article(html, "G1.2"), StringComparison.Ordinal);

        var half = DashboardRenderer.Render(Input(Cases) with { Period = Period.FirstHalf(2019) });
        Assert.Contains("data-state=\"escalated\"", Item(Article(half, "G4.1"), OtherPeriod.Id), StringComparison.Ordinal);
    }

    [Fact]
    public void A_commune_page_shows_its_committees_unanswered_case()
    {
        var input = Input(Cases) with { Jurisdiction = "tan-canh", Results = ProvinceReportSample.Input().CommuneResults!["tan-canh"], CommuneResults = null };

        var card = Item(Article(DashboardRenderer.Render(input), "G3.1"), Unanswered.Id);

        Assert.Contains("<span lang=\"vi\">UBND xã Tân Cảnh</span>", card, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"vi\">Chưa phản hồi</span><span lang=\"en\">Not answered</span>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("dự kiến", card, StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_says_under_each_goal_what_the_alerted_units_did_or_that_no_alert_needed_action()
    {
        var report = ProvinceReportBuilder.Build(Input(Cases), ProvinceReportSample.Year);
        var paragraphs = OfficeFiles.ReadDocument(ProvinceReportFiles.Draft(report).Content).Paragraphs.ToList();

        Assert.Equal(report.Goals.Count, paragraphs.Count(paragraph => paragraph == "Giải pháp đã triển khai:"));
        var goal3 = Section(paragraphs, 3);
        Assert.Equal(
            [
                "- Phòng Giáo dục và Đào tạo (chỉ tiêu 1): chưa đề xuất giải pháp khắc phục (cơ quan thường trực kết thúc theo dõi: Số liệu đã được rà soát lại).",
                "- UBND xã Tân Cảnh (chỉ tiêu 1): chưa đề xuất giải pháp khắc phục (chưa có phản hồi).",
            ],
            After(goal3));
        // The unit's brackets become parentheses: brackets are the placeholders the office must fill in.
        Assert.Equal(
            ["- Phòng Y tế (chỉ tiêu 1): Tổ chức truyền thông tại 3 xã <b>Pô Kô</b> (đợt 1) (dự kiến có kết quả 30/12/2019; đang khắc phục)."],
            After(Section(paragraphs, 4)));
        Assert.Equal([ActionsTaken.NoneNeeded], After(Section(paragraphs, 1)));
    }

    [Fact]
    public void Without_cases_every_goal_says_no_alert_needed_action()
    {
        var report = ProvinceReportBuilder.Build(Input([]), ProvinceReportSample.Year);
        var paragraphs = OfficeFiles.ReadDocument(ProvinceReportFiles.Draft(report).Content).Paragraphs;

        Assert.Equal(report.Goals.Count, paragraphs.Count(paragraph => paragraph == ActionsTaken.NoneNeeded));
    }

    [Fact]
    public void The_workbook_lists_every_case_of_the_period_on_its_own_sheet_with_dates_as_dates()
    {
        var bytes = ProvinceReportFiles.Workbook(ProvinceReportBuilder.Build(Input(Cases), ProvinceReportSample.Year)).Content;
        var sheet = OfficeFiles.ReadWorkbook(bytes)[XlsxReportWriter.FollowUpSheet];
        string Row(int row) => string.Join(" | ", "BCDEFHJ".Select(column => sheet.GetValueOrDefault($"{column}{row}")?.Text ?? ""));

        Assert.Equal(["Chỉ tiêu", "Xã, thị trấn", "Tình hình báo cáo", "Theo dõi cảnh báo"], OfficeFiles.SheetNames(bytes));
        Assert.Equal(
            ["STT", "Chỉ tiêu", "Địa bàn", "Kỳ", "Đơn vị", "Tình trạng", "Ngày cảnh báo", "Biện pháp", "Ngày dự kiến", "Kết quả/Lý do"],
            Enumerable.Range(0, 10).Select(column => sheet[Core.Reports.RawTable.ColumnLetter(column) + 4].Text));
        var g31 = TestRules.Plan.FindIndicator("G3.1")!.Name.Vi;
        var g41 = TestRules.Plan.FindIndicator("G4.1")!.Name.Vi;
        // In the plan's order of indicators, then the district before its communes; the first half's case is not this report's.
        Assert.Equal($"{g31} | Huyện Đăk Tô | năm 2019 | Phòng Giáo dục và Đào tạo | Đã giải quyết |  | Cơ quan thường trực kết thúc theo dõi: Số liệu đã được rà soát lại", Row(5));
        Assert.Equal($"{g31} | {TestRules.Plan.NameOf("tan-canh")} | năm 2019 | UBND xã Tân Cảnh | Chưa phản hồi |  | ", Row(6));
        Assert.Equal($"{g41} | Huyện Đăk Tô | năm 2019 | Phòng Y tế | Đã nhận, đang khắc phục | Tổ chức truyền thông tại 3 xã <b>Pô Kô</b> [đợt 1] | ", Row(7));
        Assert.False(sheet.ContainsKey("B8"));
        Assert.Equal(Serial(new DateOnly(2019, 11, 21)), sheet["G7"].Number);
        Assert.Equal(Serial(new DateOnly(2019, 12, 30)), sheet["I7"].Number);
        Assert.Equal("dd/mm/yyyy", sheet["G7"].Format);
        Assert.Equal("dd/mm/yyyy", sheet["I7"].Format);
        Assert.Null(sheet.GetValueOrDefault("I6")?.Number);
    }

    [Fact]
    public void The_cases_sheet_heads_its_columns_as_the_other_sheets_and_prints_its_header_on_every_page()
    {
        using var stream = new MemoryStream(ProvinceReportFiles.Workbook(ProvinceReportBuilder.Build(Input(Cases), ProvinceReportSample.Year)).Content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        Worksheet Sheet(string name) =>
            ((WorksheetPart)workbook.GetPartById(workbook.Workbook!.Sheets!.Elements<Sheet>().Single(sheet => sheet.Name == name).Id!)).Worksheet!;
        uint? Style(string name, string reference) => Sheet(name).Descendants<Cell>().Single(cell => cell.CellReference == reference).StyleIndex?.Value;

        Assert.Equal(Style(XlsxReportWriter.ReportingSheet, "A4"), Style(XlsxReportWriter.FollowUpSheet, "A4"));
        Assert.Equal(Style(XlsxReportWriter.ReportingSheet, "B4"), Style(XlsxReportWriter.FollowUpSheet, "J4"));
        Assert.Equal(Style(XlsxReportWriter.ReportingSheet, "A1"), Style(XlsxReportWriter.FollowUpSheet, "A1"));
        var titles = workbook.Workbook!.DefinedNames!.Elements<DefinedName>().Where(name => name.Name == "_xlnm.Print_Titles").Select(name => name.Text).ToList();
        Assert.Contains("'Theo dõi cảnh báo'!$4:$4", titles);
    }

    [Fact]
    public void Without_cases_the_sheet_says_so()
    {
        var sheet = OfficeFiles.ReadWorkbook(ProvinceReportFiles.Workbook(ProvinceReportBuilder.Build(Input([]), ProvinceReportSample.Year)).Content)[XlsxReportWriter.FollowUpSheet];

        Assert.Equal("Trong kỳ báo cáo không có chỉ tiêu nào được cảnh báo phải theo dõi khắc phục.", sheet["B5"].Text);
        Assert.False(sheet.ContainsKey("A5"));
    }

    /// <summary>The paragraphs of goal <paramref name="number"/> in section I, from its heading to the next goal's or section II.</summary>
    private static List<string> Section(List<string> paragraphs, int number)
    {
        var start = paragraphs.FindIndex(paragraph => paragraph.StartsWith($"{number}. Mục tiêu {number}:", StringComparison.Ordinal));
        var end = paragraphs.FindIndex(start + 1, paragraph => paragraph.StartsWith($"{number + 1}. Mục tiêu ", StringComparison.Ordinal) || paragraph.StartsWith("II. ", StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, $"goal {number} not found");
        return paragraphs[start..end];
    }

    /// <summary>What follows "Giải pháp đã triển khai:" in a goal's paragraphs.</summary>
    private static List<string> After(List<string> section) => section[(section.IndexOf("Giải pháp đã triển khai:") + 1)..];

    private static double Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}
