using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.ProvinceReports;
using GenderPlan.Testing;

namespace GenderPlan.Documents.Tests;

/// <summary>The workbook the district sends up, read back with OpenXml as Excel would read it.</summary>
public sealed class ProvinceWorkbookTests
{
    private static readonly Dictionary<string, Dictionary<string, ReadCell>> Sheets = OfficeFiles.ReadWorkbook(ProvinceReportSample.Workbook());

    private static Dictionary<string, ReadCell> Indicators => Sheets[XlsxReportWriter.IndicatorSheet];

    /// <summary>The row of <paramref name="code"/> on the indicator sheet: its name cell holds the indicator's name, and no code.</summary>
    private static int RowOf(string code) =>
        int.Parse(Indicators.Values.Single(cell => cell.Reference.StartsWith('B') && cell.Text == TestRules.Plan.FindIndicator(code)!.Name.Vi).Reference[1..], System.Globalization.CultureInfo.InvariantCulture);

    private static ReadCell? At(string column, int row) => Indicators.GetValueOrDefault(column + row);

    [Fact]
    public void The_workbook_has_the_indicator_the_commune_the_reporting_and_the_follow_up_sheets_in_order()
    {
        Assert.Equal(["Chỉ tiêu", "Xã, thị trấn", "Tình hình báo cáo", "Theo dõi cảnh báo"], OfficeFiles.SheetNames(ProvinceReportSample.Workbook()));
        Assert.Equal(XlsxReportWriter.IndicatorColumns(ProvinceReportSample.Report().Plan), Enumerable.Range(0, 12).Select(column => Indicators[Core.Reports.RawTable.ColumnLetter(column) + 4].Text));
    }

    [Theory]
    [InlineData("G1.1a.district", 0.161, "[$-42A]0.0%", "Đã đạt")]
    [InlineData("G1.1a.commune", 0.259, "[$-42A]0.0%", "Có nguy cơ không đạt")]
    [InlineData("G3.1", 0.972, "[$-42A]0.0%", "Chậm tiến độ")]
    [InlineData("G3.2a", 0.615, "[$-42A]0.0%", "Chậm tiến độ")]
    [InlineData("G1.2", 0.72, "[$-42A]0%", "Đã đạt")]
    [InlineData("G4.1", 108.0, "[$-42A]#,##0", "Có nguy cơ không đạt")]
    [InlineData("G4.2", 45.0, "[$-42A]#,##0", "Đã đạt")]
    [InlineData("G6.1", 1.8, "[$-42A]#,##0.0", "Chậm tiến độ")]
    [InlineData("G5.1", 0.0, "[$-42A]#,##0", "Đã đạt")]
    public void An_indicator_row_holds_its_value_as_a_real_number_with_a_Vietnamese_format_and_its_status_word(string code, double value, string format, string status)
    {
        var row = RowOf(code);
        var cell = At("H", row)!;

        Assert.True(cell.IsNumberCell, $"{code}: '{cell.Text}' is text, not a number");
        Assert.Equal(value, cell.Number!.Value, 6);
        Assert.Equal(format, cell.Format);
        Assert.Equal(status, At("J", row)!.Text);
    }

