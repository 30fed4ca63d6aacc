using GenderPlan.Documents.Email;
using GenderPlan.Testing;
using GenderPlan.Workflow.Notifications;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Sent marks written together (issue 23): an email delivered is marked sent with the next email stored in its
/// partition, or within the delay, or by the sweep before it reads what is pending, or when the host stops; never sent
/// twice meanwhile, on the real Azurite.
/// </summary>
public sealed class SentMarkTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private static EmailMessage Message(string id) =>
        new(id, [new EmailAddress($"{id}@example.org")], [new EmailAddress("ldtbxh@example.org")], $"V/v {id}", $"<p>{id}</p>", id);

    /// <summary>Ids of <paramref name="count"/> emails that fall in the same outbox partition.</summary>
    private static List<string> SamePartition(int count) =>
        Enumerable.Range(1, 1000).Select(number => $"email-{number:D4}")
            .GroupBy(AlertOutbox.PartitionOf).First(group => group.Count() >= count).Take(count).ToList();

    private static async Task<AlertState> StateAsync(Pipeline pipeline, string id) =>
        (await pipeline.Storage.AllAlertsAsync()).Single(alert => alert.Message.Id == id).State;

    [Fact]
    public async Task Sent_mark_goes_with_the_next_email_stored_in_its_partition_in_one_transaction()
    {
        var requests = new StorageRequestLog(Azurite.ConnectionString);
        await using var pipeline = Pipeline.Create(Azurite, configure: requests.AddTo);
        var (first, second) = SamePartition(2) switch { var ids => (ids[0], ids[1]) };
        var stored = await pipeline.Alerts.AddAsync([Message(first)], AlertKind.Alert, "report-1", CancellationToken.None, heldForSending: true);
        Assert.Equal(1, await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None));
        Assert.Equal(AlertState.Pending, await StateAsync(pipeline, first));

        requests.Clear();
        await pipeline.Alerts.AddAsync([Message(second)], AlertKind.Alert, "report-2", CancellationToken.None, heldForSending: true);

        // The second email's store carries the first's mark: one request for both.
        Assert.Equal(1, requests.Count("table Alerts (batch)", "POST"));
        Assert.Single(requests.Snapshot());
        Assert.Equal((AlertState.Sent, AlertState.Pending), (await StateAsync(pipeline, first), await StateAsync(pipeline, second)));
        Assert.Equal(1, await pipeline.Get<Notifier>().SendAsync([second], CancellationToken.None));
        Assert.Equal(2, pipeline.EmailFiles().Length);
    }

    [Fact]
    public async Task Email_stored_again_costs_one_request_and_leaves_the_marks_due_for_the_next_email()
    {
        var requests = new StorageRequestLog(Azurite.ConnectionString);
        await using var pipeline = Pipeline.Create(Azurite, configure: requests.AddTo);
        var (first, second) = SamePartition(2) switch { var ids => (ids[0], ids[1]) };
        var stored = await pipeline.Alerts.AddAsync([Message(first)], AlertKind.Alert, "report-1", CancellationToken.None, heldForSending: true);
        Assert.Equal(1, await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None));

        requests.Clear();
        // The same email queued again (a report retried): stored before, so not again, and nothing else written.
        Assert.Empty(await pipeline.Alerts.AddAsync([Message(first)], AlertKind.Alert, "report-1", CancellationToken.None, heldForSending: true));
        Assert.Single(requests.Snapshot());
        Assert.Equal(AlertState.Pending, await StateAsync(pipeline, first));

        requests.Clear();
        await pipeline.Alerts.AddAsync([Message(second)], AlertKind.Alert, "report-2", CancellationToken.None, heldForSending: true);
        Assert.Single(requests.Snapshot());
        Assert.Equal(AlertState.Sent, await StateAsync(pipeline, first));
        Assert.Single(pipeline.EmailFiles());
    }

    [Fact]
    public async Task Sent_marks_are_written_once_the_delay_has_passed_with_nothing_else_written()
    {
        await using var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:Email:SentMarkDelay"] = "00:00:00.200" });
        var stored = await pipeline.Alerts.AddAsync([Message("alone-1"), Message("alone-2")], AlertKind.Alert, "report", CancellationToken.None, heldForSending: true);
        Assert.Equal(2, await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None));

        // Wall-clock time, as the delay is: the rows say sent within it, with no sweep and no other email.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await pipeline.Storage.AllAlertsAsync()).Any(alert => alert.State != AlertState.Sent) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Assert.All(await pipeline.Storage.AllAlertsAsync(), alert => Assert.Equal(AlertState.Sent, alert.State));
    }

    [Fact]
    public async Task Sweep_after_the_claims_lapsed_writes_the_marks_first_in_one_transaction_and_sends_nothing_twice()
    {
        var requests = new StorageRequestLog(Azurite.ConnectionString);
        await using var pipeline = Pipeline.Create(Azurite, configure: requests.AddTo, settings: new()
        {
            ["GenderPlan:Email:ClaimDuration"] = "00:05:00", ["GenderPlan:Email:TotalSendTimeout"] = "00:01:00", ["GenderPlan:Email:SentMarkDelay"] = "00:01:00",
        });
        var stored = new List<string>();
        foreach (var id in SamePartition(12))
        {
            // Stored one by one, as reports store them: each store carries the marks of those sent before it.
            stored.AddRange(await pipeline.Alerts.AddAsync([Message(id)], AlertKind.Alert, "report", CancellationToken.None, heldForSending: true));
        }

        Assert.Equal(12, await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None));

        requests.Clear();
        pipeline.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((0, 0), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));

        Assert.Equal(1, requests.Count("table Alerts (batch)", "POST"));
        Assert.Equal(12, pipeline.EmailFiles().Length);
        Assert.All(await pipeline.Storage.AllAlertsAsync(), alert => Assert.Equal(AlertState.Sent, alert.State));
    }

    [Fact]
    public async Task Another_process_sees_an_email_delivered_but_not_yet_marked_as_held_and_sends_it_only_if_the_mark_never_comes()
    {
        await using var delivering = Pipeline.Create(Azurite, settings: new()
        {
            ["GenderPlan:Email:ClaimDuration"] = "00:05:00", ["GenderPlan:Email:TotalSendTimeout"] = "00:01:00", ["GenderPlan:Email:SentMarkDelay"] = "00:01:00",
        });
        await using var sweeping = Pipeline.Create(Azurite, now: delivering.Clock.GetUtcNow());
        var stored = await delivering.Alerts.AddAsync([Message("delivered")], AlertKind.Alert, "report", CancellationToken.None, heldForSending: true);
        Assert.Equal(1, await delivering.Get<Notifier>().SendAsync(stored, CancellationToken.None));

        // Within the claim the other process leaves it alone; once the mark is written there is nothing to send.
        Assert.Equal((0, 1), await sweeping.Dispatcher.SendPendingAsync(CancellationToken.None));
        await delivering.Get<IEnumerable<Microsoft.Extensions.Hosting.IHostedService>>().OfType<SentMarksAtStop>().Single().StopAsync(CancellationToken.None);
        sweeping.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((0, 0), await sweeping.Dispatcher.SendPendingAsync(CancellationToken.None));
        Assert.Single(delivering.EmailFiles());
        Assert.Empty(sweeping.EmailFiles());
    }

    [Fact]
    public async Task Email_delivered_and_not_yet_marked_is_not_sent_again_when_named_again()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var stored = await pipeline.Alerts.AddAsync([Message("named-twice")], AlertKind.Alert, "report", CancellationToken.None, heldForSending: true);
        Assert.Equal(1, await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None));

        // Its row still says pending, and its claim has lapsed (its mark could not be written for that long): this process knows it went.
        pipeline.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None));
        Assert.Equal((0, 0), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));

        Assert.Single(pipeline.EmailFiles());
    }

    [Fact]
    public async Task With_no_delay_each_email_is_marked_sent_as_soon_as_it_is_delivered()
    {
        await using var pipeline = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:Email:SentMarkDelay"] = "00:00:00" });
        var stored = await pipeline.Alerts.AddAsync([Message("at-once")], AlertKind.Alert, "report", CancellationToken.None, heldForSending: true);

        Assert.Equal(1, await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None));

        Assert.Equal(AlertState.Sent, await StateAsync(pipeline, "at-once"));
    }
}
