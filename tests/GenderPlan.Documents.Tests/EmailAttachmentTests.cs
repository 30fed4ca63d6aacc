using GenderPlan.Core.Tests;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Email;
using GenderPlan.Documents.ProvinceReports;

namespace GenderPlan.Documents.Tests;

public sealed class EmailAttachmentTests
{
    private static EmailMessage Message() => new("id", [new EmailAddress("a@example.org")], [], "Chủ đề", "<p>x</p>", "x");

    [Theory]
    [InlineData("bao-cao.xlsx\r\nBcc: x@example.org")]
    [InlineData("../bao-cao.xlsx")]
    [InlineData("a\"b.xlsx")]
    [InlineData("")]
    public void An_attachment_name_that_could_break_a_header_or_name_a_path_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => Message() with { Attachments = [new EmailAttachment(name, "text/plain", [1])] });

    [Fact]
    public void Two_attachments_of_one_name_are_refused() =>
        Assert.Throws<ArgumentException>(() => Message() with { Attachments = [new EmailAttachment("a.xlsx", "text/plain", [1]), new EmailAttachment("A.xlsx", "text/plain", [2])] });

    [Fact]
    public void The_province_report_email_goes_to_the_coordinator_alone_with_both_files_and_the_counts()
    {
        var report = ProvinceReportSample.Report();
        var workbook = ProvinceReportFiles.Workbook(report);
        var draft = ProvinceReportFiles.Draft(report);

        var message = new AlertComposer(TestRules.Book, "https://genderplan.example.org/")
            .ProvinceReport(report, new EmailAttachment(workbook.Name, workbook.ContentType, workbook.Content), new EmailAttachment(draft.Name, draft.ContentType, draft.Content));

        Assert.Equal(["ldtbxh@example.org"], message.To.Select(to => to.Address));
        Assert.Empty(message.Cc);
        Assert.Equal(["bao-cao-dak-to-2019.xlsx", "bao-cao-dak-to-2019.docx"], message.Attachments.Select(file => file.FileName));
        Assert.Contains("Báo cáo của các đơn vị: đã nhận 3/18 (1 báo cáo trễ hạn).", message.Text, StringComparison.Ordinal);
        Assert.StartsWith("V/v dự thảo báo cáo kết quả thực hiện Kế hoạch hành động bình đẳng giới năm 2019 của huyện Đăk Tô", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(".xlsx", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("GenderPlan", message.Html + message.Text, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch có 22 chỉ tiêu, đánh giá qua 28 nội dung: đã đạt", message.Text, StringComparison.Ordinal);
        Assert.StartsWith("province-report-", message.Id, StringComparison.Ordinal);
        Assert.Equal(message.Id, message.WithBodies("h", "t").Id);
        Assert.Equal(2, message.WithBodies("h", "t").Attachments.Count);
    }
}