    [Fact]
    public void Every_indicator_row_matches_its_result_value_format_and_status()
    {
        var report = ProvinceReportSample.Report();
        foreach (var line in report.Lines)
        {
            var row = RowOf(line.Indicator.Code);
            var value = At("H", row);
            switch (line.Figure)
            {
                case { Value: { } number } when line.Indicator.Unit.IsCategory:
                    Assert.Equal(line.Indicator.CategoryAt(number)!.Name.Vi, value!.Text);
                    break;
                case { Value: { } number }:
                    var percent = line.Indicator.Unit == MeasureUnit.Percent;
                    Assert.Equal((double)(percent ? number / 100m : number), value!.Number!.Value, 6);
                    Assert.Equal(percent, value.Format!.EndsWith('%'));
                    Assert.StartsWith("[$-42A]", value.Format, StringComparison.Ordinal);
                    break;
                case not null:
                    Assert.Equal("0/0", value!.Text);
                    break;
                default:
                    Assert.True(value is null || value.Text.Length == 0, line.Indicator.Code);
                    break;
            }

            // An "at least 0" target (women doctors, district target 0) is met by nothing: the verdict says no target was set.
            var verdict = line.Indicator.Target == 0 && line.Indicator.Direction == Direction.AtLeast ? "Không đặt chỉ tiêu"
                : line.Figure is null ? "Chưa báo cáo"
                : line.Figure.Status.Vietnamese();
            Assert.Equal(verdict, At("J", row)!.Text);
            Assert.Equal(report.Rules.FindUnit(line.Indicator.Lead)!.Name.Vi, At("K", row)!.Text);
        }

        Assert.Equal(TestRules.Plan.Indicators.Count, report.Lines.Count());
    }

    [Fact]
    public void Baseline_district_and_province_targets_fill_their_columns()
    {
        var row = RowOf("G1.1a.district");
        Assert.Equal((0.1538, 0.1538, 0.2317), (At("D", row)!.Number!.Value, At("E", row)!.Number!.Value, At("G", row)!.Number!.Value));
        Assert.Equal("%", At("C", row)!.Text);
        Assert.Equal("—", At("D", RowOf("G1.2"))!.Text);
        Assert.Equal("Giảm 40%", At("G", RowOf("G5.1"))!.Text);
        Assert.Equal(("Kiêm nhiệm", "Bố trí đủ cán bộ", "Bố trí đủ cán bộ"), (At("D", RowOf("G7.3"))!.Text, At("E", RowOf("G7.3"))!.Text, At("G", RowOf("G7.3"))!.Text));
        Assert.Equal("trẻ trai/100 trẻ gái", At("C", RowOf("G4.1"))!.Text);
    }

    [Fact]
    public void Not_applicable_category_and_missing_figures_are_written_as_officials_read_them()
    {
        Assert.Equal(("0/0", "Không phát sinh"), (At("H", RowOf("G4.3b"))!.Text, At("J", RowOf("G4.3b"))!.Text));
        Assert.Equal(("Kiêm nhiệm", false), (At("H", RowOf("G7.3"))!.Text, At("H", RowOf("G7.3"))!.IsNumberCell));
    }

