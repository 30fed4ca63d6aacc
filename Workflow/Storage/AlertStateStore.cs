using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// The status last alerted per indicator, place and period: what makes alerts go out once. Reports for the same
/// place and period may be scored at the same time (the same file sent twenty times, several units at once), so
/// the state is changed only by a claim that is conditional on the state the alerts were planned against
/// (<see cref="TryClaimAsync"/>): of two plans made from the same state one wins, and the other is made again
/// from the winner's state before anything of it is queued.
/// </summary>
public sealed class AlertStateStore
{
    /// <summary>
    /// The row every claim on a place and period rewrites, conditionally on the version read: two claims made
    /// from the same state can never both succeed, even when they change different indicators (a plan depends on
    /// every indicator's state, not only on those it changes). Not an indicator code, so never read as one.
    /// </summary>
    internal const string VersionRow = "~version";

    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public AlertStateStore(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.AlertStateTable);

    /// <summary>The statuses alerted for a place and period, by indicator code.</summary>
    public async Task<IReadOnlyDictionary<string, Status>> GetAsync(string jurisdiction, Period period, CancellationToken cancellationToken) =>
        (await ReadAsync(jurisdiction, period, cancellationToken)).AlertedBefore(reportKey: null);

    /// <summary>The state of a place and period as it is now, with what a claim on it must find unchanged.</summary>
    public async Task<AlertStateRead> ReadAsync(string jurisdiction, Period period, CancellationToken cancellationToken)
    {
        var partition = Keys.PlaceAndPeriod(jurisdiction, period.ToString());
        var rows = new Dictionary<string, AlertStateEntity>(StringComparer.Ordinal);
        AlertStateEntity? version = null;
        await foreach (var row in Table.QueryAsync<AlertStateEntity>(Keys.InPartition(partition), cancellationToken: cancellationToken))
        {
            if (row.RowKey == VersionRow)
            {
                version = row;
            }
            else
            {
                rows[row.RowKey] = row;
            }
        }

        return new AlertStateRead(partition, rows, version);
    }

    /// <summary>
    /// The state of a place and period taken to be empty without reading it: for a report that is most likely the first of
    /// its place and period (a commune's, whose committee alone reports for it), one request saved. A claim on it adds the
    /// version row and a row for each of <paramref name="indicators"/>, the statuses the plan left alone included, so it
    /// fails if anything of the place and period's state is stored, even rows written before claims had a version row;
    /// the state is then read and the alerts planned again.
    /// </summary>
    public static AlertStateRead Unread(string jurisdiction, Period period, IEnumerable<string> indicators) =>
        new(Keys.PlaceAndPeriod(jurisdiction, period.ToString()), new Dictionary<string, AlertStateEntity>(StringComparer.Ordinal), version: null, mustBeAbsent: [.. indicators]);

    /// <summary>
    /// Records the statuses a report's alerts were planned with (<paramref name="changes"/>: a status alerted, or
    /// null for one recovered), in one transaction that succeeds only if nothing of the place and period's state
    /// changed since <paramref name="read"/>. False when another report's claim came first: read again, plan
    /// again, claim again, and queue only what the successful claim was planned with.
    /// </summary>
    public async Task<bool> TryClaimAsync(AlertStateRead read, IReadOnlyDictionary<string, Status?> changes, string reportKey, CancellationToken cancellationToken)
    {
        if (changes.Count == 0 && read.Unchecked.Count == 0)
        {
            return true;
        }

        var before = read.AlertedBefore(reportKey);
        var version = new AlertStateEntity { PartitionKey = read.Partition, RowKey = VersionRow, Report = reportKey };
        var actions = new List<TableTransactionAction> { Conditional(version, read.Version) };
        var claimed = changes.Concat(read.Unchecked.Where(code => !changes.ContainsKey(code)).Select(code => KeyValuePair.Create(code, (Status?)null)));
        foreach (var (code, status) in claimed)
        {
            // A recovered indicator keeps its row with no status, so the claim stays conditional and remembers what it replaced.
            var entity = new AlertStateEntity
            {
                PartitionKey = read.Partition, RowKey = code, Status = status?.Word() ?? "", Report = reportKey,
                Previous = before.TryGetValue(code, out var previous) ? previous.Word() : "",
            };
            actions.Add(Conditional(entity, read.Rows.GetValueOrDefault(code)));
        }

        // One transaction holds 100 entities; a plan has far fewer indicators. Were it split, the version row goes
        // first, and a conflict in a later part leaves rows that the next plan reads as this report's own.
        foreach (var chunk in actions.Chunk(100))
        {
            try
            {
                await Table.SubmitTransactionAsync(chunk, cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
            {
                return false;
            }
        }

        return true;
    }

    private static TableTransactionAction Conditional(AlertStateEntity entity, AlertStateEntity? current) =>
        current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.ETag);
}

/// <summary>A place and period's alert state as read: the rows by indicator and the version a claim must find.</summary>
public sealed class AlertStateRead
{
    internal AlertStateRead(string partition, IReadOnlyDictionary<string, AlertStateEntity> rows, AlertStateEntity? version, IReadOnlyList<string>? mustBeAbsent = null)
    {
        Partition = partition;
        Rows = rows;
        Version = version;
        Unchecked = mustBeAbsent ?? [];
    }

    /// <summary>For a state taken as empty unread (<see cref="AlertStateStore.Unread"/>), the indicators a claim must find absent.</summary>
    internal IReadOnlyList<string> Unchecked { get; }

    internal string Partition { get; }

    internal IReadOnlyDictionary<string, AlertStateEntity> Rows { get; }

    internal AlertStateEntity? Version { get; }

    /// <summary>
    /// The statuses alerted before <paramref name="reportKey"/>: a row that report claimed counts as what it
    /// replaced, so the same report recorded again (a retry after a crash between its claim and its messages)
    /// plans the same alerts, whose ids are the same, and the outbox stores them once.
    /// </summary>
    public IReadOnlyDictionary<string, Status> AlertedBefore(string? reportKey)
    {
        var states = new Dictionary<string, Status>(StringComparer.Ordinal);
        foreach (var row in Rows.Values)
        {
            var word = reportKey is not null && row.Report == reportKey && row.Previous is not null ? row.Previous : row.Status;
            if (StatusText.TryParse(word, out var status))
            {
                states[row.RowKey] = status;
            }
        }

        return states;
    }
}

/// <summary>A row of the <c>AlertState</c> table: partition the place and period, row the indicator code.</summary>
public sealed class AlertStateEntity : TableRow
{
    /// <summary>The status word alerted; empty once the indicator recovered (the row stays, for the next claim's condition).</summary>
    public string Status { get; set; } = "";

    /// <summary>The report that caused it.</summary>
    public string? Report { get; set; }

    /// <summary>The status word alerted before that report's claim (empty for none); null in rows written before claims.</summary>
    public string? Previous { get; set; }
}
