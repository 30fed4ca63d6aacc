using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace GenderPlan.Workflow.Notifications;

/// <summary>
/// Sent marks written together: an email delivered is marked sent with the next email stored in its partition, in that
/// email's transaction, or with the others of its partition once <see cref="EmailOptions.SentMarkDelay"/> has passed, in
/// one transaction for up to 50; the sweep writes every mark still due before it reads what is pending. On a deadline day
/// that turns a request per email into nearly none.
/// </summary>
/// <remarks>
/// Until its mark is written, an email's row says pending, and the sender's claim (<see cref="EmailOptions.ClaimDuration"/>,
/// minutes, against a delay of seconds) keeps every other sender off it; this process knows it delivered it and neither
/// sends nor counts it again. A process that dies in between leaves those marks unwritten: the emails are sent again once
/// their claims lapse, as an email is when a process dies between the service accepting it and its mark, only over
/// seconds instead of milliseconds.
/// </remarks>
public sealed partial class AlertOutbox
{
    /// <summary>The most marks an email's transaction carries: two actions each beside its own two, within a transaction's 100.</summary>
    private const int MarksWithAnEmail = 49;

    /// <summary>The most marks one transaction of marks alone carries.</summary>
    private const int MarksPerTransaction = 50;

    private readonly TimeSpan _sentMarkDelay;

    /// <summary>The emails this process delivered whose marks are not written yet, by partition and id.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Delivered>> _unmarked = new(StringComparer.Ordinal);

    /// <summary>The partitions with a write of their marks already scheduled.</summary>
    private readonly ConcurrentDictionary<string, byte> _markWriteScheduled = new(StringComparer.Ordinal);

    private sealed record Delivered(string Id, ETag Claim, string Partition, DateTimeOffset SentAt);

    /// <summary>
    /// Marks a delivered alert sent, in a transaction shared with other writes of its partition, within
    /// <see cref="EmailOptions.SentMarkDelay"/>; at once when that is zero. False only when written at once and the claim
    /// was lost (as <see cref="MarkSentAsync"/>); a mark left for later that finds its claim lost is left to the other sender.
    /// </summary>
    public async Task<bool> MarkSentSoonAsync(ClaimedAlert claimed, CancellationToken cancellationToken)
    {
        if (_sentMarkDelay <= TimeSpan.Zero)
        {
            return await MarkSentAsync(claimed, cancellationToken);
        }

        var delivered = new Delivered(claimed.Alert.Message.Id, claimed.Claim, claimed.Partition, _clock.GetUtcNow());
        _unmarked.GetOrAdd(delivered.Partition, _ => new ConcurrentDictionary<string, Delivered>(StringComparer.Ordinal))[delivered.Id] = delivered;
        ScheduleMarks(delivered.Partition);
        return true;
    }