    [Fact]
    public void The_source_says_reported_or_added_up_from_the_communes_with_coverage()
    {
        Assert.Equal("Báo cáo", At("I", RowOf("G3.1"))!.Text);

        // G7.2 was not in the district's report: the communes' sum stands in, and says what it covers.
        var added = RowOf("G7.2");
        Assert.Equal(1.0, At("H", added)!.Number!.Value, 6);
        Assert.Equal("Tổng hợp từ các xã, thị trấn (2/9 xã, thị trấn; thiếu: thị trấn Đăk Tô, Đăk Rơ Nga, Đăk Trăm, Văn Lem, Ngọk Tụ, Kon Đào, Pô Kô)", At("I", added)!.Text);

        // G2.3 has both: the department's figure, and the communes' sum in the note.
        var both = RowOf("G2.3");
        Assert.Equal(0.38, At("H", both)!.Number!.Value, 6);
        Assert.Contains("Tổng hợp từ các xã, thị trấn: 40,5% (2/9 xã, thị trấn;", At("L", both)!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_note_is_the_explanation_sentence()
    {
        Assert.Equal("Kết quả 97,2% chưa đạt chỉ tiêu 98%; theo lộ trình đều từ 96,5% năm 2015 đến 98% năm 2020, kỳ này cần đạt 97,7%, mới thực hiện được 58% mức tăng cần đạt.", At("L", RowOf("G3.1"))!.Text);
    }

    [Fact]
    public void Goals_come_in_order_each_heading_its_own_indicators()
    {
        var goalRows = Indicators.Values
            .Where(cell => cell.Reference.StartsWith('B') && cell.Text.StartsWith("Mục tiêu ", StringComparison.Ordinal))
            .Select(cell => (Row: int.Parse(cell.Reference[1..], System.Globalization.CultureInfo.InvariantCulture), cell.Text))
            .OrderBy(goal => goal.Row)
            .ToList();

        Assert.Equal(Enumerable.Range(1, 7), goalRows.Select(goal => int.Parse(goal.Text[9..goal.Text.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Mục tiêu 1: Tăng cường sự tham gia của phụ nữ vào các vị trí quản lý, lãnh đạo", goalRows[0].Text);
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII"], goalRows.Select(goal => At("A", goal.Row)!.Text));
        foreach (var indicator in TestRules.Plan.Indicators)
        {
            var row = RowOf(indicator.Code);
            Assert.Equal(indicator.Goal, goalRows.Count(goal => goal.Row < row));
        }
    }

    [Fact]
    public void The_commune_sheet_gives_each_commune_its_values_and_status_words()
    {
        var sheet = Sheets[XlsxReportWriter.CommuneSheet];
        var commune = TestRules.Plan.IndicatorsAt(UnitLevel.Commune).ToList();
        var column = Core.Reports.RawTable.ColumnLetter(2 + (2 * commune.FindIndex(indicator => indicator.Code == "G3.1")));
        var status = Core.Reports.RawTable.ColumnLetter(3 + (2 * commune.FindIndex(indicator => indicator.Code == "G3.1")));
        var rows = sheet.Values.Where(cell => cell.Reference.StartsWith('B') && int.Parse(cell.Reference[1..], System.Globalization.CultureInfo.InvariantCulture) > 5).ToDictionary(cell => cell.Text, cell => cell.Reference[1..]);

        Assert.Equal(TestRules.Plan.Communes.Select(place => place.Name), rows.Keys);
        var tanCanh = rows["Xã Tân Cảnh"];
        Assert.Equal(0.97, sheet[column + tanCanh].Number!.Value, 6);
        Assert.Equal("[$-42A]0%", sheet[column + tanCanh].Format);
        Assert.Equal("Có nguy cơ không đạt", sheet[status + tanCanh].Text);
        Assert.Equal($"{TestRules.Plan.FindIndicator("G3.1")!.Name.Vi} (%)", sheet[column + "4"].Text);
        Assert.Equal("Chưa báo cáo", sheet[status + rows["Xã Pô Kô"]].Text);
    }

    [Fact]
    public void The_reporting_sheet_lists_every_report_owed_on_time_late_with_its_date_or_missing()
    {
        var sheet = Sheets[XlsxReportWriter.ReportingSheet];
        var owed = Core.Calendar.ReportingObligations.For(TestRules.Book, TestRules.Plan, ProvinceReportSample.Year);
        var rows = sheet.Values.Where(cell => cell.Reference.StartsWith('B') && int.Parse(cell.Reference[1..], System.Globalization.CultureInfo.InvariantCulture) > 4 && !cell.Text.StartsWith("Tổng số", StringComparison.Ordinal) && !cell.Text.StartsWith("Số liệu tổng hợp", StringComparison.Ordinal))
            .ToDictionary(cell => cell.Text, cell => cell.Reference[1..]);

        Assert.Equal(owed.Select(item => TestRules.Book.FindUnit(item.Unit)!.Name.Vi), rows.Keys);
        string State(string unit) => sheet["E" + rows[TestRules.Book.FindUnit(unit)!.Name.Vi]].Text;
        double? Received(string unit) => sheet.GetValueOrDefault("F" + rows[TestRules.Book.FindUnit(unit)!.Name.Vi])?.Number;
        Assert.Equal(("Đúng hạn", "Trễ hạn", "Đúng hạn", "Chưa gửi"), (State("yte"), State("gddt"), State("ubnd-tan-canh"), State("noivu")));
        Assert.Equal(Serial(new DateOnly(2019, 11, 28)), Received("gddt"));
        Assert.Equal(Serial(new DateOnly(2019, 11, 20)), Received("yte"));
        Assert.Null(Received("noivu"));
        Assert.Equal("dd/mm/yyyy", sheet["F" + rows[TestRules.Book.FindUnit("gddt")!.Name.Vi]].Format);
        Assert.Equal(Serial(new DateOnly(2019, 11, 25)), sheet["D" + rows[TestRules.Book.FindUnit("noivu")!.Name.Vi]].Number);
    }

    [Fact]
    public void Every_sheet_prints_on_A4_landscape_repeats_its_header_and_keeps_the_rules_version_off_the_printed_page()
    {
        using var stream = new MemoryStream(ProvinceReportSample.Workbook());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var titles = workbook.Workbook!.DefinedNames!.Elements<DefinedName>().Where(name => name.Name == "_xlnm.Print_Titles").ToDictionary(name => name.LocalSheetId!.Value, name => name.Text);
        Assert.Equal("'Chỉ tiêu'!$4:$4", titles[0]);
        Assert.Equal("'Xã, thị trấn'!$A:$B,'Xã, thị trấn'!$4:$5", titles[1]);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet!;
            var setup = worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal((9u, OrientationValues.Landscape), (setup.PaperSize!.Value, setup.Orientation!.Value));
            Assert.Equal(PaneStateValues.Frozen, worksheet.Descendants<Pane>().Single().State!.Value);
            var printed = worksheet.GetFirstChild<HeaderFooter>()!;
            Assert.Null(printed.OddHeader);
            Assert.Equal("&C&\"Times New Roman,Regular\"&10Trang &P/&N", printed.OddFooter!.Text);
            Assert.True(worksheet.Descendants<Column>().All(column => column.Width!.Value > 0));
        }

        // Traceable all the same: in the file's properties and on the annex sheet, under the reports owed.
        Assert.Equal(TestRules.Plan.Version, document.PackageProperties.Keywords);
        Assert.Contains(
            Sheets[XlsxReportWriter.ReportingSheet].Values,
            cell => cell.Text == $"Số liệu tổng hợp lúc 08:30 ngày 30/11/2019 (giờ Việt Nam), đánh giá theo bộ quy tắc {TestRules.Plan.Version}.");
        Assert.DoesNotContain(Sheets[XlsxReportWriter.IndicatorSheet].Values, cell => cell.Text.Contains(TestRules.Plan.Version, StringComparison.Ordinal));
    }

    [Fact]
    public void A_yearly_target_says_so_instead_of_standing_under_the_target_year_and_chi_tieu_are_numbered_as_the_plan_does()
    {
        Assert.Equal(("Chỉ tiêu của huyện", "Thời hạn"), (Indicators["E4"].Text, Indicators["F4"].Text));
        Assert.Equal(("Hằng năm", 0.5), (At("F", RowOf("G2.1"))!.Text, At("E", RowOf("G2.1"))!.Number!.Value));
        Assert.Equal("Năm 2020", At("F", RowOf("G2.2"))!.Text);

        // Chỉ tiêu 1 of goal 1 is four measures: numbered once, on its first; goal 1's Chỉ tiêu 2 follows as 2.
        Assert.Equal(1.0, At("A", RowOf("G1.1a.district"))!.Number);
        Assert.All(["G1.1a.commune", "G1.1b.district", "G1.1b.commune"], code => Assert.Null(At("A", RowOf(code))?.Number));
        Assert.Equal((2.0, 3.0), (At("A", RowOf("G1.2"))!.Number!.Value, At("A", RowOf("G1.3"))!.Number!.Value));
        Assert.Equal(4.0, At("A", RowOf("G4.4"))!.Number);
    }

    private static double Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}
