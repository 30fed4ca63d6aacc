using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// What one commune's report costs in fixed storage requests (issue 23): its upload row is written without being read
/// back, the file is downloaded once with no properties call, the rules' pointer is read at most once, and the report's
/// new follow-up cases go in one transaction. Each assertion fails if one of those savings is undone.
/// </summary>
public sealed partial class IntakeCostTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    /// <summary>Po Kô below its antenatal target and above the sex ratio: two cases for the commune's committee.</summary>
    private static string BehindReport(string commune) => Pipeline.Csv($"2019,{commune},G4.3a,,30,75,", $"2019,{commune},G4.1,,60,49,");

    /// <summary>Po Kô's report behind its targets, the commune's first of the period, processed with every storage request of the processing logged.</summary>
    private async Task<(Pipeline Pipeline, StorageRequestLog Requests)> FirstCommuneReportAsync()
    {
        var requests = new StorageRequestLog(Azurite.ConnectionString);
        var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:AddUpOnSweep"] = "true" }, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", BehindReport("po-ko"));
        requests.Clear();

        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None));
        return (pipeline, requests);
    }

    [Fact]
    public async Task Commune_report_reads_its_upload_row_never_downloads_once_and_opens_its_cases_in_one_transaction()
    {
        var (pipeline, requests) = await FirstCommuneReportAsync();
        await using var _ = pipeline;

        // The arrival counter is the one row read; the version's row is added with it and replaced on its ETag at the end,
        // in one transaction with the change the sweep reads: nothing is written to Changes.
        Assert.Equal(1, requests.Count("table Uploads", "GET"));
        Assert.Equal(2, requests.Count("table Uploads (batch)", "POST"));
        Assert.Equal(0, requests.Count("table Uploads", "PUT"));
        Assert.Equal(0, requests.Count("table Changes", "PUT") + requests.Count("table Changes", "POST") + requests.Count("table Changes", "PATCH"));
        var change = Assert.Single(await pipeline.Get<ChangeLog>().SinceAsync(pipeline.Clock.GetUtcNow() - TimeSpan.FromMinutes(1), pipeline.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(("po-ko", "2019"), (change.Place, change.Period));
        Assert.Equal((0, 1), (requests.Count("blob reports", "HEAD"), requests.Count("blob reports", "GET")));
        Assert.True(requests.Count("table RulesVersions", "GET") <= 1, requests.Describe());
        Assert.Equal(1, requests.Count("table FollowUps (batch)", "POST"));
        var cases = await pipeline.Get<FollowUpStore>().ForUnitAsync("ubnd-po-ko", CancellationToken.None);
        Assert.Equal(["G4.1", "G4.3a"], cases.Select(found => found.Indicator).Order());
        Assert.All(cases, found => Assert.Equal(FollowUpState.Open, found.State));
        var row = await pipeline.Get<UploadLog>().FindAsync(StorageNames.ReportsContainer, UploadLog.KeyOf(StorageNames.ReportsContainer, "ubnd-po-ko/2019.csv", (await pipeline.Get<ReportStore>().FindAsync("ubnd-po-ko/2019.csv", CancellationToken.None))!.ETag), CancellationToken.None);
        Assert.Equal((UploadState.Done, 1, 1L, null), (row!.State, row.Attempts, row.Arrival, row.InFlightUntil));
        Assert.NotNull(row.ReportKey);
    }

    /// <summary>Po Kô's figures once on course: every antenatal visit made, a sex ratio at birth of 102.</summary>
    private static string CaughtUpReport(string commune) => Pipeline.Csv($"2019,{commune},G4.3a,,75,75,", $"2019,{commune},G4.1,,50,49,");

    [Fact]
    public async Task Commune_first_report_claims_its_alert_state_unread_in_one_transaction_with_its_results_and_their_history()
    {
        var (pipeline, requests) = await FirstCommuneReportAsync();
        await using var _ = pipeline;

        // The former AlertState table is listed once per process (empty here: nothing to read there) and never written.
        Assert.Equal((1, 0), (requests.Count("table AlertState", "GET"), requests.Count("table AlertState (batch)", "POST")));
        // No read of Results (the page is the sweep's); the claim, the latest rows and the history go in one transaction.
        Assert.Equal((0, 1), (requests.Count("table Results", "GET"), requests.Count("table Results (batch)", "POST")));
        Assert.Equal(AlertStateStore.Prefix + "~version", (await pipeline.Storage.Table(StorageNames.ResultsTable).GetEntityAsync<AlertStateEntity>("po-ko~2019", AlertStateStore.Prefix + "~version")).Value.RowKey);
        Assert.Equal(0, requests.Count("table ResultHistory (batch)", "POST"));
        Assert.Equal(2, (await pipeline.Storage.ResultHistoryAsync("po-ko", "2019")).Count);
        Assert.Equal(["G4.1", "G4.3a"], (await pipeline.Get<ResultStore>().LatestAsync("po-ko", "2019", CancellationToken.None)).Select(result => result.Indicator).Order());
        Assert.Equal(1, (await pipeline.Storage.AllAlertsAsync()).Count(alert => alert.Kind == AlertKind.Alert));
        // A place with one period of results links to no period page: its own page is the one file the sweep writes.
        Assert.Equal(0, requests.Count("blob $web", "PUT"));
        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        await pipeline.Get<Sweep>().RunAsync(CancellationToken.None);
        var web = pipeline.Storage.Container(StorageNames.WebsiteContainer);
        Assert.Equal((true, false), ((await web.GetBlobClient("po-ko.html").ExistsAsync()).Value, (await web.GetBlobClient("po-ko-2019.html").ExistsAsync()).Value));
    }

    [Fact]
    public async Task Commune_correction_finds_the_state_its_blind_claim_met_and_tells_the_recovery_once()
    {
        await using var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:AddUpOnSweep"] = "true" });
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", BehindReport("po-ko"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None));
        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));

        await pipeline.UploadReportAsync("ubnd-po-ko/2019-sua.csv", CaughtUpReport("po-ko"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019-sua.csv", CancellationToken.None));

        var alerts = await pipeline.Storage.AllAlertsAsync();
        Assert.Equal(1, alerts.Count(alert => alert.Kind == AlertKind.Alert));
        var resolved = alerts.Count(alert => alert.Kind == AlertKind.Resolved);
        Assert.True(resolved > 0);
        Assert.All(await pipeline.Get<ResultStore>().LatestAsync("po-ko", "2019", CancellationToken.None), result => Assert.False(result.Status.NeedsAttention(), result.Indicator));

        // The same figures a third time: the claim fails on the stored state, which already says recovered.
        await pipeline.UploadReportAsync("ubnd-po-ko/2019-sua-lai.csv", CaughtUpReport("po-ko"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019-sua-lai.csv", CancellationToken.None));
        Assert.Equal(alerts.Count, (await pipeline.Storage.AllAlertsAsync()).Count);
        Assert.Equal(6, (await pipeline.Storage.ResultHistoryAsync("po-ko", "2019")).Count);
    }

    [Fact]
    public async Task Alert_state_kept_in_the_former_table_stops_a_blind_claim_its_recovery_is_told_and_the_next_claim_goes_beside_the_results()
    {
        await using var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:AddUpOnSweep"] = "true" });
        await pipeline.PublishRulesAsync();
        // A status alerted by a version that kept no version row: only the indicator's own row says Po Kô was told.
        await pipeline.Storage.Table(StorageNames.AlertStateTable).AddEntityAsync(
            new AlertStateEntity { PartitionKey = "po-ko~2019", RowKey = "G4.3a", Status = Status.OffTrack.Word(), Report = "po-ko~earlier" });
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", CaughtUpReport("po-ko"));

        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None));

        var resolved = Assert.Single(await pipeline.Storage.AllAlertsAsync());
        Assert.Equal(AlertKind.Resolved, resolved.Kind);
        Assert.Contains("khám thai", resolved.Message.Text, StringComparison.Ordinal);
        // The claim went beside the results; the former row stays as it was, never written again.
        var state = await pipeline.Get<AlertStateStore>().GetAsync("po-ko", Period.Annual(2019), CancellationToken.None);
        Assert.False(state.ContainsKey("G4.3a"));
        Assert.True((await pipeline.Storage.Table(StorageNames.ResultsTable).GetEntityIfExistsAsync<AlertStateEntity>("po-ko~2019", AlertStateStore.Prefix + "G4.3a")).HasValue);
        Assert.Equal(Status.OffTrack.Word(), (await pipeline.Storage.Table(StorageNames.AlertStateTable).GetEntityAsync<AlertStateEntity>("po-ko~2019", "G4.3a")).Value.Status);

        // Behind again: told once more, from the state beside the results.
        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        await pipeline.UploadReportAsync("ubnd-po-ko/2019-sua.csv", BehindReport("po-ko"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019-sua.csv", CancellationToken.None));
        Assert.Equal(1, (await pipeline.Storage.AllAlertsAsync()).Count(alert => alert.Kind == AlertKind.Alert));
    }

    [Fact]
    public async Task Commune_report_writes_its_place_page_and_at_most_one_period_file_however_many_periods_it_has()
    {
        var requests = new StorageRequestLog(Azurite.ConnectionString);
        // Sums added up after every report: each report publishes its place's page itself.
        await using var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:AddUpOnSweep"] = "false" }, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        var web = pipeline.Storage.Container(StorageNames.WebsiteContainer);
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", BehindReport("po-ko"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None));
        Assert.False((await web.GetBlobClient("po-ko-2019.html").ExistsAsync()).Value);

        // A new period: the place's page now shows 2020, and 2019, which it showed until now, gets its file.
        requests.Clear();
        await pipeline.UploadReportAsync("ubnd-po-ko/2020.csv", BehindReport("po-ko").Replace("2019,", "2020,", StringComparison.Ordinal));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2020.csv", CancellationToken.None));
        Assert.Equal(2, requests.Count("blob $web", "PUT"));
        var earlier = (await web.GetBlobClient("po-ko-2019.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("<a href=\"po-ko.html\"><span lang=\"vi\">Xem kỳ báo cáo khác</span>", earlier, StringComparison.Ordinal);
        Assert.False((await web.GetBlobClient("po-ko-2020.html").ExistsAsync()).Value);

        // The period the place's page shows, corrected: the page alone.
        requests.Clear();
        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        await pipeline.UploadReportAsync("ubnd-po-ko/2020-sua.csv", CaughtUpReport("po-ko").Replace("2019,", "2020,", StringComparison.Ordinal));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2020-sua.csv", CancellationToken.None));
        Assert.Equal(1, requests.Count("blob $web", "PUT"));
        var page = (await web.GetBlobClient("po-ko.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("<option value=\"po-ko-2019.html\" data-period=\"2019\">", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"po-ko.html\" data-period=\"2020\" selected>", page, StringComparison.Ordinal);
        Assert.Contains("data-indicator=\"G4.3a\" data-status=\"met\"", page, StringComparison.Ordinal);

        // An earlier period corrected: its file and the place's page.
        requests.Clear();
        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        await pipeline.UploadReportAsync("ubnd-po-ko/2019-sua.csv", CaughtUpReport("po-ko"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019-sua.csv", CancellationToken.None));
        Assert.Equal(2, requests.Count("blob $web", "PUT"));
        Assert.Contains("data-indicator=\"G4.3a\" data-status=\"met\"", (await web.GetBlobClient("po-ko-2019.html").DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_scored_before_the_history_moved_beside_the_latest_are_still_found_for_their_report()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.Storage.EnsureCreatedAsync(CancellationToken.None);
        await pipeline.Storage.Table(StorageNames.ResultHistoryTable).AddEntityAsync(new ResultEntity
        {
            PartitionKey = "po-ko~2019", RowKey = "G4.3a~0000000000000000001~0badc0de", Indicator = "G4.3a", Period = "2019", Jurisdiction = "po-ko",
            Status = Status.Met.Word(), Value = "99", Target = "98", Lead = "yte", Report = "po-ko~ubnd-po-ko~old", Unit = "ubnd-po-ko", Arrival = 1,
        });

        var found = Assert.Single(await pipeline.Get<ResultStore>().ForReportAsync("po-ko", "2019", "po-ko~ubnd-po-ko~old", CancellationToken.None));

        Assert.Equal(("G4.3a", 99m), (found.Indicator, found.Value));
    }

    [Fact]
    public async Task Reports_in_a_burst_read_the_rules_pointer_once_and_the_same_report_again_changes_nothing()
    {
        var requests = new StorageRequestLog(Azurite.ConnectionString);
        await using var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:AddUpOnSweep"] = "true" }, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", BehindReport("po-ko"));
        await pipeline.UploadReportAsync("ubnd-tan-canh/2019.csv", BehindReport("tan-canh"));
        await pipeline.UploadReportAsync("ubnd-dak-tram/2019.csv", BehindReport("dak-tram"));
        requests.Clear();

        foreach (var report in new[] { "ubnd-po-ko/2019.csv", "ubnd-tan-canh/2019.csv", "ubnd-dak-tram/2019.csv" })
        {
            Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync(report, CancellationToken.None));
        }

        // At most one read for the burst (none when the activation's read is recent enough): scoring trusts a pointer read
        // in the last seconds, and each report's page is built with the rules that scored it.
        Assert.True(requests.Count("table RulesVersions", "GET") <= 1, requests.Describe());
        // One read of the arrival counter for the three: this process numbers them from the counter as it last wrote it.
        Assert.Equal(1, requests.Count("table Uploads", "GET"));

        // Delivered again: the version's row says it is done, and no case is opened twice.
        Assert.Equal(ReportOutcome.AlreadyProcessed, await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None));
        await pipeline.FailLastStepAsync("ubnd-tan-canh/2019.csv");
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("ubnd-tan-canh/2019.csv", CancellationToken.None));
        var cases = await pipeline.Get<FollowUpStore>().ForUnitAsync("ubnd-tan-canh", CancellationToken.None);
        Assert.Equal(2, cases.Count);
        foreach (var found in cases)
        {
            Assert.Single(await pipeline.Get<FollowUpStore>().HistoryAsync(found.Id, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Rules_activated_by_another_instance_apply_once_the_recheck_interval_has_passed()
    {
        await using var scoring = Pipeline.Create(Azurite);
        await using var other = Pipeline.Create(Azurite);
        await other.PublishRulesAsync();
        var active = scoring.Get<ActiveRules>();
        var before = (await active.GetRecentAsync(CancellationToken.None))!.Version;

        await other.PublishRulesAsync(Pipeline.WorkflowJson().Replace("\"target\": 98", "\"target\": 97", StringComparison.Ordinal));
        var activated = (await other.Get<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version;
        Assert.NotEqual(before, activated);

        // Within the interval the pointer read a moment ago stands for scoring; the activating instance itself scores
        // with the new version at once, and the jobs that bring stored verdicts in line read the pointer every time.
        Assert.Equal(before, (await active.GetRecentAsync(CancellationToken.None))!.Version);
        Assert.Equal(activated, (await other.Get<ActiveRules>().GetRecentAsync(CancellationToken.None))!.Version);
        scoring.Clock.Advance(new WorkflowOptions().RulesPointerRecheck);
        Assert.Equal(activated, (await active.GetRecentAsync(CancellationToken.None))!.Version);
        Assert.Equal(activated, (await scoring.Get<ActiveRules>().GetAsync(CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Attempt_that_outlived_its_hold_records_its_end_on_the_row_as_the_next_attempt_left_it()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", BehindReport("po-ko"));
        var uploads = pipeline.Get<UploadLog>();
        var blob = await pipeline.Get<ReportStore>().FindAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        var first = await uploads.BeginAsync(StorageNames.ReportsContainer, blob, CancellationToken.None);
        pipeline.Clock.Advance(UploadLog.InFlightLimit + TimeSpan.FromMinutes(1));
        var second = await uploads.BeginAsync(StorageNames.ReportsContainer, blob, CancellationToken.None);
        Assert.Equal((1, 2, first.Arrival), (first.Attempt, second.Attempt, second.Arrival));

        await uploads.FinishAsync(StorageNames.ReportsContainer, first, UploadOutcome.Scored("late"), CancellationToken.None);

        var row = (await uploads.FindAsync(StorageNames.ReportsContainer, first.Key, CancellationToken.None))!;
        Assert.Equal((UploadState.Done, 2, "late", first.Arrival), (row.State, row.Attempts, row.ReportKey, row.Arrival));
        // The second attempt's own end replaces the row on its ETag if unchanged, else as it stands: done either way.
        await uploads.FinishAsync(StorageNames.ReportsContainer, second, UploadOutcome.Scored("on time"), CancellationToken.None);
        Assert.Equal("on time", (await uploads.FindAsync(StorageNames.ReportsContainer, first.Key, CancellationToken.None))!.ReportKey);
    }
}
