using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Reports;
using GenderPlan.Testing;

namespace GenderPlan.Documents.Tests;

/// <summary>The Excel template as an official opens it, fills it in and sends it back.</summary>
public sealed class ReportTemplateWorkbookTests
{
    private static byte[] Template(Period? period, string? place)
    {
        using var buffer = new MemoryStream();
        ReportTemplateWorkbook.Write(TestRules.Plan, period, place, buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void Template_has_Vietnamese_headers_the_period_and_each_indicators_unit()
    {
        var sheets = OfficeFiles.ReadWorkbook(Template(Period.Annual(2019), null));
        var report = sheets["Báo cáo"];

        Assert.Equal(["Báo cáo", "Hướng dẫn"], sheets.Keys);
        Assert.Equal(
            ["Kỳ báo cáo", "Địa bàn", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Giá trị", "Tử số", "Mẫu số", "Ghi chú"],
            "ABCDEFGHI".Select(column => report[$"{column}1"].Text));
        var rows = Enumerable.Range(2, 40).Where(row => report.ContainsKey($"C{row}")).ToDictionary(row => report[$"C{row}"].Text, row => row);
        Assert.Equal(TestRules.Plan.IndicatorsAt(UnitLevel.District).Count(), rows.Count);
        Assert.All(rows.Values, row => Assert.Equal(("2019", "dak-to"), (report[$"A{row}"].Text, report[$"B{row}"].Text)));
        Assert.Equal("%", report[$"E{rows["G3.1"]}"].Text);
        Assert.Equal("trẻ trai/100 trẻ gái", report[$"E{rows["G4.1"]}"].Text);
        Assert.Equal("ghi một trong: Chưa bố trí; Kiêm nhiệm; Bố trí đủ cán bộ", report[$"E{rows["G7.3"]}"].Text);
        var help = string.Join("\n", sheets["Hướng dẫn"].Values.Select(cell => cell.Text));
        Assert.Contains("2020-H1", help, StringComparison.Ordinal);
        Assert.Contains("dấu phẩy, ví dụ 96,5", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_wide_enough_for_the_names_and_the_header_stays_in_view()
    {
        using var stream = new MemoryStream(Template(Period.Annual(2019), "tan-canh"));
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook!.Sheets!.Elements<Sheet>().First().Id!);
        var widths = sheet.Worksheet!.Elements<Columns>().Single().Elements<Column>().Select(column => column.Width!.Value).ToList();

        Assert.Equal(9, widths.Count);
        Assert.True(widths[3] >= 50, "the names column is too narrow to read a name");
        Assert.All(widths, width => Assert.True(width >= 10));
        Assert.Equal("A2", sheet.Worksheet.Descendants<Pane>().Single().TopLeftCell!.Value);
    }

    [Theory]
    [InlineData("dak-to", "G3.1", "97,2", Status.FallingBehind)]
    [InlineData("dak-to", "G7.3", "Bố trí đủ cán bộ", Status.Met)]
    [InlineData("dak-to", "G7.3", "Kiêm nhiệm", Status.OffTrack)]
    [InlineData("tan-canh", "G4.1", "112/100", Status.OffTrack)]
    public void Filled_template_reads_back_and_scores(string place, string code, string value, Status expected)
    {
        var filled = Fill(Template(Period.Annual(2019), place), code, value);

        var read = ReportReader.Read("mau-bao-cao.xlsx", filled, TestRules.Book);

        Assert.Empty(read.Problems);
        var report = read.Report!;
        Assert.Equal((Period.Annual(2019), place), (report.Period, report.Jurisdiction));
        var score = Assert.Single(Scorer.Score(report).Scores);
        Assert.Equal((code, expected), (score.Indicator.Code, score.Status));
    }

    [Fact]
    public void Commune_template_lists_only_the_commune_level_indicators()
    {
        var report = OfficeFiles.ReadWorkbook(Template(null, "tan-canh"))["Báo cáo"];

        var codes = report.Values.Where(cell => cell.Reference.StartsWith('C') && cell.Reference != "C1").Select(cell => cell.Text).ToList();
        Assert.Equal(TestRules.Plan.IndicatorsAt(UnitLevel.Commune).Select(indicator => indicator.Code), codes);
        Assert.Equal("", report["A2"].Text);
    }

    /// <summary>The workbook with the value cell (Giá trị) of <paramref name="code"/>'s row written, as Excel would save it.</summary>
    private static byte[] Fill(byte[] template, string code, string value)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook!.Sheets!.Elements<Sheet>().First().Id!);
            var row = part.Worksheet!.Descendants<Row>().Single(candidate => candidate.Elements<Cell>().Any(cell => cell.CellReference!.Value!.StartsWith('C') && cell.InnerText == code));
            var cell = row.Elements<Cell>().Single(candidate => candidate.CellReference!.Value!.StartsWith('F'));
            cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value));
            part.Worksheet.Save();
        }

        return stream.ToArray();
    }
}
