using System.Text.Json;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using MimeKit;
using WireMock.RequestBuilders;
using WireMock.Server;
using WireMockResponse = WireMock.ResponseBuilders.Response;

namespace GenderPlan.Workflow.Tests;

/// <summary>The province report in the workflow: one email to the coordinator a few days after a deadline, with both files, and the files on the site.</summary>
public sealed class ProvinceReportTests(AzuriteFixture azurite) : AzuriteTest(azurite), IDisposable
{
    private readonly WireMockServer _sendGrid = WireMockServer.Start();

    public void Dispose() => _sendGrid.Stop();

    [Theory]
    [InlineData("2019-11-27", null, 0)]   // two days after 25 November: not yet
    [InlineData("2019-11-28", null, 1)]   // three days after, the default
    [InlineData("2020-03-01", null, 1)]   // a job that missed its day catches up before the next deadline
    [InlineData("2019-11-26", "1", 1)]    // configured: one day after
    [InlineData("2019-11-28", "5", 0)]
    public async Task The_coordinator_gets_the_report_the_configured_days_after_the_deadline(string today, string? days, int expected)
    {
        await using var pipeline = Pipeline.Create(Azurite, now: VietnamMorning(today), settings: days is null ? null : new() { ["GenderPlan:ProvinceReport:DaysAfterDeadline"] = days });
        await pipeline.PublishRulesAsync();

        var queued = await pipeline.Get<IProvinceReportService>().RunAsync(CancellationToken.None);

        Assert.Equal(expected, queued);
        Assert.Equal(expected, (await pipeline.Storage.AllAlertsAsync()).Count(alert => alert.Kind == AlertKind.ProvinceReport));
    }

