using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;

namespace GenderPlan.Workflow.Storage;

/// <summary>A case as stored, with the stamp a change must find unchanged.</summary>
/// <param name="Case">The case.</param>
/// <param name="ETag">Its row's ETag.</param>
/// <param name="Steps">How many events its history holds: the next one's number, so the history reads in order even within one instant.</param>
public sealed record StoredFollowUp(FollowUpCase Case, ETag ETag, int Steps);

/// <summary>
/// The follow-up cases (<c>FollowUps</c>), partitioned by the unit that must act: a unit's page and
/// <c>GET /api/follow-ups?unit=</c> read one partition, and a case is one point read since its id names its unit.
/// A case row (<c>c|{id}</c>) and the event that changed it (<c>h|{id}|{ticks}</c>) are written in one transaction,
/// conditional on the case's ETag, so two answers at once never lose one and the history never disagrees with the
/// case. Opening is an insert that a second delivery of the same alert finds done.
/// </summary>
public sealed class FollowUpStore
{
    private const string CasePrefix = "c|";
    private const string EventPrefix = "h|";
    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public FollowUpStore(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.FollowUpsTable);

    /// <summary>The case with <paramref name="id"/>, or null.</summary>
    public async Task<StoredFollowUp?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (FollowUpCase.UnitOf(id) is not { } unit)
        {
            return null;
        }

