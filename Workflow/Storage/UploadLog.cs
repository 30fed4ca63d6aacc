using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Storage;

/// <summary>Where processing of one uploaded blob version stands.</summary>
public enum UploadState
{
    /// <summary>Being processed, or failed and waiting for a retry.</summary>
    Processing,

    /// <summary>Scored, or rules activated.</summary>
    Done,

    /// <summary>Refused for its content; kept with its errors.</summary>
    Rejected,

    /// <summary>Given up after repeated faults; the coordinator was told.</summary>
    Failed,
}

/// <summary>How processing of a blob version ended, each fact in its own column of the log.</summary>
/// <param name="State">Where it stands now.</param>
/// <param name="ReportKey">A scored report: its key in the report log.</param>
/// <param name="RulesOutcome">A rules file taken in: what became of the rules (<c>Activated</c>, <c>Unchanged</c>...).</param>
/// <param name="Error">A version given up on: why.</param>
/// <param name="Problems">A refused file: what is wrong with it.</param>
public sealed record UploadOutcome(UploadState State, string? ReportKey = null, string? RulesOutcome = null, string? Error = null, IReadOnlyList<Problem>? Problems = null)
{
    /// <summary>A report scored and logged under <paramref name="reportKey"/>.</summary>
    public static UploadOutcome Scored(string reportKey) => new(UploadState.Done, ReportKey: reportKey);

    /// <summary>A rules file taken in, with <paramref name="outcome"/>.</summary>
    public static UploadOutcome RulesTaken(string outcome) => new(UploadState.Done, RulesOutcome: outcome);

    /// <summary>A file refused for its content.</summary>
    public static UploadOutcome Rejected(IReadOnlyList<Problem> problems) => new(UploadState.Rejected, Problems: problems);

    /// <summary>A version given up on after faults.</summary>
    public static UploadOutcome Failed(string error) => new(UploadState.Failed, Error: error);
}

/// <summary>An attempt at one blob version.</summary>
/// <param name="Blob">The blob version; null when the blob is gone.</param>
/// <param name="Key">The blob version's key in the log.</param>
/// <param name="Attempt">Which attempt this is, from 1; 0 when the version was finished before, or another worker holds it now.</param>
/// <param name="PreviousDied">An earlier attempt started and never ended, not even with an error: the process died in it.</param>
/// <param name="Busy">Another worker is on this version right now (a trigger delivered twice); try again later.</param>
/// <param name="Arrival">
/// The version's arrival number: given when the version is first claimed and the same on every retry, strictly
/// greater than every number given before. 0 when processing may not go ahead.
/// </param>
public sealed record UploadAttempt(StoredBlob? Blob, string Key, int Attempt, bool PreviousDied = false, bool Busy = false, long Arrival = 0)
{
    /// <summary>Whether processing may go ahead.</summary>
    public bool CanProceed => Blob is not null && Attempt > 0;

    /// <summary>
    /// The version's row as this attempt wrote it, with the ETag it got: <see cref="UploadLog.FinishAsync(string, UploadAttempt, UploadOutcome, CancellationToken, FigureChange?)"/>
    /// replaces it on that ETag instead of reading it again. Null when the answer wrote no row, or storage gave no ETag.
    /// </summary>
    internal UploadEntity? Row { get; init; }
}

/// <summary>
/// One row per uploaded blob version (name and ETag). Triggers fire at least once: this is what makes the
/// second firing a no-op, and what stops a report that keeps failing from looping forever. Each attempt is
/// marked in flight until it ends, with an error or not; an attempt found still in flight after
/// <see cref="InFlightLimit"/> died with its process, and the file that may have killed it is not read again.
/// </summary>
/// <remarks>
/// It is also where reports get their order. A blob's <c>LastModified</c> is exact to the second only, so two uploads
/// in the same second tie; instead each version gets an arrival number when it is first claimed, from a counter row
/// of its container's partition (<see cref="ArrivalCounterRow"/>), written in one transaction with the version's
/// own row: the number is never lost between the two, and two claims never get the same one (the loser of the
/// ETag race claims again). A retry of the version reads its number back, so it can never overtake a later upload.
/// "Current" everywhere (the report log, the latest results, the added-up figures) is the highest arrival number.
/// </remarks>
public sealed class UploadLog
{
    /// <summary>Longer than any attempt takes (reading a 5 MB file and writing its results takes seconds).</summary>
    public static readonly TimeSpan InFlightLimit = TimeSpan.FromMinutes(10);

