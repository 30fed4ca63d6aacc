using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Email;

namespace GenderPlan.Documents.Tests;

/// <summary>
/// Where a unit's upload link may go: into a reminder or an overdue notice (read by the unit and at most the
/// coordinator), never into an email another unit reads, since a link lets its holder report as the unit.
/// </summary>
public class EmailUploadLinkTests
{
    private static readonly Period Year = Period.Annual(2019);

    [Fact]
    public void Reminder_and_overdue_notice_carry_the_units_link_slot_and_the_scorecard_link()
    {
        var composer = new AlertComposer(TestRules.Book, "https://scorecard.example.org/", uploadLinks: true);

        var reminder = composer.Reminder("ubnd-tan-canh", Year, new DateOnly(2019, 11, 18));
        var overdue = composer.Overdue("yte", Year);

        Assert.Equal("ubnd-tan-canh", reminder.LinkUnit);
        Assert.Contains($"trang gửi báo cáo của đơn vị: <a href=\"{EmailMessage.UploadLinkSlot}\">{EmailMessage.UploadLinkSlot}</a>", reminder.Html, StringComparison.Ordinal);
        Assert.Contains($"trang gửi báo cáo của đơn vị: {EmailMessage.UploadLinkSlot} (đường liên kết riêng của đơn vị, đề nghị không chuyển cho đơn vị khác)", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("Kết quả đánh giá chi tiết được đăng tại: https://scorecard.example.org/", reminder.Text, StringComparison.Ordinal);
        Assert.Equal("yte", overdue.LinkUnit);
        Assert.Contains(EmailMessage.UploadLinkSlot, overdue.Html, StringComparison.Ordinal);
        Assert.Equal(["ldtbxh@example.org"], overdue.Cc.Select(cc => cc.Address));
    }

    [Fact]
    public void Alert_copied_to_other_units_carries_the_scorecard_and_follow_up_links_but_no_upload_link()
    {
        var plan = TestRules.Plan;
        var card = Scorer.Score(new Report("r.csv", Year, "dak-to", plan, [new ReportedValue(plan.FindIndicator("G3.1")!, Measurement.Of(90m), 2, null)]));
        var composer = new AlertComposer(TestRules.Book, "https://scorecard.example.org/", uploadLinks: true);

        var alert = Assert.Single(composer.Alerts(new ReportReference("key", "r.csv", "gddt", Year, "Huyện Đăk Tô"), AlertPlanner.Plan(card, new Dictionary<string, Status>())));

        Assert.Contains(alert.Cc, cc => cc.Address == "ubnd-xa@example.org");
        // The lead's token goes in for its follow-up link only: with no upload slot, the sender makes it answer follow-ups alone.
        Assert.Equal("gddt", alert.LinkUnit);
        Assert.DoesNotContain(EmailMessage.UploadLinkSlot, alert.Html, StringComparison.Ordinal);
        Assert.Contains($"cập nhật biện pháp khắc phục và thời gian dự kiến có kết quả tại trang theo dõi: <a href=\"{EmailMessage.FollowUpLinkSlot}\">", alert.Html, StringComparison.Ordinal);
        Assert.Contains(EmailMessage.FollowUpLinkSlot, alert.Text, StringComparison.Ordinal);
        Assert.Contains("https://scorecard.example.org/", alert.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_apps_address_no_email_has_a_link_slot()
    {
        var composer = new AlertComposer(TestRules.Book, null);

        var reminder = composer.Reminder("yte", Year, new DateOnly(2019, 11, 18));

        Assert.Null(reminder.LinkUnit);
        Assert.DoesNotContain(EmailMessage.UploadLinkSlot, reminder.Html + reminder.Text, StringComparison.Ordinal);
    }
}
