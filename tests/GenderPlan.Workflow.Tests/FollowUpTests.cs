using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The loop from an alert to what was done, against Azurite with a fake clock: an alert opens one case per unit and
/// indicator, whatever the redeliveries; the unit's answer is checked; an unanswered case is reminded once, escalated
/// after the plan's days and listed in one digest a week; an action past its date is overdue; a later good report
/// closes the case.
/// </summary>
public sealed class FollowUpTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private const string Report = "ldtbxh/bao-cao-2019.csv";

    private static readonly string Behind = Pipeline.Csv(
        "2019,dak-to,G3.1,\"97,2\",,,",
        "2019,dak-to,G3.2a,\"61,5\",,,",
        "2019,dak-to,G4.1,108/100,,,",
        "2019,dak-to,G4.2,45/100000,,,");

    private static string HealthCase => FollowUpCase.IdFor("yte", "G4.1", "dak-to", "2019");

    [Fact]
    public async Task Alert_opens_one_case_per_unit_and_indicator_and_the_same_report_again_opens_none()
    {
        await using var pipeline = await AlertedAsync();
        var store = pipeline.Get<FollowUpStore>();

        var cases = (await store.OpenAsync(CancellationToken.None)).Select(stored => stored.Case).ToList();
        Assert.Equal([("G3.1", "gddt"), ("G3.2a", "noivu"), ("G4.1", "yte")], cases.Select(found => (found.Indicator, found.Unit)).Order());
        Assert.All(cases, found => Assert.Equal((FollowUpState.Open, new DateOnly(2019, 11, 20)), (found.State, found.OpenedOn)));
        Assert.Equal(Status.OffTrack, cases.Single(found => found.Indicator == "G4.1").Status);

        // A retry of the last step stores the same verdicts again: the cases and their histories stay as they were.
        await pipeline.FailLastStepAsync(Report);
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync(Report, CancellationToken.None));
        Assert.Equal(3, (await store.OpenAsync(CancellationToken.None)).Count);
        Assert.Equal(["opened"], (await store.HistoryAsync(HealthCase, CancellationToken.None)).Select(step => step.What));
    }

    [Fact]
    public async Task Answer_is_refused_for_another_units_case_an_empty_action_and_a_past_date()
    {
        await using var pipeline = await AlertedAsync();
        var followUps = pipeline.Get<FollowUpService>();

        var other = await followUps.AcknowledgeAsync(HealthCase, "gddt", "Tuyên truyền", "2019-12-31", CancellationToken.None);
        var empty = await followUps.AcknowledgeAsync(HealthCase, "yte", "   ", "2019-12-31", CancellationToken.None);
        var past = await followUps.AcknowledgeAsync(HealthCase, "yte", "Tuyên truyền", "2019-11-19", CancellationToken.None);
        var notADate = await followUps.AcknowledgeAsync(HealthCase, "yte", "Tuyên truyền", "31/12/2019", CancellationToken.None);

        Assert.Equal(FollowUpOutcome.Forbidden, other.Outcome);
        Assert.Equal((FollowUpOutcome.Invalid, "action"), (empty.Outcome, empty.Field));
        Assert.Equal((FollowUpOutcome.Invalid, "expectedBy"), (past.Outcome, past.Field));
        Assert.Contains("19/11/2019", past.Problem, StringComparison.Ordinal);
        Assert.Equal((FollowUpOutcome.Invalid, "expectedBy"), (notADate.Outcome, notADate.Field));
        Assert.Equal(FollowUpState.Open, (await pipeline.Get<FollowUpStore>().GetAsync(HealthCase, CancellationToken.None))!.Case.State);
    }

    [Fact]
    public async Task Acknowledged_case_is_resolved_by_a_later_report_that_meets_the_path()
    {
        await using var pipeline = await AlertedAsync();
        var followUps = pipeline.Get<FollowUpService>();

        var answered = await followUps.AcknowledgeAsync(HealthCase, "yte", "Tăng cường truyền thông tại 9 xã, thị trấn", "2019-12-31", CancellationToken.None);
        Assert.Equal(FollowUpOutcome.Changed, answered.Outcome);
        Assert.Equal((FollowUpState.Acknowledged, "yte", new DateOnly(2019, 12, 31)), (answered.Case!.State, answered.Case.By, answered.Case.ExpectedBy!.Value));

        await pipeline.UploadReportAsync("yte/bao-cao-2019-bo-sung.csv", Pipeline.Csv("2019,dak-to,G4.1,104/100,,,"));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync("yte/bao-cao-2019-bo-sung.csv", CancellationToken.None));

        var resolved = (await pipeline.Get<FollowUpStore>().GetAsync(HealthCase, CancellationToken.None))!.Case;
        Assert.Equal((FollowUpState.Resolved, FollowUpResolution.Report), (resolved.State, resolved.Resolution));
        // The action the unit wrote stays with the case: it is what the report to the province says was done.
        Assert.Equal("Tăng cường truyền thông tại 9 xã, thị trấn", resolved.Action);
        Assert.Equal(["opened", "acknowledged", "resolved"], (await pipeline.Get<FollowUpStore>().HistoryAsync(HealthCase, CancellationToken.None)).Select(step => step.What));
        var again = await followUps.AcknowledgeAsync(HealthCase, "yte", "Thêm biện pháp", "2019-12-31", CancellationToken.None);
        Assert.Equal(FollowUpOutcome.Closed, again.Outcome);
    }

    [Fact]
    public async Task Unanswered_case_is_reminded_once_escalated_after_ten_days_and_digested_once_a_week()
    {
        await using var pipeline = await AlertedAsync();
        var followUps = pipeline.Get<FollowUpService>();
        var before = pipeline.EmailFiles().Length;

        pipeline.Clock.Advance(TimeSpan.FromDays(6));
        await followUps.CatchUpAsync(CancellationToken.None);
        Assert.Equal(before, pipeline.EmailFiles().Length);

        // Day 7 of 10: each of the three units is reminded once, however often the sweep runs.
        pipeline.Clock.Advance(TimeSpan.FromDays(1));
        await followUps.CatchUpAsync(CancellationToken.None);
        await followUps.CatchUpAsync(CancellationToken.None);
        var reminders = await KindAsync(pipeline, AlertKind.FollowUpReminder);
        Assert.Equal(3, reminders.Count);
        var health = reminders.Single(message => message.To.Single().Address == "yte@example.org");
        Assert.Contains("chưa nhận được phản hồi về biện pháp khắc phục của Phòng Y tế", health.Text, StringComparison.Ordinal);
        Assert.Contains("trước ngày 30/11/2019", health.Text, StringComparison.Ordinal);

        // The health office answers; the two others stay silent until day 10.
        await followUps.AcknowledgeAsync(HealthCase, "yte", "Kiểm tra sàng lọc trước sinh tại 3 xã", "2019-12-05", CancellationToken.None);
        pipeline.Clock.Advance(TimeSpan.FromDays(3));
        await followUps.CatchUpAsync(CancellationToken.None);
        await followUps.CatchUpAsync(CancellationToken.None);
        var open = (await pipeline.Get<FollowUpStore>().OpenAsync(CancellationToken.None)).Select(stored => stored.Case).ToList();
        Assert.Equal([("G3.1", FollowUpState.Escalated), ("G3.2a", FollowUpState.Escalated), ("G4.1", FollowUpState.Acknowledged)], open.Select(found => (found.Indicator, found.State)).Order());
        var digest = Assert.Single(await KindAsync(pipeline, AlertKind.FollowUpDigest));
        Assert.Equal(["ldtbxh@example.org"], digest.To.Select(to => to.Address));
        Assert.Contains("có 2 cảnh báo chưa được các đơn vị khắc phục hoặc phản hồi", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Phòng Nội vụ", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phòng Y tế", digest.Text, StringComparison.Ordinal);
        Assert.Equal(3, (await KindAsync(pipeline, AlertKind.FollowUpReminder)).Count);

        // 6 December: the health office's date has passed with no better figure, so its case is overdue, and the next
        // week's digest (one, however often the sweep runs) lists all three.
        pipeline.Clock.Advance(TimeSpan.FromDays(6));
        await followUps.CatchUpAsync(CancellationToken.None);
        await followUps.CatchUpAsync(CancellationToken.None);
        Assert.Equal(FollowUpState.Overdue, (await pipeline.Get<FollowUpStore>().GetAsync(HealthCase, CancellationToken.None))!.Case.State);
        var digests = await KindAsync(pipeline, AlertKind.FollowUpDigest);
        Assert.Equal(2, digests.Count);
        Assert.Single(digests, message => message.Text.Contains("có 3 cảnh báo", StringComparison.Ordinal) && message.Text.Contains("Kiểm tra sàng lọc trước sinh tại 3 xã (05/12/2019)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_sent_at_the_same_time_are_each_kept_in_the_history_and_the_case_holds_one_of_them()
    {
        await using var pipeline = await AlertedAsync();
        var followUps = pipeline.Get<FollowUpService>();

        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(number =>
            followUps.AcknowledgeAsync(HealthCase, "yte", $"Biện pháp {number}", "2019-12-31", CancellationToken.None)));

        Assert.All(answers, answer => Assert.Equal(FollowUpOutcome.Changed, answer.Outcome));
        var history = await pipeline.Get<FollowUpStore>().HistoryAsync(HealthCase, CancellationToken.None);
        Assert.Equal(9, history.Count);
        Assert.Equal(Enumerable.Range(1, 8).Select(number => $"Biện pháp {number}").Order(), history.Skip(1).Select(step => step.Note![..step.Note!.IndexOf(" (", StringComparison.Ordinal)]).Order());
        var stored = (await pipeline.Get<FollowUpStore>().GetAsync(HealthCase, CancellationToken.None))!.Case;
        Assert.Equal(history[^1].Note, $"{stored.Action} (dự kiến 31/12/2019)");
    }

    [Fact]
    public async Task Coordinator_closes_a_case_with_a_reason_and_a_unit_may_not()
    {
        await using var pipeline = await AlertedAsync();
        var followUps = pipeline.Get<FollowUpService>();

        var noReason = await followUps.CloseAsync(HealthCase, "ldtbxh", " ", CancellationToken.None);
        var closed = await followUps.CloseAsync(HealthCase, "ldtbxh", "Số liệu đã được Phòng Y tế đính chính", CancellationToken.None);

        Assert.Equal((FollowUpOutcome.Invalid, "reason"), (noReason.Outcome, noReason.Field));
        Assert.Equal((FollowUpState.Resolved, FollowUpResolution.Coordinator, "ldtbxh"), (closed.Case!.State, closed.Case.Resolution, closed.Case.By));
        Assert.Equal("Số liệu đã được Phòng Y tế đính chính", closed.Case.Reason);
    }

    private async Task<Pipeline> AlertedAsync()
    {
        var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync(Report, Behind);
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync(Report, CancellationToken.None));
        return pipeline;
    }

    private static async Task<List<Documents.Email.EmailMessage>> KindAsync(Pipeline pipeline, AlertKind kind) =>
        [.. (await pipeline.Storage.AllAlertsAsync()).Where(alert => alert.Kind == kind).Select(alert => alert.Message)];
}