    /// <summary>Claims lose the counter's ETag race to concurrent uploads; each loss is one more upload numbered, so this many is far from a livelock.</summary>
    private const int MaxClaimRetries = 50;

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;

    /// <summary>Creates the log.</summary>
    public UploadLog(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    private TableClient Table => _storage.Table(StorageNames.UploadsTable);

    /// <summary>
    /// Starts processing <paramref name="blob"/> (null: it is gone), counting the attempt. The answer says
    /// whether this version was finished before (a trigger firing twice), or which attempt this is.
    /// </summary>
    public async Task<UploadAttempt> BeginAsync(string container, StoredBlob? blob, CancellationToken cancellationToken)
    {
        if (blob is null)
        {
            return new UploadAttempt(null, "", 0);
        }

        var key = KeyOf(container, blob.Name, blob.ETag);
        // Nearly every version arrives once: its first claim adds the row without looking for it first, and only a
        // claim that fails (the row is there already, or another upload took the number) reads it.
        var lookFirst = false;
        for (var retry = 0; ; retry++)
        {
            var now = _clock.GetUtcNow();
            var existing = lookFirst ? await Table.GetEntityIfExistsAsync<UploadEntity>(container, key, cancellationToken: cancellationToken) : null;
            var optimistic = !lookFirst;
            lookFirst = true;
            try
            {
                if (existing is null || !existing.HasValue || existing.Value is not { } row)
                {
                    row = new UploadEntity { PartitionKey = container, RowKey = key, Blob = blob.Name, State = UploadState.Processing, Attempts = 1, FirstSeenAt = now, InFlightUntil = now + InFlightLimit };
                    var arrival = await ClaimArrivalAsync(container, new TableTransactionAction(TableTransactionActionType.Add, row), row, cancellationToken);
                    return new UploadAttempt(blob, key, 1, Arrival: arrival) { Row = Written(row) };
                }

                if (row.State != UploadState.Processing)
                {
                    return new UploadAttempt(blob, key, 0);
                }

                if (row.InFlightUntil > now)
                {
                    return new UploadAttempt(blob, key, 0, Busy: true);
                }

                var died = row.InFlightUntil is not null;
                row.Attempts++;
                row.InFlightUntil = now + InFlightLimit;
                if (row.Arrival is { } claimed)
                {
                    var updated = await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                    row.ETag = updated.Headers.ETag ?? default;
                    return new UploadAttempt(blob, key, row.Attempts, died, Arrival: claimed) { Row = Written(row) };
                }

                // A row written before arrival numbers existed: the version gets its number now, once.
                var late = await ClaimArrivalAsync(container, new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag), row, cancellationToken);
                return new UploadAttempt(blob, key, row.Attempts, died, Arrival: late) { Row = Written(row) };
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 && retry < MaxClaimRetries)
            {
                // Two triggers for the same blob at once, or another version took the next arrival number: look again.
                // After a claim made without looking, look at once: the row is most likely there from an earlier delivery.
                if (!optimistic)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * (1 + Math.Min(retry, 10)))), cancellationToken);
                }
            }
        }
    }

    /// <summary>The row as written, when its ETag is known; a row without one is read again at the end.</summary>
    private static UploadEntity? Written(UploadEntity row) => row.ETag == default ? null : row;

    /// <summary>
    /// Takes the next arrival number of <paramref name="container"/> for <paramref name="row"/> and writes both in one
    /// transaction (<paramref name="write"/> writes the row): either both are stored or neither, and a concurrent claim
    /// fails the transaction on the counter's ETag (412) or on its creation (409).
    /// </summary>
    private async Task<long> ClaimArrivalAsync(string container, TableTransactionAction write, UploadEntity row, CancellationToken cancellationToken)
    {
        // One claim at a time in this process, from the counter as this process last wrote it: no read of the counter
        // while this process is the one numbering reports. Another process's claim in between fails this one on the
        // counter's ETag; the counter is then read again, here and by the caller's retry.
        await _claiming.WaitAsync(cancellationToken);
        try
        {
            ArrivalCounterRow counter;
            bool exists;
            if (_counters.TryGetValue(container, out var known))
            {
                (counter, exists) = (new ArrivalCounterRow { PartitionKey = container, RowKey = ArrivalCounterRow.Key, Last = known.Last, ETag = known.ETag }, true);
            }
            else
            {
                var found = await Table.GetEntityIfExistsAsync<ArrivalCounterRow>(container, ArrivalCounterRow.Key, cancellationToken: cancellationToken);
                counter = found.HasValue && found.Value is { } stored ? stored : new ArrivalCounterRow { PartitionKey = container, RowKey = ArrivalCounterRow.Key };
                exists = found.HasValue;
            }

            var arrival = counter.Last + 1;
            counter.Last = arrival;
            row.Arrival = arrival;
            Response<IReadOnlyList<Response>> written;
            try
            {
                written = await Table.SubmitTransactionAsync(
                    [exists ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, counter.ETag) : new TableTransactionAction(TableTransactionActionType.Add, counter), write],
                    cancellationToken);
            }
            catch
            {
                _counters.TryRemove(container, out _);
                throw;
            }

            if (written.Value.Count > 1 && written.Value[0].Headers.ETag is { } counterETag)
            {
                _counters[container] = new ArrivalCounterRow { PartitionKey = container, RowKey = ArrivalCounterRow.Key, Last = arrival, ETag = counterETag };
            }
            else
            {
                _counters.TryRemove(container, out _);
            }

            // The row's ETag as written, so the attempt's end replaces it without reading it back.
            row.ETag = written.Value.Count > 1 && written.Value[1].Headers.ETag is { } etag ? etag : default;
            return arrival;
        }
        finally
        {
            _claiming.Release();
        }
    }

    // The counter of each container as this process last wrote it, and the gate that keeps this process's claims in turn.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ArrivalCounterRow> _counters = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _claiming = new(1, 1);

    /// <summary>
    /// Ends an attempt that failed with <paramref name="error"/> (or was cancelled), so the next one may start at
    /// once. Best effort: when storage itself is what failed, the mark stays and the attempt counts as having
    /// died once <see cref="InFlightLimit"/> has passed; the caller's own exception is what matters.
    /// </summary>
    public async Task<bool> TryEndFailedAttemptAsync(string container, string key, string error)
    {
        try
        {
            var existing = await Table.GetEntityIfExistsAsync<UploadEntity>(container, key);
            if (existing.HasValue && existing.Value is { } row)
            {
                row.InFlightUntil = null;
                row.Error = Bounded(error);
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
            }

            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }

    /// <summary>The row of a blob version, or null when processing has not begun.</summary>
    public async Task<UploadEntity?> FindAsync(string container, string key, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<UploadEntity>(container, key, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value : null;
    }

    /// <summary>The key of a blob version.</summary>
    public static string KeyOf(string container, string blob, ETag etag) => Keys.Hash(container, blob, etag.ToString());

    /// <summary>
    /// Records how the attempt <paramref name="attempt"/> ended: its row is replaced on the ETag the attempt left it with,
    /// with no read; when the row changed meanwhile (an attempt that outlived <see cref="InFlightLimit"/>, and another took
    /// the version over), it is read again and written as <see cref="FinishAsync(string, string, UploadOutcome, CancellationToken, FigureChange?)"/> does.
    /// </summary>
    /// <param name="container">The uploads' container.</param>
    /// <param name="attempt">The attempt that ends.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="cancellationToken">Stops the write; the attempt then stays unfinished, and its retry ends it.</param>
    /// <param name="change">
    /// The figures the attempt stored, noted for the sweep in the same transaction as the end (<see cref="ChangeLog.UploadRowOf"/>):
    /// an attempt that ends has noted its change, and one that stopped before is done again.
    /// </param>
    public async Task FinishAsync(string container, UploadAttempt attempt, UploadOutcome outcome, CancellationToken cancellationToken, FigureChange? change = null)
    {
        if (attempt.Row is { } row && row.PartitionKey == container && row.RowKey == attempt.Key)
        {
            var ended = Ended(Copy(row), outcome);
            try
            {
                await SubmitAsync(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ended, row.ETag), container, change, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Changed since the attempt wrote it: record the end on the row as it is now.
            }
        }

        await FinishAsync(container, attempt.Key, outcome, cancellationToken, change);
    }

    /// <summary>Records how processing ended, and the change its figures made (<paramref name="change"/>), if any, with it.</summary>
    public async Task FinishAsync(string container, string key, UploadOutcome outcome, CancellationToken cancellationToken, FigureChange? change = null)
    {
        var existing = await Table.GetEntityIfExistsAsync<UploadEntity>(container, key, cancellationToken: cancellationToken);
        var row = existing.HasValue && existing.Value is { } found ? found : new UploadEntity { PartitionKey = container, RowKey = key };
        await SubmitAsync(new TableTransactionAction(TableTransactionActionType.UpsertReplace, Ended(row, outcome)), container, change, cancellationToken);
    }

    /// <summary>Writes an upload's end, and with it, in the same transaction, the change its figures made.</summary>
    private async Task SubmitAsync(TableTransactionAction end, string container, FigureChange? change, CancellationToken cancellationToken)
    {
        if (change is null)
        {
            await (end.ActionType == TableTransactionActionType.UpdateReplace
                ? Table.UpdateEntityAsync(end.Entity, end.ETag, TableUpdateMode.Replace, cancellationToken)
                : Table.UpsertEntityAsync(end.Entity, TableUpdateMode.Replace, cancellationToken));
            return;
        }

        await Table.SubmitTransactionAsync([end, new TableTransactionAction(TableTransactionActionType.UpsertReplace, ChangeLog.UploadRowOf(container, change))], cancellationToken);
    }

    /// <summary><paramref name="row"/> with the end of processing recorded.</summary>
    private UploadEntity Ended(UploadEntity row, UploadOutcome outcome)
    {
        row.State = outcome.State;
        row.InFlightUntil = null;
        row.FinishedAt = _clock.GetUtcNow();
        row.ReportKey = outcome.ReportKey;
        row.RulesOutcome = outcome.RulesOutcome;
        row.Error = outcome.Error is { } error ? Bounded(error) : null;
        row.ProblemCount = outcome.Problems?.Count;
        row.ProblemsJson = outcome.Problems is { } problems ? StoredProblems.ToJson(problems) : null;
        return row;
    }

    // The attempt's row stays as written: a fallback after a lost ETag race must not carry this write's fields.
    private static UploadEntity Copy(UploadEntity row) => new()
    {
        PartitionKey = row.PartitionKey, RowKey = row.RowKey, Blob = row.Blob, State = row.State, Attempts = row.Attempts, FirstSeenAt = row.FirstSeenAt,
        InFlightUntil = row.InFlightUntil, FinishedAt = row.FinishedAt, ReportKey = row.ReportKey, RulesOutcome = row.RulesOutcome, Error = row.Error,
        ProblemCount = row.ProblemCount, ProblemsJson = row.ProblemsJson, Arrival = row.Arrival,
    };

    /// <summary>An exception's message may be long; the log keeps enough to act on.</summary>
    private static string Bounded(string error) => error.Length > 4000 ? error[..4000] : error;
}

/// <summary>A row of the <c>Uploads</c> table: partition the container, row the blob version's key.</summary>
public sealed class UploadEntity : TableRow
{
    /// <summary>The blob's name.</summary>
    public string? Blob { get; set; }

    /// <summary>Where processing stands.</summary>
    public UploadState State { get; set; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the version was first seen.</summary>
    public DateTimeOffset? FirstSeenAt { get; set; }

    /// <summary>Until when the current attempt holds the version; null when no attempt is running.</summary>
    public DateTimeOffset? InFlightUntil { get; set; }

    /// <summary>When processing ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>A scored report: its key in the report log.</summary>
    public string? ReportKey { get; set; }

    /// <summary>A rules file: what became of the rules.</summary>
    public string? RulesOutcome { get; set; }

    /// <summary>The last attempt's error, or why the version was given up on.</summary>
    public string? Error { get; set; }

    /// <summary>A refused file: how many problems it had.</summary>
    public int? ProblemCount { get; set; }

    /// <summary>A refused file: its problems as data (<see cref="StoredProblems"/>), at most 30,000 characters.</summary>
    public string? ProblemsJson { get; set; }

    /// <summary>A refused file's problems, as stored.</summary>
    public StoredProblems Problems() => StoredProblems.FromJson(ProblemsJson);

    /// <summary>The version's arrival number, given when it was first claimed; null on rows written before numbers existed.</summary>
    public long? Arrival { get; set; }
}

/// <summary>
/// The last arrival number given in a container: a row of the <c>Uploads</c> table in the container's partition,
/// beside the versions it numbers (version rows are keyed by a hex hash, so <see cref="Key"/> never clashes).
/// </summary>
public sealed class ArrivalCounterRow : TableRow
{
    /// <summary>The counter's row key.</summary>
    public const string Key = "~arrivals";

    /// <summary>The last number given.</summary>
    public long Last { get; set; }
}
