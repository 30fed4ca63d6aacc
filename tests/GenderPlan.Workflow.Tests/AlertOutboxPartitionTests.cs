using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using GenderPlan.Documents.Email;
using GenderPlan.Testing;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Tests;

/// <summary>The outbox spread over several partitions, on the real Azurite: nothing lost, nothing sent twice, old rows still delivered.</summary>
public sealed class AlertOutboxPartitionTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private static EmailMessage Message(string id) =>
        new(id, [new EmailAddress($"{id}@example.org")], [new EmailAddress("ldtbxh@example.org")], $"V/v {id}", $"<p>{id}</p>", id);

    [Fact]
    public async Task A_deadline_days_alerts_spread_over_several_partitions_and_every_one_is_delivered_once()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var ids = Enumerable.Range(1, 120).Select(number => $"alert-{number:D3}").ToList();

        var stored = await pipeline.Alerts.AddAsync(ids.Select(Message), AlertKind.Alert, "test", CancellationToken.None);
        var (sent, pending) = await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None);

        Assert.Equal(ids, stored);
        Assert.Equal((120, 0), (sent, pending));
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in pipeline.Storage.Table(StorageNames.AlertsTable).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            partitions.Add(row.PartitionKey);
        }

        Assert.Equal(AlertOutbox.Shards, partitions.Count);
        Assert.DoesNotContain(AlertOutbox.LegacyPartition, partitions);
        await pipeline.Alerts.WriteSentMarksAsync(CancellationToken.None);
        var alerts = await pipeline.Storage.AllAlertsAsync();
        Assert.Equal(ids, alerts.Select(alert => alert.Message.Id).Order(StringComparer.Ordinal));
        Assert.All(alerts, alert => Assert.Equal(AlertState.Sent, alert.State));
        Assert.Equal(120, pipeline.EmailFiles().Length);
        Assert.Equal((0, 0), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_alert_stored_by_the_version_before_the_spread_is_delivered_and_never_stored_again()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var old = AlertRecordEntity.From(Message("stored-before"), AlertKind.Reminder, "reminders", pipeline.Clock.GetUtcNow());
        old.PartitionKey = AlertOutbox.LegacyPartition;
        var table = pipeline.Storage.Table(StorageNames.AlertsTable);
        await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, old),
            new TableTransactionAction(TableTransactionActionType.Add, new PendingAlertEntity { PartitionKey = AlertOutbox.LegacyPartition, RowKey = "p|stored-before", NextAttemptAt = pipeline.Clock.GetUtcNow(), ClaimedUntil = DateTimeOffset.MinValue }),
        ]);

        Assert.Equal(1, await pipeline.Alerts.PendingCountAsync(CancellationToken.None));
        Assert.Equal("V/v stored-before", (await pipeline.Alerts.GetAsync("stored-before", CancellationToken.None))?.Message.Subject);
        Assert.Equal((1, 0), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));

        // The same reminder queued again after the upgrade (its timer fired twice that day) is the one already sent.
        Assert.Empty(await pipeline.Alerts.AddAsync([Message("stored-before")], AlertKind.Reminder, "reminders", CancellationToken.None));
        Assert.Equal((0, 0), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));
        var alert = Assert.Single(await pipeline.Storage.AllAlertsAsync());
        Assert.Equal(AlertState.Sent, alert.State);
        Assert.Single(pipeline.EmailFiles());
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(AlertOutbox.PartitionOf("stored-before"), "a|stored-before")).HasValue);
    }

    [Fact]
    public async Task Counting_pending_alerts_reads_only_the_pending_ones_however_many_were_sent()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var counter = new RequestCounter();
        var outbox = CountedOutbox(pipeline, counter);
        await pipeline.Alerts.AddAsync(Enumerable.Range(1, 200).Select(number => Message($"sent-{number:D3}")), AlertKind.Alert, "test", CancellationToken.None);
        Assert.Equal((200, 0), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));
        await pipeline.Alerts.WriteSentMarksAsync(CancellationToken.None);
        await pipeline.Alerts.AddAsync([Message("waiting-1"), Message("waiting-2"), Message("waiting-3")], AlertKind.Alert, "test", CancellationToken.None);

        counter.Reset();
        var pending = await outbox.PendingCountAsync(CancellationToken.None);

        Assert.Equal(3, pending);
        Assert.Equal((AlertOutbox.Partitions.Count, 3), (counter.Requests, counter.RowsRead));

        counter.Reset();
        var due = await outbox.DueAsync(null, 50, CancellationToken.None);

        Assert.Equal(["p|waiting-1", "p|waiting-2", "p|waiting-3"], due.Select(index => index.RowKey));
        Assert.Equal((AlertOutbox.Partitions.Count, 3), (counter.Requests, counter.RowsRead));
    }

    [Fact]
    public async Task Alert_stored_and_sent_by_the_same_process_is_sent_without_finding_or_reading_it_back()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, configure: requests.AddTo);
        var stored = await pipeline.Alerts.AddAsync([Message("inline-1"), Message("inline-2")], AlertKind.Alert, "test", CancellationToken.None);

        requests.Clear();
        var sent = await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None);

        Assert.Equal(2, sent);
        Assert.Equal(2, pipeline.EmailFiles().Length);
        // Per alert: its claim (PUT); no query to find it, no read of its record, and its sent mark left for later.
        var alerts = requests.Snapshot();
        Assert.Equal(2, alerts.Count(request => request.StartsWith("PUT", StringComparison.Ordinal) && request.Contains("Alerts", StringComparison.Ordinal)));
        Assert.Equal(2, alerts.Count);
    }

    [Fact]
    public async Task Alert_stored_held_for_sending_is_sent_with_no_request_and_marked_sent_later_a_transaction_per_partition()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, configure: requests.AddTo);
        var stored = await pipeline.Alerts.AddAsync([Message("held-1"), Message("held-2")], AlertKind.Alert, "test", CancellationToken.None, heldForSending: true);

        requests.Clear();
        var sent = await pipeline.Get<Notifier>().SendAsync(stored, CancellationToken.None);

        Assert.Equal(2, sent);
        Assert.Empty(requests.Snapshot());
        Assert.All(await pipeline.Storage.AllAlertsAsync(), alert => Assert.Equal(AlertState.Pending, alert.State));
        Assert.Equal(0, await pipeline.Alerts.PendingCountAsync(CancellationToken.None));

        // Their marks, when written: one transaction per partition, however many they are.
        requests.Clear();
        await pipeline.Alerts.WriteSentMarksAsync(CancellationToken.None);
        var partitions = stored.Select(AlertOutbox.PartitionOf).Distinct().Count();
        Assert.Equal(Enumerable.Repeat("$batch", partitions), requests.Snapshot().Select(request => request[(request.LastIndexOf('/') + 1)..]));
        Assert.All(await pipeline.Storage.AllAlertsAsync(), alert => Assert.Equal(AlertState.Sent, alert.State));
    }

    [Fact]
    public async Task Alert_held_by_a_process_that_stopped_is_sent_by_another_once_the_hold_lapses_and_not_before()
    {
        await using var stopped = Pipeline.Create(Azurite, settings: new() { ["GenderPlan:Email:ClaimDuration"] = "00:05:00", ["GenderPlan:Email:TotalSendTimeout"] = "00:01:00" });
        await using var sweeping = Pipeline.Create(Azurite, now: stopped.Clock.GetUtcNow());
        await stopped.Alerts.AddAsync([Message("orphan")], AlertKind.Alert, "test", CancellationToken.None, heldForSending: true);

        Assert.Equal((0, 1), await sweeping.Dispatcher.SendPendingAsync(CancellationToken.None));
        sweeping.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal((1, 0), await sweeping.Dispatcher.SendPendingAsync(CancellationToken.None));

        Assert.Single(sweeping.EmailFiles());
        Assert.Empty(stopped.EmailFiles());
    }

    [Fact]
    public async Task Alert_another_process_sent_first_is_not_sent_again_by_the_process_that_stored_it()
    {
        await using var storing = Pipeline.Create(Azurite);
        await using var sweeping = Pipeline.Create(Azurite);
        var stored = await storing.Alerts.AddAsync([Message("raced")], AlertKind.Alert, "test", CancellationToken.None);
        Assert.Equal((1, 0), await sweeping.Dispatcher.SendPendingAsync(CancellationToken.None));

        var sent = await storing.Get<Notifier>().SendAsync(stored, CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Empty(storing.EmailFiles());
        Assert.Single(sweeping.EmailFiles());
        await sweeping.Alerts.WriteSentMarksAsync(CancellationToken.None);
        Assert.Equal(AlertState.Sent, Assert.Single(await storing.Storage.AllAlertsAsync()).State);
    }

    /// <summary>An outbox over the same storage whose table requests, and the rows they return, are counted.</summary>
    private AlertOutbox CountedOutbox(Pipeline pipeline, RequestCounter counter)
    {
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var storage = new StorageClients(pipeline.Storage.Blobs, new TableServiceClient(Azurite.ConnectionString, options));
        return new AlertOutbox(storage, pipeline.Clock, Options.Create(new EmailOptions()));
    }

    private sealed class RequestCounter : HttpPipelinePolicy
    {
        private int _requests;
        private int _rows;

        public int Requests => _requests;

        public int RowsRead => _rows;

        public void Reset() => (_requests, _rows) = (0, 0);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            Count(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            Count(message);
        }

        private void Count(HttpMessage message)
        {
            Interlocked.Increment(ref _requests);
            if (message.Response.Content is { } content && content.ToMemory().Length > 0 && message.Response.Headers.ContentType?.Contains("json", StringComparison.Ordinal) == true)
            {
                using var body = JsonDocument.Parse(content.ToMemory());
                if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("value", out var rows))
                {
                    Interlocked.Add(ref _rows, rows.GetArrayLength());
                }
            }
        }
    }
}
