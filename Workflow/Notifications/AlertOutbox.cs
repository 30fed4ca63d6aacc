using System.Collections.Concurrent;
using GenderPlan.Workflow.Storage;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GenderPlan.Documents.Email;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Notifications;

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

    /// <summary>The district's reported figure and the communes' sum disagree.</summary>
    Discrepancy,

    /// <summary>The coordinator's summary of what a new rules version changed.</summary>
    RulesChanged,

    /// <summary>The province report of a period, with its workbook and Word draft attached.</summary>
    ProvinceReport,

    /// <summary>The one reminder to a unit that has not answered an alert.</summary>
    FollowUpReminder,

    /// <summary>The coordinator's weekly digest of escalated and overdue follow-up cases.</summary>
    FollowUpDigest,

    /// <summary>A report returned to its unit with the reason.</summary>
    ReturnedReport,
}

/// <summary>Whether an email has been handed to the email service.</summary>
public enum AlertState
{
    /// <summary>Stored, not yet accepted by the email service; the sweep keeps trying.</summary>
    Pending,

    /// <summary>Accepted by the email service (SendGrid 202, or the file written).</summary>
    Sent,
}

/// <summary>One stored email and where it stands.</summary>
/// <param name="Message">The email.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Source">The report or upload it came from.</param>
/// <param name="State">Pending or sent.</param>
/// <param name="Attempts">How many sends failed so far.</param>
/// <param name="LastError">The last failure.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="SentAt">When the email service accepted it.</param>
public sealed record StoredAlert(EmailMessage Message, AlertKind Kind, string Source, AlertState State, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>A claimed alert: while the claim holds, no other sender touches it.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Claim">The ETag of the claim, needed to mark it sent or failed.</param>
/// <param name="Partition">
/// The partition that holds it: its shard, or <see cref="AlertOutbox.LegacyPartition"/> for an alert stored before the outbox was
/// spread, so that marking it sent or failed changes the rows that were claimed.
/// </param>
public sealed record ClaimedAlert(StoredAlert Alert, ETag Claim, string Partition);

/// <summary>
/// The outbox: every email is stored before anything is sent, so a crash or an email outage loses nothing.
/// Attachments are stored first, as blobs of <see cref="StorageNames.OutgoingContainer"/> named after the alert, and
/// the row names them: a row holds 64 KB per property and 1 MB in all, and an attachment may not fit.
/// Each alert is a record row (<c>a|id</c>) plus, while undelivered, an index row (<c>p|id</c>) in the same
/// partition; both change in one table transaction, and the pending ones are found by a key range, never
/// by scanning every alert.
/// </summary>
/// <remarks>
/// The alerts are spread over <see cref="Shards"/> partitions (<c>alerts~00</c> to <c>alerts~15</c>), the shard a hash
/// of the id: a national deadline day stores thousands of alerts in an hour, and one partition serves about 2,000
/// entities a second whatever the account allows. The id alone still names the partition, so reading an alert stays
/// a point read and its record and index stay in one partition, changed in one transaction. Finding the pending ones
/// is one key-range query per shard: its cost grows with what is pending, never with how many were sent.
/// Alerts stored before the outbox was spread stay in <see cref="LegacyPartition"/>, read but never written to:
/// its pending ones are delivered from there like the rest, and nothing is moved.
/// </remarks>
public sealed partial class AlertOutbox
{
    /// <summary>How many partitions the alerts are spread over: 16 × 2,000 entities a second is above what one account allows (20,000).</summary>
    public const int Shards = 16;

    /// <summary>
    /// The one partition that held every alert before they were spread. Its pending alerts are still delivered and its
    /// alerts still read by id; no new alert goes there.
    /// </summary>
    public const string LegacyPartition = "alerts";

    /// <summary>How long after the last alert stored in <see cref="LegacyPartition"/> a new alert with the same id may still come (a retried report, a reminder timer firing twice the same day).</summary>
    private static readonly TimeSpan LegacyDuplicateWindow = TimeSpan.FromDays(2);

    /// <summary>The row-key prefix of alert records.</summary>
    public const string RecordPrefix = "a|";

    private const string PendingPrefix = "p|";

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _claimDuration;

    /// <summary>Creates the outbox.</summary>
    public AlertOutbox(StorageClients storage, TimeProvider clock, IOptions<EmailOptions> email)
    {
        _storage = storage;
        _clock = clock;
        _claimDuration = email.Value.ClaimDuration;
        _longestSend = email.Value.TotalSendTimeout;
        _sentMarkDelay = email.Value.SentMarkDelay;
    }

    private readonly TimeSpan _longestSend;

    private TableClient Table => _storage.Table(StorageNames.AlertsTable);

    /// <summary>
    /// Most alerts are sent by the process that stored them, right after: it knows their rows and their ETags, so sending
    /// them needs neither the query that finds them nor the read of their record. Bounded: past <see cref="MaxRemembered"/>
    /// the memory is dropped, and an alert not found here is read as any other.
    /// </summary>
    private readonly ConcurrentDictionary<string, JustAdded> _justAdded = new(StringComparer.Ordinal);

    private const int MaxRemembered = 10_000;

    private sealed record JustAdded(PendingAlertEntity Index, AlertRecordEntity Record);

    /// <summary>Whether <paramref name="index"/> is an alert this process stored held for itself and nobody changed since.</summary>
    private bool HeldHere(PendingAlertEntity index) =>
        _justAdded.TryGetValue(index.RowKey[PendingPrefix.Length..], out var added) && added.Index.ETag == index.ETag;

    /// <summary>Remembers an alert just stored, with its index row's ETag from the transaction's answer (none: not remembered).</summary>
    private void Remember(string id, PendingAlertEntity index, AlertRecordEntity record, IReadOnlyList<Response> answers)
    {
        if (answers.Count < 2 || answers[1].Headers.ETag is not { } etag)
        {
            return;
        }

        if (_justAdded.Count >= MaxRemembered)
        {
            _justAdded.Clear();
        }

        index.ETag = etag;
        _justAdded[id] = new JustAdded(index, record);
    }

    /// <summary>Whether <see cref="LegacyPartition"/> held an alert recent enough to be stored again when last looked at; null until then.</summary>
    private LegacyLook? _legacy;

    private sealed record LegacyLook(bool Recent, DateTimeOffset At);

    /// <summary>
    /// The partition of the alert <paramref name="id"/>: one of <see cref="Shards"/>, from a hash of the id, so that the id
    /// alone finds it and alerts spread evenly whatever their ids look like.
    /// </summary>
    public static string PartitionOf(string id) =>
        $"{LegacyPartition}~{(Convert.ToInt32(Keys.Hash(id)[..4], 16) % Shards).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Every partition that may hold a pending alert: the shards, and the one used before them.</summary>
    public static IReadOnlyList<string> Partitions { get; } =
        [.. Enumerable.Range(0, Shards).Select(shard => $"{LegacyPartition}~{shard.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)}"), LegacyPartition];

    /// <summary>
    /// Stores each message unless one with its id exists already: storing the same alert twice (a trigger that
    /// fires twice) keeps one. Returns the ids newly stored.
    /// </summary>
    /// <param name="messages">The emails.</param>
    /// <param name="kind">What they are about.</param>
    /// <param name="source">The report, upload or job they come from.</param>
    /// <param name="cancellationToken">Stops the storing.</param>
    /// <param name="heldForSending">
    /// Whether this process sends them right after (<see cref="DueAsync"/> with their ids): they are stored claimed by it,
    /// so sending them needs no claim of its own; should it never send them, the sweep does once the claim lapses.
    /// </param>
    public async Task<IReadOnlyList<string>> AddAsync(
        IEnumerable<EmailMessage> messages, AlertKind kind, string source, CancellationToken cancellationToken, bool heldForSending = false)
    {
        var added = new List<string>();
        var now = _clock.GetUtcNow();
        foreach (var message in messages)
        {
            if (await StoredBeforeSpreadAsync(message.Id, now, cancellationToken))
            {
                continue;
            }

            await StoreAttachmentsAsync(message, cancellationToken);
            var record = AlertRecordEntity.From(message, kind, source, now);
            if (record.ExceedsPropertyLimit())
            {
                // A Table property holds 32K characters: a long message (many addresses, a long list) lives in a blob
                // beside its attachments, and the row keeps the rest. No message is too large to store.
                await StoreBodyAsync(message, cancellationToken);
                record.WithBodyInBlob();
            }

            var index = new PendingAlertEntity
            {
                PartitionKey = record.PartitionKey, RowKey = PendingPrefix + message.Id, NextAttemptAt = now, ClaimedUntil = heldForSending ? now + _claimDuration : DateTimeOffset.MinValue,
            };
            TableTransactionAction[] store = [new(TableTransactionActionType.Add, record), new(TableTransactionActionType.Add, index)];
            var (withMarks, answers) = await TryStoreWithSentMarksAsync(store, record.PartitionKey, cancellationToken);
            if (withMarks == SentMarksOutcome.Stored)
            {
                added.Add(message.Id);
                Remember(message.Id, index, record, answers!);
            }

            if (withMarks != SentMarksOutcome.StoreAlone)
            {
                continue;
            }

            try
            {
                var stored = await Table.SubmitTransactionAsync(store, cancellationToken);
                added.Add(message.Id);
                Remember(message.Id, index, record, stored.Value);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 409)
            {
                // Stored before: sent already or still pending, either way not again.
            }
        }

        return added;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> pending alerts due now and not held by a sender (or only those named),
    /// oldest first. Nothing is claimed yet: each is claimed right before it is sent
    /// (<see cref="TryClaimAsync"/>), so a claim only has to outlast one send.
    /// </summary>
    public async Task<IReadOnlyList<PendingAlertEntity>> DueAsync(IReadOnlyCollection<string>? only, int limit, CancellationToken cancellationToken)
    {
        if (only is null)
        {
            return Due(await PendingAsync(null, cancellationToken), limit);
        }

        // The alerts this process stored and remembers are due whether or not it holds them (TryClaimAsync decides).
        var now = _clock.GetUtcNow();
        var remembered = only.Select(id => _justAdded.TryGetValue(id, out var added) ? added.Index : null).OfType<PendingAlertEntity>().Where(index => index.NextAttemptAt <= now);
        var named = await NamedPendingAsync([.. only.Where(id => !_justAdded.ContainsKey(id))], cancellationToken);
        return [.. remembered.Concat(Due(named, limit)).Take(limit)];
    }

    /// <summary>
    /// Up to <paramref name="limit"/> pending alerts due now, as <see cref="DueAsync"/>, and how many alerts were pending in
    /// all when they were read: the sweep counts what stays pending from the same reads instead of reading them again.
    /// </summary>
    public async Task<(IReadOnlyList<PendingAlertEntity> Due, int Pending)> DueAndPendingAsync(int limit, CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(null, cancellationToken);
        return (Due(pending, limit), pending.Count);
    }

    private List<PendingAlertEntity> Due(IEnumerable<PendingAlertEntity> pending, int limit)
    {
        var now = _clock.GetUtcNow();
        return pending
            .Where(index => index.NextAttemptAt <= now && (index.ClaimedUntil <= now || HeldHere(index)))
            .OrderBy(index => index.NextAttemptAt)
            .ThenBy(index => index.RowKey, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>The index rows of every pending alert: one key-range query per partition, all at once.</summary>
    private async Task<IReadOnlyList<PendingAlertEntity>> PendingAsync(IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var perPartition = await Task.WhenAll(Partitions.Select(async partition =>
        {
            var rows = new List<PendingAlertEntity>();
            await foreach (var index in Table.QueryAsync<PendingAlertEntity>(Keys.RowKeyStartsWith(partition, PendingPrefix), select: select, cancellationToken: cancellationToken))
            {
                // Delivered by this process, its mark not written yet: not pending, whatever its row still says.
                if (!DeliveredHere(partition, index.RowKey))
                {
                    rows.Add(index);
                }
            }

            return rows;
        }));
        return perPartition.SelectMany(rows => rows).ToList();
    }

    /// <summary>
    /// The index rows of the named alerts still pending, read from their shards only (one query per shard they fall in):
    /// they were just stored, so none of them is in <see cref="LegacyPartition"/>.
    /// </summary>
    private async Task<IReadOnlyList<PendingAlertEntity>> NamedPendingAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new List<PendingAlertEntity>();
        foreach (var shard in ids.Distinct(StringComparer.Ordinal).GroupBy(PartitionOf, StringComparer.Ordinal))
        {
            var rows = string.Join(" or ", shard.Select(id => TableClient.CreateQueryFilter($"RowKey eq {PendingPrefix + id}")));
            await foreach (var index in Table.QueryAsync<PendingAlertEntity>($"{Keys.InPartition(shard.Key)} and ({rows})", cancellationToken: cancellationToken))
            {
                if (!DeliveredHere(shard.Key, index.RowKey))
                {
                    found.Add(index);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Claims one due alert for <see cref="EmailOptions.ClaimDuration"/>, which outlasts the longest send, so
    /// that two senders never send the same one; null when another sender changed it since it was listed.
    /// </summary>
    public async Task<ClaimedAlert?> TryClaimAsync(PendingAlertEntity due, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var claim = new PendingAlertEntity { PartitionKey = due.PartitionKey, RowKey = due.RowKey, NextAttemptAt = due.NextAttemptAt, ClaimedUntil = now + _claimDuration };
        try
        {
            var id = due.RowKey[PendingPrefix.Length..];
            _justAdded.TryRemove(id, out var added);
            if (added is { } held && held.Index.ETag == due.ETag && held.Index.ClaimedUntil - now > _longestSend)
            {
                // Stored claimed by this process, unchanged since, with time left for the longest send: no other sender takes
                // it before its claim lapses, so it is this process's to send without claiming it again.
                return new ClaimedAlert(await WithAttachmentsAsync(held.Record, cancellationToken), held.Index.ETag, due.PartitionKey);
            }

            var response = await Table.UpdateEntityAsync(claim, due.ETag, TableUpdateMode.Replace, cancellationToken);
            var record = added?.Record ?? (await Table.GetEntityAsync<AlertRecordEntity>(due.PartitionKey, RecordPrefix + id, cancellationToken: cancellationToken)).Value;
            return new ClaimedAlert(await WithAttachmentsAsync(record, cancellationToken), response.Headers.ETag ?? default, due.PartitionKey);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // Another sender claimed or finished it first.
            return null;
        }
    }

    /// <summary>
    /// Marks an alert delivered: the record says sent, and the pending index row goes, in one transaction.
    /// Returns false when the claim was lost (it lapsed and another sender took the alert): that sender
    /// decides, and nothing is thrown.
    /// </summary>
    public async Task<bool> MarkSentAsync(ClaimedAlert claimed, CancellationToken cancellationToken)
    {
        var (id, claim, partition) = (claimed.Alert.Message.Id, claimed.Claim, claimed.Partition);

        return await TrySubmitAsync(SentMarkOf(id, claim, partition, _clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>The two changes that mark an alert sent: its record says so, and its pending index row goes, on the claim's ETag.</summary>
    private static TableTransactionAction[] SentMarkOf(string id, ETag claim, string partition, DateTimeOffset sentAt)
    {
        // Partial updates are plain rows: a typed entity would also write its defaults over Kind and the rest.
        var record = new TableEntity(partition, RecordPrefix + id) { [nameof(AlertRecordEntity.State)] = nameof(AlertState.Sent), [nameof(AlertRecordEntity.SentAt)] = sentAt };
        var index = new PendingAlertEntity { PartitionKey = partition, RowKey = PendingPrefix + id, ETag = claim };
        return [new TableTransactionAction(TableTransactionActionType.UpdateMerge, record), new TableTransactionAction(TableTransactionActionType.Delete, index, claim)];
    }

    /// <summary>
    /// Records a failed send; the alert stays pending and is tried again after a growing pause. Returns false
    /// when the claim was lost.
    /// </summary>
    public async Task<bool> MarkFailedAsync(ClaimedAlert claimed, int attempts, string error, CancellationToken cancellationToken)
    {
        var (id, claim, partition) = (claimed.Alert.Message.Id, claimed.Claim, claimed.Partition);
        var now = _clock.GetUtcNow();
        var pause = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(attempts, 6))));
        var record = new TableEntity(partition, RecordPrefix + id)
        {
            [nameof(AlertRecordEntity.Attempts)] = attempts,
            [nameof(AlertRecordEntity.LastError)] = error.Length > 2000 ? error[..2000] : error,
            [nameof(AlertRecordEntity.LastAttemptAt)] = now,
        };
        var index = new PendingAlertEntity { PartitionKey = partition, RowKey = PendingPrefix + id, NextAttemptAt = now + pause, ClaimedUntil = DateTimeOffset.MinValue };
        return await TrySubmitAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateMerge, record, ETag.All), new TableTransactionAction(TableTransactionActionType.UpdateReplace, index, claim)],
            cancellationToken);
    }

    /// <summary>An alert by id, or null: a point read in its shard, and, for an alert stored before the outbox was spread, one in <see cref="LegacyPartition"/>.</summary>
    public async Task<StoredAlert?> GetAsync(string id, CancellationToken cancellationToken)
    {
        foreach (var partition in new[] { PartitionOf(id), LegacyPartition })
        {
            var record = await Table.GetEntityIfExistsAsync<AlertRecordEntity>(partition, RecordPrefix + id, cancellationToken: cancellationToken);
            if (record.HasValue && record.Value is { } row)
            {
                return await WithAttachmentsAsync(row, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>How many alerts wait to be delivered: the index rows of every partition, never the records of alerts sent.</summary>
    public async Task<int> PendingCountAsync(CancellationToken cancellationToken) =>
        (await PendingAsync(["RowKey"], cancellationToken)).Count;

    /// <summary>
    /// Whether the alert <paramref name="id"/> was stored already in <see cref="LegacyPartition"/>, by a version before the
    /// outbox was spread: the same alert stored again (a report retried across the upgrade, a reminder timer firing twice
    /// on the day) must not go out twice. Only while that partition holds alerts younger than <see cref="LegacyDuplicateWindow"/>
    /// does this cost a read per alert; whether it does is looked at once an hour, and never again once it does not.
    /// </summary>
    private async Task<bool> StoredBeforeSpreadAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var look = _legacy;
        if (look is null || (look.Recent && now - look.At > TimeSpan.FromHours(1)))
        {
            var recent = false;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LegacyPartition} and CreatedAt ge {now - LegacyDuplicateWindow}");
            await foreach (var _ in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                recent = true;
                break;
            }

            _legacy = look = new LegacyLook(recent, now);
        }

        return look.Recent
            && (await Table.GetEntityIfExistsAsync<TableEntity>(LegacyPartition, RecordPrefix + id, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;
    }

    /// <summary>
    /// Stores the message's attachments as <c>{id}/{file}</c>, keeping the first copy: the same alert queued again
    /// (a timer that fires twice) neither changes what a pending row points at nor what was sent.
    /// </summary>
    private async Task StoreAttachmentsAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (message.Attachments.Count == 0)
        {
            return;
        }

        await Files.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var attachment in message.Attachments)
        {
            try
            {
                await Files.GetBlobClient(AttachmentBlob(message.Id, attachment.FileName)).UploadAsync(
                    BinaryData.FromBytes(attachment.Content),
                    new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, HttpHeaders = new BlobHttpHeaders { ContentType = attachment.ContentType } },
                    cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Stored by an earlier attempt.
            }
        }
    }

    private async Task StoreBodyAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await Files.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var body = new StoredBody(message.To, message.Cc, message.Subject, message.Html, message.Text);
        try
        {
            await Files.GetBlobClient(AttachmentBlob(message.Id, BodyBlobName)).UploadAsync(
                BinaryData.FromObjectAsJson(body), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // Stored by an earlier attempt.
        }
    }

    private const string BodyBlobName = "message.json";

    /// <summary>The alert of <paramref name="row"/>, with its body (when too long for the row) and attachments read back from their blobs.</summary>
    private async Task<StoredAlert> WithAttachmentsAsync(AlertRecordEntity row, CancellationToken cancellationToken)
    {
        var body = row.BodyInBlob == true
            ? (await Files.GetBlobClient(AttachmentBlob(row.RowKey[RecordPrefix.Length..], BodyBlobName)).DownloadContentAsync(cancellationToken)).Value.Content.ToObjectFromJson<StoredBody>()
            : null;
        var alert = row.ToAlert(body);

        var stored = row.AttachmentList();
        if (stored.Count == 0)
        {
            return alert;
        }

        var attachments = new List<EmailAttachment>();
        foreach (var file in stored)
        {
            var content = await Files.GetBlobClient(AttachmentBlob(alert.Message.Id, file.FileName)).DownloadContentAsync(cancellationToken);
            attachments.Add(new EmailAttachment(file.FileName, file.ContentType, content.Value.Content.ToArray()));
        }

        return alert with { Message = alert.Message with { Attachments = attachments } };
    }

    private BlobContainerClient Files => _storage.Container(StorageNames.OutgoingContainer);

    private static string AttachmentBlob(string id, string fileName) => $"{id}/{fileName}";

    private async Task<bool> TrySubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }
}

/// <summary>The record row of an alert: the whole email and its delivery state.</summary>
public sealed class AlertRecordEntity : TableRow
{
    /// <summary>What the email is about.</summary>
    public AlertKind Kind { get; set; }

    /// <summary>The report or upload it came from.</summary>
    public string? Source { get; set; }

    /// <summary>Pending or sent.</summary>
    public AlertState State { get; set; }

    /// <summary>The To addresses as JSON.</summary>
    public string? To { get; set; }

    /// <summary>The Cc addresses as JSON.</summary>
    public string? Cc { get; set; }

    /// <summary>The subject.</summary>
    public string? Subject { get; set; }

    /// <summary>The HTML body.</summary>
    public string? Html { get; set; }

    /// <summary>The text body.</summary>
    public string? Text { get; set; }

    /// <summary>The unit whose upload link goes into the message when it is sent, or null.</summary>
    public string? LinkUnit { get; set; }

    /// <summary>The office that signs the message, named in its From line, or null for the configured name.</summary>
    public string? SenderName { get; set; }

    /// <summary>The attachments' names and types as JSON; their bytes are blobs of <see cref="StorageNames.OutgoingContainer"/>.</summary>
    public string? Attachments { get; set; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Failed sends so far.</summary>
    public int? Attempts { get; set; }

    /// <summary>The last failure.</summary>
    public string? LastError { get; set; }

    /// <summary>When the last send failed.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When the email service accepted it.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Whether the addresses and bodies are in the blob <c>{id}/message.json</c>, being too long for a property.</summary>
    public bool? BodyInBlob { get; set; }

    /// <summary>The most characters a string property may hold (64 KB of UTF-16), less a margin.</summary>
    internal const int MaxPropertyLength = 30_000;

    /// <summary>Whether any field is too long for a Table property, or all of them together for a row (1 MB).</summary>
    internal bool ExceedsPropertyLimit() =>
        new[] { To, Cc, Subject, Html, Text }.Any(field => field?.Length > MaxPropertyLength)
        || new[] { To, Cc, Subject, Html, Text }.Sum(field => field?.Length ?? 0) > 400_000;

    /// <summary>Empties the long fields, kept in the body blob instead.</summary>
    internal void WithBodyInBlob()
    {
        BodyInBlob = true;
        To = "[]";
        Cc = "[]";
        Html = "";
        Text = "";
        Subject = Subject?.Length > MaxPropertyLength ? Subject[..MaxPropertyLength] : Subject;
    }

    internal static AlertRecordEntity From(EmailMessage message, AlertKind kind, string source, DateTimeOffset now) => new()
    {
        PartitionKey = AlertOutbox.PartitionOf(message.Id),
        RowKey = AlertOutbox.RecordPrefix + message.Id,
        Kind = kind,
        Source = source,
        State = AlertState.Pending,
        To = JsonSerializer.Serialize(message.To),
        Cc = JsonSerializer.Serialize(message.Cc),
        Subject = message.Subject,
        Html = message.Html,
        Text = message.Text,
        LinkUnit = message.LinkUnit,
        SenderName = message.SenderName,
        Attachments = message.Attachments.Count == 0 ? null : JsonSerializer.Serialize(message.Attachments.Select(attachment => new StoredAttachment(attachment.FileName, attachment.ContentType)).ToList()),
        CreatedAt = now,
        Attempts = 0,
    };

    /// <summary>The attachments the row names, without their bytes.</summary>
    internal IReadOnlyList<StoredAttachment> AttachmentList() =>
        Attachments is null ? [] : JsonSerializer.Deserialize<List<StoredAttachment>>(Attachments) ?? [];

    /// <summary>
    /// The alert this row holds, without the attachments' bytes (<see cref="AlertOutbox"/> reads them); for a body kept
    /// in its blob (<see cref="BodyInBlob"/>), <paramref name="body"/> is what the blob holds.
    /// </summary>
    internal StoredAlert ToAlert(StoredBody? body = null) => new(
        new EmailMessage(
            RowKey[AlertOutbox.RecordPrefix.Length..],
            body?.To ?? JsonSerializer.Deserialize<List<EmailAddress>>(To ?? "[]")!,
            body?.Cc ?? JsonSerializer.Deserialize<List<EmailAddress>>(Cc ?? "[]")!,
            body?.Subject ?? Subject ?? "",
            body?.Html ?? Html ?? "",
            body?.Text ?? Text ?? "") { LinkUnit = LinkUnit, SenderName = SenderName },
        Kind,
        Source ?? "",
        State,
        Attempts ?? 0,
        LastError,
        CreatedAt ?? DateTimeOffset.MinValue,
        SentAt);
}

/// <summary>A message's addresses and bodies, stored as a blob when they do not fit in its row.</summary>
internal sealed record StoredBody(IReadOnlyList<EmailAddress> To, IReadOnlyList<EmailAddress> Cc, string Subject, string Html, string Text);

/// <summary>An attachment as the outbox row names it: the blob is <c>{alert id}/{file name}</c>.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="ContentType">The MIME type.</param>
internal sealed record StoredAttachment(string FileName, string ContentType);

/// <summary>The index row of an alert still to be delivered: when it may be tried next and who holds it.</summary>
public sealed class PendingAlertEntity : TableRow
{
    /// <summary>Not before this time.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A sender holds it until this time.</summary>
    public DateTimeOffset ClaimedUntil { get; set; }
}
