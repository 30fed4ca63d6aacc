using GenderPlan.Testing;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

public sealed class ReminderTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    // The nine lead departments owe the district's report; the nine commune and town committees their communes'.
    private static readonly string[] OwingUnits =
    [
        "btchu", "daitth", "gddt", "hlhpn", "ldtbxh", "noivu", "tuphap",
        "ubnd-dak-ro-nga", "ubnd-dak-tram", "ubnd-dien-binh", "ubnd-kon-dao", "ubnd-ngok-tu", "ubnd-po-ko", "ubnd-tan-canh", "ubnd-tt-dak-to", "ubnd-van-lem",
        "vhtt", "yte",
    ];

    [Theory]
    [InlineData("2020-06-08", "2020-H1", 18)]   // 7 days before 15 June
    [InlineData("2020-06-14", "2020-H1", 18)]   // the last day
    [InlineData("2020-11-18", "2020", 18)]      // 7 days before 25 November
    [InlineData("2020-06-09", null, 0)]
    [InlineData("2020-06-15", null, 0)]        // the deadline day itself: late, but the overdue notice comes tomorrow
    [InlineData("2021-06-08", null, 0)]        // no plan covers 2021
    public async Task Units_that_owe_a_report_are_reminded_on_the_right_days(string today, string? period, int expected)
    {
        await using var pipeline = Pipeline.Create(Azurite, now: VietnamMorning(today));
        await pipeline.PublishRulesAsync();

        var queued = await pipeline.Reminders.RunAsync(CancellationToken.None);

        Assert.Equal(expected, queued);
        var alerts = await pipeline.Storage.AllAlertsAsync();
        Assert.All(alerts, alert => Assert.Equal(AlertKind.Reminder, alert.Kind));
        if (period is not null)
        {
            Assert.Equal(OwingUnits, alerts.Select(alert => alert.Message.To.Single().Address.Split('@')[0]).Order());
            var written = period.EndsWith("-H1", StringComparison.Ordinal) ? $"báo cáo 6 tháng đầu năm {period[..4]}" : $"báo cáo năm {period}";
            Assert.All(alerts, alert => Assert.Contains(written, alert.Message.Subject, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Unit_that_already_reported_is_not_reminded_and_running_twice_queues_nothing_more()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: VietnamMorning("2020-06-08"));
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2020-h1.csv", Pipeline.Csv("2020-H1,dak-to,G4.1,104/100,,,"));
        await pipeline.Reports.ProcessAsync("yte/2020-h1.csv", CancellationToken.None);

        var first = await pipeline.Reminders.RunAsync(CancellationToken.None);
        var second = await pipeline.Reminders.RunAsync(CancellationToken.None);

        Assert.Equal((17, 0), (first, second));
        var recipients = (await pipeline.Storage.AllAlertsAsync()).SelectMany(alert => alert.Message.To).Select(to => to.Address);
        Assert.DoesNotContain("yte@example.org", recipients);
    }

    [Fact]
    public async Task Day_after_the_deadline_each_missing_unit_gets_an_overdue_notice_copied_to_the_coordinator()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: VietnamMorning("2020-11-26"));
        await pipeline.PublishRulesAsync();

        var queued = await pipeline.Reminders.RunAsync(CancellationToken.None);

        Assert.Equal(18, queued);
        var health = pipeline.EmailFiles().Select(file => MimeMessage.Load(file)).Single(email => email.To.Mailboxes.Single().Address == "yte@example.org");
        Assert.Equal("V/v đề nghị gửi báo cáo năm 2020 kết quả thực hiện Kế hoạch hành động bình đẳng giới (đã quá hạn)", health.Subject);
        Assert.Contains("Đến nay, Phòng Lao động - Thương binh và Xã hội chưa nhận được báo cáo của Phòng Y tế.", health.TextBody, StringComparison.Ordinal);
        Assert.Contains("Đề nghị Phòng Y tế khẩn trương gửi báo cáo về Phòng Lao động - Thương binh và Xã hội trước ngày ", health.TextBody, StringComparison.Ordinal);
        Assert.Equal(["ldtbxh@example.org"], health.Cc.Mailboxes.Select(cc => cc.Address));
        var coordinator = pipeline.EmailFiles().Select(file => MimeMessage.Load(file)).Single(email => email.To.Mailboxes.Single().Address == "ldtbxh@example.org");
        Assert.Empty(coordinator.Cc.Mailboxes);
    }

    [Fact]
    public async Task Report_arriving_after_the_deadline_is_recorded_as_late()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,104/100,,,"));
        await pipeline.UploadReportAsync("yte/2019-h1.csv", Pipeline.Csv("2019-H1,dak-to,G4.1,104/100,,,"));
        await pipeline.UploadReportAsync("yte/2030.csv", Pipeline.Csv("2020,dak-to,G4.1,104/100,,,"));

        await pipeline.Runner.RunOnceAsync(CancellationToken.None);

        // The blobs arrive today (2026), after every deadline of the plan.
        var reports = await pipeline.Get<ReportLog>().ForPeriodAsync(GenderPlan.Core.Domain.Period.Annual(2019), CancellationToken.None);
        Assert.False(Assert.Single(reports).OnTime);
    }

    private static DateTimeOffset VietnamMorning(string date) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
}
