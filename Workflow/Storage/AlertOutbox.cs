using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Email;

namespace GenderPlan.Workflow.Storage;

/// <summary>What kind of email an alert row holds.</summary>
public enum AlertKind
{
    /// <summary>Indicators falling behind or off track.</summary>
    Alert,

    /// <summary>Indicators that recovered.</summary>
    Resolved,

    /// <summary>A report is due soon.</summary>
    Reminder,

    /// <summary>A report is late.</summary>
    Overdue,

    /// <summary>A report file was rejected.</summary>
    RejectedReport,

    /// <summary>A rules upload was refused.</summary>
    RefusedRules,

    /// <summary>A report could not be processed.</summary>
    FailedReport,
}

/// <summary>One stored email and where it stands.</summary>
/// <param name="Message">The email.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Source">The report or upload it came from.</param>
/// <param name="State">pending or sent.</param>
/// <param name="Attempts">How many sends failed so far.</param>
/// <param name="LastError">The last failure.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="SentAt">When the email service accepted it.</param>
public sealed record StoredAlert(EmailMessage Message, AlertKind Kind, string Source, string State, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>
/// The outbox: every email is stored before anything is sent, so a crash or an email outage loses nothing.
/// Each alert is a record row (<c>a|id</c>) plus, while undelivered, an index row (<c>p|id</c>) in the same
/// partition; both change in one table transaction, and the pending ones are found by a key range, never
/// by scanning every alert.
/// </summary>
public sealed class AlertOutbox
{
    /// <summary>The partition holding alerts. One partition keeps record and index atomic; a district sends a few hundred a year.</summary>
    public const string Partition = "alerts";

    private const string RecordPrefix = "a|";
    private const string PendingPrefix = "p|";
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;

    /// <summary>Creates the outbox.</summary>
    public AlertOutbox(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    private TableClient Table => _storage.Table(StorageNames.AlertsTable);

    /// <summary>
    /// Stores each message unless one with its id exists already: storing the same alert twice (a trigger that
    /// fires twice) keeps one. Returns the ids newly stored.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddAsync(IEnumerable<EmailMessage> messages, AlertKind kind, string source, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        var now = _clock.GetUtcNow();
        foreach (var message in messages)
        {
            var record = new TableEntity(Partition, RecordPrefix + message.Id)
            {
                ["Kind"] = kind.ToString(),
                ["Source"] = source,
                ["State"] = "pending",
                ["To"] = JsonSerializer.Serialize(message.To),
                ["Cc"] = JsonSerializer.Serialize(message.Cc),
                ["Subject"] = message.Subject,
                ["Html"] = message.Html,
                ["Text"] = message.Text,
                ["CreatedAt"] = now,
                ["Attempts"] = 0,
            };
            var index = new TableEntity(Partition, PendingPrefix + message.Id) { ["NextAttemptAt"] = now, ["ClaimedUntil"] = DateTimeOffset.MinValue };
            try
            {
                await Table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, record), new TableTransactionAction(TableTransactionActionType.Add, index)],
                    cancellationToken);
                added.Add(message.Id);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 409)
            {
                // Stored before: sent already or still pending, either way not again.
            }
        }

        return added;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending alerts due now (or those named), so that two senders
    /// never send the same one. A claim lapses after two minutes if its sender dies.
    /// </summary>
    public async Task<IReadOnlyList<(StoredAlert Alert, ETag Claim)>> ClaimDueAsync(IReadOnlyCollection<string>? only, int limit, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var claimed = new List<(StoredAlert, ETag)>();
        var filter = Keys.StartsWith(Partition, PendingPrefix);
        await foreach (var index in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var id = index.RowKey[PendingPrefix.Length..];
            if (claimed.Count >= limit || (only is not null && !only.Contains(id))
                || index.GetDateTimeOffset("NextAttemptAt") > now || index.GetDateTimeOffset("ClaimedUntil") > now)
            {
                continue;
            }

            index["ClaimedUntil"] = now + ClaimDuration;
            try
            {
                var response = await Table.UpdateEntityAsync(index, index.ETag, TableUpdateMode.Merge, cancellationToken);
                var record = await Table.GetEntityAsync<TableEntity>(Partition, RecordPrefix + id, cancellationToken: cancellationToken);
                claimed.Add((ToAlert(record.Value, id), response.Headers.ETag ?? default));
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                // Another sender claimed or finished it first.
            }
        }

        return claimed;
    }

    /// <summary>Marks an alert delivered: the record says sent, and the pending index row goes, in one transaction.</summary>
    public async Task MarkSentAsync(string id, ETag claim, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var record = new TableEntity(Partition, RecordPrefix + id) { ["State"] = "sent", ["SentAt"] = now };
        var index = new TableEntity(Partition, PendingPrefix + id) { ETag = claim };
        await Table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateMerge, record), new TableTransactionAction(TableTransactionActionType.Delete, index, claim)],
            cancellationToken);
    }

    /// <summary>Records a failed send; the alert stays pending and is tried again after a growing pause.</summary>
    public async Task MarkFailedAsync(string id, int attempts, string error, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var pause = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(attempts, 6))));
        await Table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(Partition, RecordPrefix + id) { ["Attempts"] = attempts, ["LastError"] = error.Length > 2000 ? error[..2000] : error, ["LastAttemptAt"] = now }),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(Partition, PendingPrefix + id) { ["NextAttemptAt"] = now + pause, ["ClaimedUntil"] = DateTimeOffset.MinValue }),
        ], cancellationToken);
    }

    /// <summary>An alert by id, or null.</summary>
    public async Task<StoredAlert?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var record = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, RecordPrefix + id, cancellationToken: cancellationToken);
        return record.HasValue && record.Value is { } row ? ToAlert(row, id) : null;
    }

    /// <summary>Every alert stored, oldest first.</summary>
    public async Task<IReadOnlyList<StoredAlert>> AllAsync(CancellationToken cancellationToken)
    {
        var alerts = new List<StoredAlert>();
        await foreach (var row in Table.QueryAsync<TableEntity>(Keys.StartsWith(Partition, RecordPrefix), cancellationToken: cancellationToken))
        {
            alerts.Add(ToAlert(row, row.RowKey[RecordPrefix.Length..]));
        }

        return alerts.OrderBy(alert => alert.CreatedAt).ToList();
    }

    /// <summary>How many alerts wait to be delivered.</summary>
    public async Task<int> PendingCountAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(Keys.StartsWith(Partition, PendingPrefix), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static StoredAlert ToAlert(TableEntity row, string id) => new(
        new EmailMessage(
            id,
            JsonSerializer.Deserialize<List<EmailAddress>>(row.GetString("To"))!,
            JsonSerializer.Deserialize<List<EmailAddress>>(row.GetString("Cc"))!,
            row.GetString("Subject"),
            row.GetString("Html"),
            row.GetString("Text")),
        Enum.Parse<AlertKind>(row.GetString("Kind")),
        row.GetString("Source"),
        row.GetString("State"),
        row.GetInt32("Attempts") ?? 0,
        row.GetString("LastError"),
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("SentAt"));
}