    [Fact]
    public async Task One_email_with_both_files_goes_to_the_coordinator_once_per_period_and_the_page_links_the_files()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: VietnamMorning("2019-11-28"));
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,", "2019,dak-to,G4.3a,88,,,"));
        await pipeline.UploadReportAsync("ubnd-tan-canh/2019.csv", Pipeline.Csv("2019,tan-canh,G3.1,,194,200,", "2019,tan-canh,G4.3a,,90,100,"));

        await pipeline.Runner.RunOnceAsync(CancellationToken.None);
        var again = await pipeline.Get<IProvinceReportService>().RunAsync(CancellationToken.None);

        Assert.Equal(0, again);
        var emails = pipeline.EmailFiles().Select(file => MimeMessage.Load(file)).Where(email => email.Subject!.StartsWith("V/v dự thảo báo cáo kết quả thực hiện", StringComparison.Ordinal)).ToList();
        var email = Assert.Single(emails);
        Assert.Equal("V/v dự thảo báo cáo kết quả thực hiện Kế hoạch hành động bình đẳng giới năm 2019 của huyện Đăk Tô", email.Subject);
        Assert.Equal(["ldtbxh@example.org"], email.To.Mailboxes.Select(to => to.Address));
        var attachments = email.Attachments.OfType<MimePart>().ToDictionary(part => part.FileName!, part => Content(part));
        Assert.Equal(["bao-cao-dak-to-2019.docx", "bao-cao-dak-to-2019.xlsx"], attachments.Keys.Order());

        // The attached workbook holds the stored figures: yte's own, and Tân Cảnh's on the commune sheet.
        var sheets = OfficeFiles.ReadWorkbook(attachments["bao-cao-dak-to-2019.xlsx"]);
        var indicators = sheets["Chỉ tiêu"];
        var row = indicators.Values.Single(cell => cell.Text == "Tỷ số giới tính khi sinh").Reference[1..];
        Assert.Equal(108.0, indicators["H" + row].Number);
        Assert.Equal("Báo cáo", indicators["I" + row].Text);
        var antenatal = indicators.Values.Single(cell => cell.Text == "Tỷ lệ phụ nữ mang thai được khám thai ít nhất 3 lần trong thai kỳ").Reference[1..];
        Assert.Contains("Tổng hợp từ các xã, thị trấn: 90% (1/9 xã, thị trấn;", indicators["L" + antenatal].Text, StringComparison.Ordinal);
        Assert.Contains(sheets["Xã, thị trấn"].Values, cell => cell.Number is { } value && Math.Abs(value - 0.97) < 1e-9);

        // The timeliness sheet says what the report log says.
        var logged = await pipeline.Get<ReportLog>().ForPeriodAsync(Period.Annual(2019), CancellationToken.None);
        var timeliness = sheets["Tình hình báo cáo"];
        foreach (var record in logged)
        {
            var name = (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!.FindUnit(record.Unit)!.Name.Vi;
            var line = timeliness.Values.Single(cell => cell.Reference.StartsWith('B') && cell.Text == name).Reference[1..];
            Assert.Equal(record.OnTime ? "Đúng hạn" : "Trễ hạn", timeliness["E" + line].Text);
            Assert.Equal(ReportingCalendar.VietnamDate(record.ReceivedAt).DayNumber - new DateOnly(1899, 12, 30).DayNumber, timeliness["F" + line].Number);
        }

        Assert.Equal(2, logged.Count);
        Assert.Equal(16, timeliness.Values.Count(cell => cell.Reference.StartsWith('E') && cell.Text == "Chưa gửi"));

        // Published with the site, and linked from the district's page.
        var site = pipeline.Storage.Container(StorageNames.WebsiteContainer);
        Assert.True(await site.GetBlobClient("bao-cao/bao-cao-dak-to-2019.xlsx").ExistsAsync());
        Assert.True(await site.GetBlobClient("bao-cao/bao-cao-dak-to-2019.docx").ExistsAsync());
        var page = (await site.GetBlobClient("index.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("href=\"bao-cao/bao-cao-dak-to-2019.xlsx\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"bao-cao/bao-cao-dak-to-2019.docx\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_outage_keeps_the_report_with_its_files_until_SendGrid_takes_it()
    {
        _sendGrid.Given(MailSend).RespondWith(WireMockResponse.Create().WithStatusCode(503));
        await using var pipeline = Pipeline.Create(Azurite, _sendGrid.Url, VietnamMorning("2019-11-28"), new() { ["GenderPlan:Email:MaxAttemptsPerSend"] = "1" });
        await pipeline.PublishRulesAsync();

        await pipeline.Get<IProvinceReportService>().RunAsync(CancellationToken.None);
        Assert.Equal(1, await pipeline.Alerts.PendingCountAsync(CancellationToken.None));

        _sendGrid.Reset();
        _sendGrid.Given(MailSend).RespondWith(WireMockResponse.Create().WithStatusCode(202));
        pipeline.Clock.Advance(TimeSpan.FromHours(2));
        var (sent, pending) = await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None);

        Assert.Equal((1, 0), (sent, pending));
        using var body = JsonDocument.Parse(Assert.Single(_sendGrid.LogEntries).RequestMessage.Body!);
        var files = body.RootElement.GetProperty("attachments").EnumerateArray().ToDictionary(file => file.GetProperty("filename").GetString()!, file => file);
        Assert.Equal(["bao-cao-dak-to-2019.docx", "bao-cao-dak-to-2019.xlsx"], files.Keys.Order());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files["bao-cao-dak-to-2019.xlsx"].GetProperty("type").GetString());
        var workbook = Convert.FromBase64String(files["bao-cao-dak-to-2019.xlsx"].GetProperty("content").GetString()!);
        Assert.Equal(["Chỉ tiêu", "Xã, thị trấn", "Tình hình báo cáo", "Theo dõi cảnh báo"], OfficeFiles.SheetNames(workbook));

        // The row names the files; their bytes are blobs, so a row never nears the table's limits.
        var id = (await pipeline.Storage.AllAlertsAsync()).Single().Message.Id;
        var row = await pipeline.Storage.Table(StorageNames.AlertsTable).GetEntityAsync<AlertRecordEntity>(AlertOutbox.PartitionOf(id), AlertOutbox.RecordPrefix + id);
        Assert.DoesNotContain("UEsDB", row.Value.Attachments!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_is_built_for_the_plan_of_its_period_and_refuses_a_commune()
    {
        await using var pipeline = Pipeline.Create(Azurite, now: VietnamMorning("2019-11-28"));
        await pipeline.PublishRulesAsync();
        var service = pipeline.Get<ProvinceReportService>();

        var (report, problem) = await service.BuildAsync(Period.FirstHalf(2018), null, CancellationToken.None);
        var (none, commune) = await service.BuildAsync(Period.Annual(2019), "tan-canh", CancellationToken.None);
        var (_, uncovered) = await service.BuildAsync(Period.Annual(2030), null, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal((Period.FirstHalf(2018), "dak-to"), (report!.Period, report.District.Id));
        Assert.Null(none);
        Assert.StartsWith("'tan-canh' is not the district", commune, StringComparison.Ordinal);
        Assert.Equal("no plan covers 2030", uncovered);
    }

    private IRequestBuilder MailSend => Request.Create().WithPath("/v3/mail/send").UsingPost();

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private static DateTimeOffset VietnamMorning(string date) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
}
