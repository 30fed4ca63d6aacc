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
/// <remarks>
/// The state lives in the place and period's partition of <c>Results</c>, beside its results (rows <c>~s|{indicator}</c>
/// and <c>~s|~version</c>), so a first report's claim and its results are one transaction
/// (<see cref="TryClaimAsync"/>'s <c>alongside</c>). It had a table of its own (<c>AlertState</c>, same partitions, rows by
/// indicator) until the national-scale work; that table is read, never written: the partitions it holds are listed once
/// per process, and the state of one of them is read there until a claim writes it beside the results.
/// </remarks>
public sealed class AlertStateStore
{
    /// <summary>The row-key prefix of the state's rows among the results: after the latest rows and their history (<c>~h|</c>).</summary>
    public const string Prefix = "~s|";

    /// <summary>
    /// The row every claim on a place and period rewrites, conditionally on the version read: two claims made
    /// from the same state can never both succeed, even when they change different indicators (a plan depends on
    /// every indicator's state, not only on those it changes). Not an indicator code, so never read as one.
    /// </summary>
    internal const string VersionRow = Prefix + "~version";

    /// <summary>The version row's key in the former table.</summary>
    private const string FormerVersionRow = "~version";

    private readonly StorageClients _storage;
    private Task<IReadOnlySet<string>>? _formerPartitions;

    /// <summary>Creates the store.</summary>
    public AlertStateStore(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.ResultsTable);

    /// <summary>The state as kept before it moved beside the results: read, never written.</summary>
    private TableClient Former => _storage.Table(StorageNames.AlertStateTable);

    /// <summary>The statuses alerted for a place and period, by indicator code.</summary>
    public async Task<IReadOnlyDictionary<string, Status>> GetAsync(string jurisdiction, Period period, CancellationToken cancellationToken) =>
        (await ReadAsync(jurisdiction, period, cancellationToken)).AlertedBefore(reportKey: null);

    /// <summary>The state of a place and period as it is now, with what a claim on it must find unchanged.</summary>
    public async Task<AlertStateRead> ReadAsync(string jurisdiction, Period period, CancellationToken cancellationToken)
    {
        var partition = Keys.PlaceAndPeriod(jurisdiction, period.ToString());
        var (rows, version) = await RowsAsync(Table, Keys.RowKeyStartsWith(partition, Prefix), VersionRow, Prefix.Length, cancellationToken);
        if (version is null && rows.Count == 0 && (await FormerPartitionsAsync(cancellationToken)).Contains(partition))
        {
            // Never claimed since the state moved: what the former table says is what people were told.
            (rows, version) = await RowsAsync(Former, Keys.InPartition(partition), FormerVersionRow, 0, cancellationToken);
            return new AlertStateRead(partition, rows, version, former: true);
        }

        return new AlertStateRead(partition, rows, version);
    }

    private static async Task<(Dictionary<string, AlertStateEntity> Rows, AlertStateEntity? Version)> RowsAsync(
        TableClient table, string filter, string versionRow, int codeStart, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, AlertStateEntity>(StringComparer.Ordinal);
        AlertStateEntity? version = null;
        await foreach (var row in table.QueryAsync<AlertStateEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == versionRow)
            {
                version = row;
            }
            else
            {
                rows[row.RowKey[codeStart..]] = row;
            }
        }