        var row = await Table.GetEntityIfExistsAsync<FollowUpEntity>(unit, CasePrefix + id, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } found ? new StoredFollowUp(found.ToCase(), found.ETag, found.Steps) : null;
    }

    /// <summary>Every case of <paramref name="unit"/>, newest first.</summary>
    public async Task<IReadOnlyList<FollowUpCase>> ForUnitAsync(string unit, CancellationToken cancellationToken)
    {
        var cases = new List<FollowUpCase>();
        await foreach (var row in Table.QueryAsync<FollowUpEntity>(Keys.RowKeyStartsWith(unit, CasePrefix), cancellationToken: cancellationToken))
        {
            cases.Add(row.ToCase());
        }

        return [.. cases.OrderByDescending(found => found.At)];
    }

    /// <summary>Every case not closed, of every unit: what the clock and the digest look at.</summary>
    public async Task<IReadOnlyList<StoredFollowUp>> OpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<StoredFollowUp>();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {CasePrefix} and RowKey lt {"c}"} and State ne {nameof(FollowUpState.Resolved)}");
        await foreach (var row in Table.QueryAsync<FollowUpEntity>(filter, cancellationToken: cancellationToken))
        {
            open.Add(new StoredFollowUp(row.ToCase(), row.ETag, row.Steps));
        }

        return open;
    }

    /// <summary>The cases of <paramref name="place"/> and <paramref name="period"/>, open or closed, for its page and report.</summary>
    public async Task<IReadOnlyList<FollowUpCase>> ForPlaceAsync(string place, string period, CancellationToken cancellationToken)
    {
        var cases = new List<FollowUpCase>();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {CasePrefix} and RowKey lt {"c}"} and Place eq {place} and Period eq {period}");
        await foreach (var row in Table.QueryAsync<FollowUpEntity>(filter, cancellationToken: cancellationToken))
        {
            cases.Add(row.ToCase());
        }

        return cases;
    }

    /// <summary>
    /// The cases of any of <paramref name="places"/>, every period, open or closed: a scorecard page and the province
    /// report read a place and the places below it for all the periods they show, in one query rather than one per
    /// place and period.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpCase>> ForPlacesAsync(IReadOnlyCollection<string> places, CancellationToken cancellationToken)
    {
        var cases = new List<FollowUpCase>();
        if (places.Count == 0)
        {
            return cases;
        }

        var wanted = places as IReadOnlySet<string> ?? places.ToHashSet(StringComparer.Ordinal);
        var filter = places.Count == 1
            ? TableClient.CreateQueryFilter($"RowKey ge {CasePrefix} and RowKey lt {"c}"} and Place eq {places.First()}")
            : TableClient.CreateQueryFilter($"RowKey ge {CasePrefix} and RowKey lt {"c}"}");
        await foreach (var row in Table.QueryAsync<FollowUpEntity>(filter, cancellationToken: cancellationToken))
        {
            if (wanted.Contains(row.Place))
            {
                cases.Add(row.ToCase());
            }
        }

        return cases;
    }

    /// <summary>
    /// The cases of <paramref name="place"/> kept by any of <paramref name="units"/>, every period: one key range in each
    /// unit's partition, where <see cref="ForPlacesAsync"/> reads every unit's. A page knows which units its place's cases
    /// go to (its committee, or the plan's leads), so its cost stays with those units, not with the country's cases.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpCase>> ForPlaceAsync(string place, IEnumerable<string> units, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(units.Distinct(StringComparer.Ordinal).Select(async unit =>
        {
            var cases = new List<FollowUpCase>();
            var filter = $"{Keys.RowKeyStartsWith(unit, CasePrefix)} and {TableClient.CreateQueryFilter($"Place eq {place}")}";
            await foreach (var row in Table.QueryAsync<FollowUpEntity>(filter, cancellationToken: cancellationToken))
            {
                cases.Add(row.ToCase());
            }

            return cases;
        }));
        return [.. reads.SelectMany(cases => cases)];
    }

    /// <summary>The steps of a case, oldest first.</summary>
    public async Task<IReadOnlyList<FollowUpEvent>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        var events = new List<FollowUpEvent>();
        if (FollowUpCase.UnitOf(id) is not { } unit)
        {
            return events;
        }

        await foreach (var row in Table.QueryAsync<FollowUpEventEntity>(Keys.RowKeyStartsWith(unit, $"{EventPrefix}{id}|"), cancellationToken: cancellationToken))
        {
            events.Add(new FollowUpEvent(row.At, row.By, row.What, row.Note));
        }

        return events;
    }

    /// <summary>Stores a new case and its first event; false when it exists already (the same alert delivered again).</summary>
    public async Task<bool> TryAddAsync(FollowUpCase opened, FollowUpEvent what, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, FollowUpEntity.From(opened, steps: 1)), new TableTransactionAction(TableTransactionActionType.UpsertReplace, EventRow(opened, what, 0))],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the changes of one unit's cases in as few transactions as Table storage allows (a case and its event are
    /// two entities, never split): a report's new cases cost one request rather than one each. Each transaction is all or
    /// nothing; returns the writes of those that failed because a case was there already (an alert delivered again) or
    /// changed meanwhile, none of them stored, for the caller to make one by one.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpWrite>> TryWriteTogetherAsync(IReadOnlyList<FollowUpWrite> writes, CancellationToken cancellationToken)
    {
        var notWritten = new List<FollowUpWrite>();
        foreach (var group in Transactions(writes))
        {
            try
            {
                await Table.SubmitTransactionAsync(group.SelectMany(Actions), cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 or 404)
            {
                notWritten.AddRange(group);
            }
        }

        return notWritten;
    }

    /// <summary>The writes in groups of whole cases within <see cref="TableBatches.MaxEntities"/> and <see cref="TableBatches.MaxBytes"/>.</summary>
    private static IEnumerable<IReadOnlyList<FollowUpWrite>> Transactions(IReadOnlyList<FollowUpWrite> writes)
    {
        var group = new List<FollowUpWrite>();
        long bytes = 0;
        foreach (var write in writes)
        {
            var size = Actions(write).Sum(action => TableBatches.EstimatedBytes(action.Entity));
            if (group.Count > 0 && (2 * (group.Count + 1) > TableBatches.MaxEntities || bytes + size > TableBatches.MaxBytes))
            {
                yield return group;
                (group, bytes) = ([], 0);
            }

            group.Add(write);
            bytes += size;
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }

    private static IEnumerable<TableTransactionAction> Actions(FollowUpWrite write) => write.Read is { } read
        ? [new TableTransactionAction(TableTransactionActionType.UpdateReplace, FollowUpEntity.From(write.Case, read.Steps + 1), read.ETag),
           new TableTransactionAction(TableTransactionActionType.UpsertReplace, EventRow(write.Case, write.Event, read.Steps))]
        : [new TableTransactionAction(TableTransactionActionType.Add, FollowUpEntity.From(write.Case, steps: 1)),
           new TableTransactionAction(TableTransactionActionType.UpsertReplace, EventRow(write.Case, write.Event, 0))];

    /// <summary>Replaces the case <paramref name="read"/> and adds the event; false when it changed meanwhile.</summary>
    public async Task<bool> TryReplaceAsync(FollowUpCase changed, FollowUpEvent what, StoredFollowUp read, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.UpdateReplace, FollowUpEntity.From(changed, read.Steps + 1), read.ETag),
                 new TableTransactionAction(TableTransactionActionType.UpsertReplace, EventRow(changed, what, read.Steps))],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    // The step's number orders the history, also within one instant; the case's ETag makes each number written once.
    private static FollowUpEventEntity EventRow(FollowUpCase changed, FollowUpEvent what, int step) => new()
    {
        PartitionKey = changed.Unit,
        RowKey = $"{EventPrefix}{changed.Id}|{step:D6}",
        At = what.At,
        By = what.By,
        What = what.What,
        Note = what.Note,
    };
}

