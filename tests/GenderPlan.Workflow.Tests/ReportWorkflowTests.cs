using System.Text;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

public sealed class ReportWorkflowTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Uploaded_report_is_scored_stored_and_each_lead_unit_gets_one_email()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        // Several leads' figures in one file: the coordinator's to send.
        await pipeline.UploadReportAsync("ldtbxh/bao-cao-2019.csv", Pipeline.Csv(
            "2019,dak-to,G3.1,\"97,2\",,,",
            "2019,dak-to,G3.2a,\"61,5\",,,",
            "2019,dak-to,G4.1,108/100,,,",
            "2019,dak-to,G4.2,45/100000,,,"));

        var outcome = await pipeline.Reports.ProcessAsync("ldtbxh/bao-cao-2019.csv", CancellationToken.None);

        Assert.Equal(ReportOutcome.Scored, outcome);
        var results = await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None);
        Assert.Equal(
            [("G3.1", "falling-behind"), ("G3.2a", "falling-behind"), ("G4.1", "off-track"), ("G4.2", "met")],
            results.Select(result => (result.Indicator, result.Status.Word())).OrderBy(pair => pair.Indicator));
        Assert.All(results, result => Assert.StartsWith("dak-to-2016-2020@", result.RulesVersion, StringComparison.Ordinal));
        Assert.Equal(97.2m, results.Single(result => result.Indicator == "G3.1").Value);

        var report = Assert.Single(await pipeline.Get<ReportLog>().ForPeriodAsync(GenderPlan.Core.Domain.Period.Annual(2019), CancellationToken.None));
        Assert.Equal(("dak-to", "ldtbxh", 4, 3), (report.Jurisdiction, report.Unit, report.Scored, report.NeedingAttention));
        Assert.Equal(64, report.ContentHash.Length);

        // gddt leads G3.1, noivu G3.2a, yte G4.1: three emails, each To its lead, Cc coordinating units and ldtbxh.
        var emails = pipeline.EmailFiles().Select(file => MimeMessage.Load(file)).ToList();
        Assert.Equal(3, emails.Count);
        var health = emails.Single(email => email.To.Mailboxes.Any(to => to.Address == "yte@example.org"));
        Assert.Equal(["yte@example.org"], health.To.Mailboxes.Select(to => to.Address));
        Assert.Equal(["hlhpn@example.org", "ubnd-xa@example.org", "ldtbxh@example.org"], health.Cc.Mailboxes.Select(cc => cc.Address));
        Assert.Equal("V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện chỉ tiêu tỷ số giới tính khi sinh", health.Subject);
        Assert.Contains("Tỷ số giới tính khi sinh", health.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("108 trẻ trai/100 trẻ gái", health.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Phòng Y tế.", health.TextBody, StringComparison.Ordinal);
        Assert.Equal("Phòng Lao động - Thương binh và Xã hội", health.From.Mailboxes.Single().Name);
        Assert.DoesNotContain("Sex ratio at birth", health.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("G4.1", health.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(".csv", health.TextBody, StringComparison.Ordinal);
        var education = emails.Single(email => email.To.Mailboxes.Any(to => to.Address == "gddt@example.org"));
        Assert.Contains("Kết quả 97,2% chưa đạt chỉ tiêu 98%; theo lộ trình đều từ 96,5% năm 2015 đến 98% năm 2020, kỳ này cần đạt 97,7%", education.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(0, await pipeline.Alerts.PendingCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Same_blob_processed_twice_leaves_one_set_of_results_and_one_email()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));

        var first = await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);
        var second = await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);

        Assert.Equal((ReportOutcome.Scored, ReportOutcome.AlreadyProcessed), (first, second));
        Assert.Single(pipeline.EmailFiles());
        Assert.Single(await pipeline.Storage.ResultHistoryAsync("dak-to", "2019"));
        Assert.Single(await pipeline.Storage.AllAlertsAsync());
    }

    [Fact]
    public async Task Same_content_uploaded_again_sends_nothing_new_but_a_changed_status_does_and_recovery_is_resolved()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();

        await pipeline.UploadReportAsync("gddt/2019.csv", Pipeline.Csv("2019,dak-to,G3.1,\"97,2\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/2019.csv", CancellationToken.None);
        await pipeline.UploadReportAsync("gddt/2019-again.csv", Pipeline.Csv("2019,dak-to,G3.1,\"97,2\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/2019-again.csv", CancellationToken.None);
        Assert.Single(pipeline.EmailFiles());

        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        await pipeline.UploadReportAsync("gddt/2019-corrected.csv", Pipeline.Csv("2019,dak-to,G3.1,\"96\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/2019-corrected.csv", CancellationToken.None);
        var alerts = await pipeline.Storage.AllAlertsAsync();
        Assert.Equal([AlertKind.Alert, AlertKind.Alert], alerts.Select(alert => alert.Kind));
        Assert.Contains("Có nguy cơ không đạt", alerts[1].Message.Text, StringComparison.Ordinal);

        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        await pipeline.UploadReportAsync("gddt/2019-final.csv", Pipeline.Csv("2019,dak-to,G3.1,\"98,1\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/2019-final.csv", CancellationToken.None);
        alerts = await pipeline.Storage.AllAlertsAsync();
        Assert.Equal(AlertKind.Resolved, alerts[^1].Kind);
        // A later report's figure meets the path: the notice credits the figure, not a change of target.
        Assert.StartsWith("V/v kết quả thực hiện chỉ tiêu tỷ lệ biết chữ", alerts[^1].Message.Subject, StringComparison.Ordinal);
        Assert.Contains("đã được cải thiện, đạt tiến độ đề ra", alerts[^1].Message.Text, StringComparison.Ordinal);
        Assert.Equal(3, pipeline.EmailFiles().Length);
    }

    [Fact]
    public async Task Later_upload_for_the_same_unit_and_period_is_current_and_history_keeps_both()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("gddt/a.csv", Pipeline.Csv("2019,dak-to,G3.1,\"97,2\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/a.csv", CancellationToken.None);
        await pipeline.UploadReportAsync("gddt/b.csv", Pipeline.Csv("2019,dak-to,G3.1,\"98,5\",,,"));
        await pipeline.Reports.ProcessAsync("gddt/b.csv", CancellationToken.None);

        // Processing the older blob again (a late retry) must not overwrite the newer result.
        await pipeline.FailLastStepAsync("gddt/a.csv");
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("gddt/a.csv", CancellationToken.None));

        var latest = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        Assert.Equal((98.5m, "met"), (latest.Value, latest.Status.Word()));
        Assert.Equal(2, (await pipeline.Storage.ResultHistoryAsync("dak-to", "2019")).Select(result => result.Report).Distinct().Count());
        var current = await pipeline.Get<ReportLog>().CurrentAsync(GenderPlan.Core.Domain.Period.Annual(2019), "dak-to", "gddt", CancellationToken.None);
        Assert.Equal("gddt/b.csv", current!.Blob);
    }

    [Fact]
    public async Task Invalid_report_is_rejected_with_an_error_file_and_a_notice_and_stores_no_score()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/sai.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,", "2019,dak-to,G3.1,101,,,", "2019,dak-to,G9.9,1,,,"));

        var outcome = await pipeline.Reports.ProcessAsync("yte/sai.csv", CancellationToken.None);

        Assert.Equal(ReportOutcome.Rejected, outcome);
        Assert.Empty(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        var rejected = pipeline.Storage.Container(StorageNames.RejectedContainer);
        Assert.True((await rejected.GetBlobClient("yte/sai.csv").ExistsAsync()).Value);
        var errors = (await rejected.GetBlobClient("yte/sai.csv.errors.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("yte/sai.csv: row 3, column D (value), G3.1: 101% is outside 0-100", errors, StringComparison.Ordinal);
        Assert.Contains("yte/sai.csv: row 4, column C (indicator): unknown indicator 'G9.9'", errors, StringComparison.Ordinal);
        var notice = MimeMessage.Load(Assert.Single(pipeline.EmailFiles()));
        Assert.Equal(["ldtbxh@example.org", "yte@example.org"], notice.To.Mailboxes.Select(to => to.Address));
        Assert.Equal("V/v đề nghị chỉnh sửa, gửi lại báo cáo chưa được tiếp nhận", notice.Subject);
        Assert.Contains("dòng 3, cột D (value), chỉ tiêu “Tỷ lệ biết chữ", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Phòng Y tế.", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_from_an_unknown_unit_folder_is_rejected()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("bao-cao.csv", Pipeline.Csv("2019,dak-to,G4.1,104/100,,,"));

        Assert.Equal(ReportOutcome.Rejected, await pipeline.Reports.ProcessAsync("bao-cao.csv", CancellationToken.None));
        var errors = (await pipeline.Storage.Container(StorageNames.RejectedContainer).GetBlobClient("bao-cao.csv.errors.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("reports/<unit>/bao-cao.csv", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_report_is_rejected_unread()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        var blob = pipeline.Storage.Container(StorageNames.ReportsContainer).GetBlobClient("yte/huge.csv");
        await blob.UploadAsync(BinaryData.FromBytes(new byte[GenderPlan.Core.Reports.ReportReader.MaxBytes + 10]));

        Assert.Equal(ReportOutcome.Rejected, await pipeline.Reports.ProcessAsync("yte/huge.csv", CancellationToken.None));
        var errors = (await pipeline.Storage.Container(StorageNames.RejectedContainer).GetBlobClient("yte/huge.csv.errors.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("at most 5 MB", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_that_keeps_failing_is_marked_failed_after_the_last_attempt_and_the_coordinator_told()
    {
        await using var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:MaxReportAttempts"] = "3" });
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,104/100,,,"));
        // A fault the product cannot repair by itself: the results table is gone.
        await pipeline.Storage.Table(StorageNames.ResultsTable).DeleteAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None));
        var third = await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);
        var fourth = await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);

        Assert.Equal((ReportOutcome.Failed, ReportOutcome.AlreadyProcessed), (third, fourth));
        var notice = MimeMessage.Load(Assert.Single(pipeline.EmailFiles()));
        Assert.Equal(["ldtbxh@example.org", "yte@example.org"], notice.To.Mailboxes.Select(to => to.Address));
        Assert.Equal("V/v báo cáo chưa xử lý được do sự cố kỹ thuật", notice.Subject);
        // People read what happened and what to do; the storage error itself (with its request id) is for the log.
        Assert.Contains("sau 3 lần thử", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestId", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("TableNotFound", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_arriving_before_any_rules_trigger_activate_the_rules_in_the_container()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var rules = Path.Combine(AzuriteFixture.RepositoryRoot, "Rules");
        await pipeline.UploadAsync(StorageNames.RulesContainer, "dak-to-2025.places.json", await File.ReadAllTextAsync(Path.Combine(rules, "dak-to-2025.places.json")), []);
        await pipeline.UploadAsync(StorageNames.RulesContainer, "units.json", await File.ReadAllTextAsync(Path.Combine(rules, "units.json")), []);
        await pipeline.UploadAsync(StorageNames.RulesContainer, "dak-to-2016-2020.workflow.json", Pipeline.WorkflowJson(), []);
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,104/100,,,"));

        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None));
    }

    [Fact]
    public async Task Storage_fault_during_a_pass_leaves_the_report_for_the_next_pass()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));
        var flaky = new FailsOnce(pipeline.Reports);
        var runner = new GenderPlan.Workflow.Hosting.LocalRunner(
            pipeline.Storage, pipeline.Get<RuleSetStore>(), pipeline.Get<ReportStore>(), pipeline.Rules, flaky, pipeline.Get<AlertDispatcher>(), pipeline.Reminders, pipeline.Get<IProvinceReportService>(), pipeline.Get<Sweep>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<GenderPlan.Workflow.Hosting.LocalRunner>.Instance);

        var failed = await runner.RunOnceAsync(CancellationToken.None);
        var recovered = await runner.RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 1), (failed.Scored, failed.Failed));
        Assert.Equal((1, 0), (recovered.Scored, recovered.Failed));
        Assert.Single(pipeline.EmailFiles(), file => Path.GetFileName(file).StartsWith("alert-", StringComparison.Ordinal));
    }

    /// <summary>Storage answering 503 once: a fault Azurite cannot be made to produce on demand.</summary>
    private sealed class FailsOnce(IReportIntake inner) : IReportIntake
    {
        private int _calls;

        public Task<ReportOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new Azure.RequestFailedException(503, "The server is busy.")
                : inner.ProcessAsync(blobName, cancellationToken);
    }
}