        return (rows, version);
    }

    /// <summary>
    /// The state of a place and period taken to be empty without reading it: for a report that is most likely the first of
    /// its place and period (a commune's, whose committee alone reports for it), one request saved. A claim on it adds the
    /// version row and a row for each of <paramref name="indicators"/>, the statuses the plan left alone included, so it
    /// fails if anything of the place and period's state is stored, even rows written before claims had a version row;
    /// the state is then read and the alerts planned again. Null for a place and period whose state is in the former
    /// table, which a claim beside the results would not see: it is read.
    /// </summary>
    public async Task<AlertStateRead?> UnreadAsync(string jurisdiction, Period period, IEnumerable<string> indicators, CancellationToken cancellationToken)
    {
        var partition = Keys.PlaceAndPeriod(jurisdiction, period.ToString());
        return (await FormerPartitionsAsync(cancellationToken)).Contains(partition)
            ? null
            : new AlertStateRead(partition, new Dictionary<string, AlertStateEntity>(StringComparer.Ordinal), version: null, mustBeAbsent: [.. indicators]);
    }

    /// <summary>
    /// The partitions of the former table, listed once per process: one request where it is empty (every deployment made
    /// since the state moved), and a read of its keys where it is not, which no claim adds to.
    /// </summary>
    private Task<IReadOnlySet<string>> FormerPartitionsAsync(CancellationToken cancellationToken)
    {
        var listing = _formerPartitions ??= ListFormerPartitionsAsync(cancellationToken);
        if (listing.IsFaulted || listing.IsCanceled)
        {
            // A failed listing is not kept: the next report lists again.
            _formerPartitions = null;
        }

        return listing;
    }

    private async Task<IReadOnlySet<string>> ListFormerPartitionsAsync(CancellationToken cancellationToken)
    {
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in Former.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                partitions.Add(row.PartitionKey);
            }
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // A deployment that never had the table: nothing kept there.
        }

        return partitions;
    }

    /// <summary>
    /// Records the statuses a report's alerts were planned with (<paramref name="changes"/>: a status alerted, or
    /// null for one recovered), in one transaction that succeeds only if nothing of the place and period's state
    /// changed since <paramref name="read"/>. False when another report's claim came first: read again, plan
    /// again, claim again, and queue only what the successful claim was planned with.
    /// </summary>
    /// <param name="read">The state the alerts were planned from.</param>
    /// <param name="changes">The statuses claimed.</param>
    /// <param name="reportKey">The report claiming them.</param>
    /// <param name="cancellationToken">Stops the claim; nothing of it is stored then.</param>
    /// <param name="alongside">
    /// Writes to the same partition of <c>Results</c> (a first report's results) made in the claim's transaction, so both are
    /// stored or neither. When they would not fit in one transaction, nothing is written and false is returned, for the
    /// caller to claim again without them; a conflict on them also fails the claim.
    /// </param>
    public async Task<bool> TryClaimAsync(
        AlertStateRead read, IReadOnlyDictionary<string, Status?> changes, string reportKey, CancellationToken cancellationToken,
        IReadOnlyList<TableTransactionAction>? alongside = null)
    {
        if (changes.Count == 0 && read.Unchecked.Count == 0 && alongside is null)
        {
            return true;
        }

        var before = read.AlertedBefore(reportKey);
        var version = new AlertStateEntity { PartitionKey = read.Partition, RowKey = VersionRow, Report = reportKey };
        var actions = new List<TableTransactionAction> { Conditional(version, read.Former ? null : read.Version) };
        var claimed = changes.Concat(read.Unchecked.Where(code => !changes.ContainsKey(code)).Select(code => KeyValuePair.Create(code, (Status?)null)));
        foreach (var (code, status) in claimed)
        {
            // A recovered indicator keeps its row with no status, so the claim stays conditional and remembers what it replaced.
            var entity = new AlertStateEntity
            {
                PartitionKey = read.Partition, RowKey = Prefix + code, Status = status?.Word() ?? "", Report = reportKey,
                Previous = before.TryGetValue(code, out var previous) ? previous.Word() : "",
            };
            actions.Add(Conditional(entity, read.Former ? null : read.Rows.GetValueOrDefault(code)));
        }

        var batches = TableBatches.Of(alongside is null ? actions : [.. actions, .. alongside]).ToList();
        if (alongside is not null && batches.Count > 1)
        {
            return false;
        }

        // One transaction holds 100 entities; a plan has far fewer indicators. Were it split, the version row goes
        // first, and a conflict in a later part leaves rows that the next plan reads as this report's own.
        foreach (var chunk in batches)
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
    internal AlertStateRead(string partition, IReadOnlyDictionary<string, AlertStateEntity> rows, AlertStateEntity? version, IReadOnlyList<string>? mustBeAbsent = null, bool former = false)
    {
        Partition = partition;
        Rows = rows;
        Version = version;
        Unchecked = mustBeAbsent ?? [];
        Former = former;
    }

    /// <summary>Whether it was read from the former table: a claim adds its rows beside the results, where none are yet.</summary>
    internal bool Former { get; }

    /// <summary>For a state taken as empty unread (<see cref="AlertStateStore.UnreadAsync"/>), the indicators a claim must find absent.</summary>
    internal IReadOnlyList<string> Unchecked { get; }

    internal string Partition { get; }

    /// <summary>The rows by indicator code.</summary>
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
        foreach (var (code, row) in Rows)
        {
            var word = reportKey is not null && row.Report == reportKey && row.Previous is not null ? row.Previous : row.Status;
            if (StatusText.TryParse(word, out var status))
            {
                states[code] = status;
            }
        }

        return states;
    }
}

/// <summary>A row of a place and period's alert state: in its partition of <c>Results</c>, row <c>~s|{indicator}</c> (in the former <c>AlertState</c>, the indicator code).</summary>
public sealed class AlertStateEntity : TableRow
{
    /// <summary>The status word alerted; empty once the indicator recovered (the row stays, for the next claim's condition).</summary>
    public string Status { get; set; } = "";

    /// <summary>The report that caused it.</summary>
    public string? Report { get; set; }

    /// <summary>The status word alerted before that report's claim (empty for none); null in rows written before claims.</summary>
    public string? Previous { get; set; }
}