/// <summary>A change to one case, for <see cref="FollowUpStore.TryWriteTogetherAsync"/>.</summary>
/// <param name="Case">The case as it is to be stored.</param>
/// <param name="Event">The event that made it so.</param>
/// <param name="Read">The case as read, whose ETag the change must find; null to open a new case.</param>
public sealed record FollowUpWrite(FollowUpCase Case, FollowUpEvent Event, StoredFollowUp? Read = null);

/// <summary>A case row.</summary>
public sealed class FollowUpEntity : TableRow
{
    /// <summary>The indicator code.</summary>
    public string Indicator { get; set; } = "";

    /// <summary>The place.</summary>
    public string Place { get; set; } = "";

    /// <summary>The period.</summary>
    public string Period { get; set; } = "";

    /// <summary>The status alerted last, as its wire word.</summary>
    public string Status { get; set; } = "";

    /// <summary>The state's name.</summary>
    public string State { get; set; } = "";

    /// <summary>The day it was opened, yyyy-MM-dd.</summary>
    public string OpenedOn { get; set; } = "";

    /// <summary>The unit's action.</summary>
    public string? Action { get; set; }

    /// <summary>The expected date, yyyy-MM-dd.</summary>
    public string? ExpectedBy { get; set; }

    /// <summary>Who acted last.</summary>
    public string By { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Why it was closed, the resolution's name.</summary>
    public string? Resolution { get; set; }

    /// <summary>The reason given.</summary>
    public string? Reason { get; set; }

    /// <summary>Whether the unit was reminded.</summary>
    public bool Reminded { get; set; }

    /// <summary>How many events the case's history holds.</summary>
    public int Steps { get; set; }

    internal static FollowUpEntity From(FollowUpCase value, int steps) => new()
    {
        PartitionKey = value.Unit,
        RowKey = "c|" + value.Id,
        Indicator = value.Indicator,
        Place = value.Place,
        Period = value.Period,
        Status = value.Status.Word(),
        State = value.State.ToString(),
        OpenedOn = value.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Action = value.Action,
        ExpectedBy = value.ExpectedBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        By = value.By,
        At = value.At,
        Resolution = value.Resolution?.ToString(),
        Reason = value.Reason,
        Reminded = value.Reminded,
        Steps = steps,
    };

    internal FollowUpCase ToCase() => new(
        RowKey[2..], PartitionKey, Indicator, Place, Period, StatusText.TryParse(Status, out var status) ? status : Core.Domain.Status.OffTrack,
        Enum.TryParse<FollowUpState>(State, out var state) ? state : FollowUpState.Open,
        DateOnly.ParseExact(OpenedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), Action,
        ExpectedBy is null ? null : DateOnly.ParseExact(ExpectedBy, "yyyy-MM-dd", CultureInfo.InvariantCulture), By, At,
        Enum.TryParse<FollowUpResolution>(Resolution, out var resolution) ? resolution : null, Reason, Reminded);
}

/// <summary>An event row: one step of a case.</summary>
public sealed class FollowUpEventEntity : TableRow
{
    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who.</summary>
    public string By { get; set; } = "";

    /// <summary>What.</summary>
    public string What { get; set; } = "";

    /// <summary>In their words.</summary>
    public string? Note { get; set; }
}