    /// <summary>Writes every mark still due (the sweep's first step, and the host's last: <see cref="SentMarksAtStop"/>), a transaction per 50 of a partition.</summary>
    public async Task WriteSentMarksAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in _unmarked.Keys)
        {
            await WriteMarksAsync(TakeMarks(partition, int.MaxValue), cancellationToken);
        }
    }

    /// <summary>Whether the pending row <paramref name="rowKey"/> of <paramref name="partition"/> is an email this process delivered and has not marked yet.</summary>
    private bool DeliveredHere(string partition, string rowKey) =>
        _unmarked.TryGetValue(partition, out var marks) && marks.ContainsKey(rowKey[PendingPrefix.Length..]);

    /// <summary>
    /// Stores an email (<paramref name="store"/>) with the marks due in its partition, in one transaction. Returns its
    /// answers (<see cref="SentMarksOutcome.Stored"/>); that the email was stored before, its marks kept for the next write;
    /// or, when no mark was due or one of them failed the transaction (its claim lost to another sender, the marks then
    /// written on their own), that the caller is to store the email alone.
    /// </summary>
    private async Task<(SentMarksOutcome Outcome, IReadOnlyList<Response>? Answers)> TryStoreWithSentMarksAsync(
        TableTransactionAction[] store, string partition, CancellationToken cancellationToken)
    {
        var marks = TakeMarks(partition, MarksWithAnEmail);
        if (marks.Count == 0)
        {
            return (SentMarksOutcome.StoreAlone, null);
        }

        try
        {
            return (SentMarksOutcome.Stored, (await Table.SubmitTransactionAsync([.. store, .. marks.SelectMany(MarkOf)], cancellationToken)).Value);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409 && exception.FailedTransactionActionIndex < store.Length)
        {
            // The email was stored before (a report retried, a timer firing twice): nothing else was wrong.
            Restore(marks);
            return (SentMarksOutcome.StoredBefore, null);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            // A claim lost to another sender: each mark goes its own way, and so does the email.
            await WriteMarksAsync(marks, cancellationToken);
            return (SentMarksOutcome.StoreAlone, null);
        }
        catch
        {
            Restore(marks);
            throw;
        }
    }

    /// <summary>What became of an email stored with the marks due in its partition.</summary>
    private enum SentMarksOutcome
    {
        /// <summary>Stored, with the marks.</summary>
        Stored,

        /// <summary>Stored before: not again; the marks wait for the next write.</summary>
        StoredBefore,

        /// <summary>Not stored yet: the caller stores it alone.</summary>
        StoreAlone,
    }

    /// <summary>Writes <paramref name="marks"/>, 50 to a transaction; one whose claim was lost (another sender took its email) is left to that sender.</summary>
    private async Task WriteMarksAsync(IReadOnlyList<Delivered> marks, CancellationToken cancellationToken)
    {
        for (var start = 0; start < marks.Count; start += MarksPerTransaction)
        {
            var batch = marks.Skip(start).Take(MarksPerTransaction).ToList();
            try
            {
                if (!await TrySubmitAsync(batch.SelectMany(MarkOf), cancellationToken))
                {
                    foreach (var mark in batch)
                    {
                        await TrySubmitAsync(MarkOf(mark), cancellationToken);
                    }
                }
            }
            catch
            {
                Restore(marks.Skip(start));
                throw;
            }
        }
    }

    private static TableTransactionAction[] MarkOf(Delivered mark) => SentMarkOf(mark.Id, mark.Claim, mark.Partition, mark.SentAt);

    /// <summary>Takes up to <paramref name="most"/> marks due in <paramref name="partition"/>: each is taken by one writer only.</summary>
    private List<Delivered> TakeMarks(string partition, int most)
    {
        var taken = new List<Delivered>();
        if (!_unmarked.TryGetValue(partition, out var marks))
        {
            return taken;
        }

        foreach (var id in marks.Keys)
        {
            if (taken.Count == most)
            {
                break;
            }

            if (marks.TryRemove(id, out var mark))
            {
                taken.Add(mark);
            }
        }

        return taken;
    }

    /// <summary>Puts back marks a write could not make (storage unreachable), for the next write to try.</summary>
    private void Restore(IEnumerable<Delivered> marks)
    {
        foreach (var mark in marks)
        {
            _unmarked.GetOrAdd(mark.Partition, _ => new ConcurrentDictionary<string, Delivered>(StringComparer.Ordinal)).TryAdd(mark.Id, mark);
            ScheduleMarks(mark.Partition);
        }
    }

    /// <summary>Has the marks of <paramref name="partition"/> written in <see cref="EmailOptions.SentMarkDelay"/>, unless a write is scheduled already.</summary>
    private void ScheduleMarks(string partition)
    {
        if (_markWriteScheduled.TryAdd(partition, 0))
        {
            _ = WriteMarksLaterAsync(partition);
        }
    }

    private async Task WriteMarksLaterAsync(string partition)
    {
        // Wall-clock time: the delay bounds how long a row lags behind what was sent, not a time of the plan.
        await Task.Delay(_sentMarkDelay).ConfigureAwait(false);
        _markWriteScheduled.TryRemove(partition, out _);
        try
        {
            await WriteMarksAsync(TakeMarks(partition, int.MaxValue), CancellationToken.None);
        }
        catch (Exception)
        {
            // Nobody awaits this write: the marks it could not make were put back, and another write is scheduled.
        }
    }
}
