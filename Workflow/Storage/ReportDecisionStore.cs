using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Approval;
using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Storage;

/// <summary>How far a return's re-counting got: the decision is stored first, then the results, then the sums and pages.</summary>
public enum ReturnProgress
{
    /// <summary>Stored; the report's results may still stand (or an approval, which needs nothing more).</summary>
    Decided,

    /// <summary>The place's latest results are again what the other reports say; the sums and pages may still lag.</summary>
    ResultsRestored,

    /// <summary>Sums added up again, pages published, the unit's email queued.</summary>
    Done,
}

/// <summary>A report's decision as stored, with the report it is about.</summary>
/// <param name="Period">The report's period.</param>
/// <param name="ReportKey">The report log's key.</param>
/// <param name="Jurisdiction">The report's place.</param>
/// <param name="Unit">The unit that sent it.</param>
/// <param name="Arrival">Its arrival number.</param>
/// <param name="Stamp">What was decided, by whom, when, why.</param>
/// <param name="Progress">How far a return's re-counting got.</param>
/// <param name="Weight">
/// What the return adds to the basis of the sums over its place (<see cref="ResultStore.BasisOf"/>): its arrival number
/// times the indicators it carried, plus one, so sums added up after the return always count as newer than those added
/// up with the report in them. 0 until the results are restored.
/// </param>
public sealed record StoredDecision(string Period, string ReportKey, string Jurisdiction, string Unit, long Arrival, DecisionStamp Stamp, ReturnProgress Progress, long Weight);

/// <summary>
/// The decisions about reports (<c>ReportDecisions</c>): partition the period, row the report log's key, as in
/// <c>Reports</c>, so a period's decisions are one partition read beside its reports. The first decision is written
/// with Add, so of two people deciding at once one wins and the other reads the winner's; each decision also writes a
/// history row (<c>~history~{report}~{ticks}</c>) in the same transaction. Progress rows are updated with their ETag.
/// </summary>
public sealed class ReportDecisionStore
{
    private const string HistoryPrefix = "~history~";
    private readonly StorageClients _storage;
    private volatile bool _scannedOnce;

    /// <summary>Creates the store.</summary>
    public ReportDecisionStore(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.ReportDecisionsTable);

    /// <summary>
    /// Stores <paramref name="decision"/> unless the report was decided before; returns the decision that stands (the
    /// earlier one when there was one) and whether this call stored it.
    /// </summary>
    /// <remarks>
    /// A return first writes its mark in <see cref="OpenPartition"/>, so the sweep finds the returns to finish in one small
    /// partition (<see cref="UnfinishedReturnsAsync"/>); a mark whose return lost to an earlier decision, or is done, goes there.
    /// </remarks>
    public async Task<(StoredDecision Standing, bool Stored)> DecideAsync(StoredDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Stamp.State == ApprovalState.Returned)
        {
            await Table.UpsertEntityAsync(
                new TableEntity(OpenPartition, OpenRow(decision.Period, decision.ReportKey)) { [nameof(StoredDecision.Period)] = decision.Period, [nameof(StoredDecision.ReportKey)] = decision.ReportKey },
                TableUpdateMode.Replace, cancellationToken);
        }

        var row = DecisionEntity.From(decision);
        var history = DecisionEntity.From(decision);
        history.RowKey = $"{HistoryPrefix}{decision.ReportKey}~{Keys.Ticks(decision.Stamp.At)}";
        try
        {
            await Table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, row), new TableTransactionAction(TableTransactionActionType.UpsertReplace, history)], cancellationToken);
            return (decision, true);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return (await FindAsync(decision.Period, decision.ReportKey, cancellationToken) ?? throw new InvalidOperationException($"decision {decision.ReportKey} vanished"), false);
        }
    }

    /// <summary>The decision about a report, or null when none was taken.</summary>
    public async Task<StoredDecision?> FindAsync(string period, string reportKey, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<DecisionEntity>(period, reportKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToDecision() : null;
    }

    /// <summary>Every decision of a period (not the history), keyed by report.</summary>
    public async Task<IReadOnlyDictionary<string, StoredDecision>> ForPeriodAsync(Period period, CancellationToken cancellationToken) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()} and RowKey lt {HistoryPrefix}"), cancellationToken))
            .ToDictionary(decision => decision.ReportKey, StringComparer.Ordinal);

    /// <summary>
    /// The returns of a period, filtered by the storage: what the roll-up counts in its sums' basis and what a return's
    /// re-counting must keep out, without reading every approval of the country's period.
    /// </summary>
    public async Task<IReadOnlyList<StoredDecision>> ReturnsAsync(Period period, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()} and RowKey lt {HistoryPrefix} and State eq {ApprovalState.Returned.Word()}"), cancellationToken);

    /// <summary>Every decision of every period (not the history): for the approvals page, and once for the report index's copy.</summary>
    public async Task<IReadOnlyDictionary<string, StoredDecision>> AllAsync(CancellationToken cancellationToken) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey lt {OpenPartition} and RowKey lt {HistoryPrefix}"), cancellationToken))
            .ToDictionary(decision => decision.ReportKey, StringComparer.Ordinal);

    /// <summary>
    /// The returns whose re-counting has not finished: what the sweep finishes. Found from their marks
    /// (<see cref="OpenPartition"/>: one partition, as small as the returns under way), and on a process's first call also
    /// by a filter over the whole table, for returns decided before the marks existed; marks of finished returns go.
    /// </summary>
    public async Task<IReadOnlyList<StoredDecision>> UnfinishedReturnsAsync(CancellationToken cancellationToken)
    {
        var unfinished = new Dictionary<string, StoredDecision>(StringComparer.Ordinal);
        if (!_scannedOnce)
        {
            foreach (var decision in await QueryAsync(
                TableClient.CreateQueryFilter($"PartitionKey lt {OpenPartition} and State eq {ApprovalState.Returned.Word()} and Progress ne {ReturnProgress.Done.ToString()} and RowKey lt {HistoryPrefix}"), cancellationToken))
            {
                unfinished[decision.ReportKey] = decision;
            }

            _scannedOnce = true;
        }

        await foreach (var mark in Table.QueryAsync<TableEntity>(Keys.InPartition(OpenPartition), cancellationToken: cancellationToken))
        {
            var found = await FindAsync(mark.GetString(nameof(StoredDecision.Period)), mark.GetString(nameof(StoredDecision.ReportKey)), cancellationToken);
            if (found is { Stamp.State: ApprovalState.Returned } && found.Progress != ReturnProgress.Done)
            {
                unfinished[found.ReportKey] = found;
            }
            else
            {
                await ForgetMarkAsync(mark.RowKey, cancellationToken);
            }
        }

        return [.. unfinished.Values];
    }

    /// <summary>The partition of the marks of returns under way: after every period's, never read as one.</summary>
    internal const string OpenPartition = "~open";

    private static string OpenRow(string period, string reportKey) => $"{period}~{reportKey}";

    private async Task ForgetMarkAsync(string row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(OpenPartition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Forgotten already, by another sweep.
        }
    }

    /// <summary>The history of a report's decisions, oldest first.</summary>
    public Task<IReadOnlyList<StoredDecision>> HistoryAsync(string period, string reportKey, CancellationToken cancellationToken) =>
        QueryAsync(Keys.RowKeyStartsWith(period, $"{HistoryPrefix}{reportKey}~"), cancellationToken);

    /// <summary>Moves a return on to <paramref name="progress"/> (never back), with its weight once known.</summary>
    public async Task AdvanceAsync(StoredDecision decision, ReturnProgress progress, long weight, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await Table.GetEntityIfExistsAsync<DecisionEntity>(decision.Period, decision.ReportKey, cancellationToken: cancellationToken);
            if (!found.HasValue || Enum.Parse<ReturnProgress>(found.Value!.Progress) >= progress)
            {
                return;
            }

            var row = found.Value;
            row.Progress = progress.ToString();
            row.Weight = weight;
            try
            {
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                if (progress == ReturnProgress.Done)
                {
                    await ForgetMarkAsync(OpenRow(decision.Period, decision.ReportKey), cancellationToken);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < 5)
            {
                // Another sweep moved it meanwhile: read again.
            }
        }
    }

    private async Task<IReadOnlyList<StoredDecision>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var decisions = new List<StoredDecision>();
        await foreach (var row in Table.QueryAsync<DecisionEntity>(filter, cancellationToken: cancellationToken))
        {
            decisions.Add(row.ToDecision());
        }

        return decisions;
    }
}

/// <summary>A row of <c>ReportDecisions</c>.</summary>
public sealed class DecisionEntity : TableRow
{
    /// <summary>The report log's key (the row key of the decision itself; repeated on history rows).</summary>
    public string Report { get; set; } = "";

    /// <summary>The report's place.</summary>
    public string Jurisdiction { get; set; } = "";

    /// <summary>The unit that sent the report.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The report's arrival number.</summary>
    public long Arrival { get; set; }

    /// <summary><c>approved</c> or <c>returned</c>.</summary>
    public string State { get; set; } = "";

    /// <summary>The unit that decided.</summary>
    public string By { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The reason given.</summary>
    public string Reason { get; set; } = "";

    /// <summary>How far a return's re-counting got (<see cref="ReturnProgress"/>).</summary>
    public string Progress { get; set; } = nameof(ReturnProgress.Decided);

    /// <summary>What the return adds to the sums' basis (<see cref="StoredDecision.Weight"/>).</summary>
    public long Weight { get; set; }

    internal static DecisionEntity From(StoredDecision decision) => new()
    {
        PartitionKey = decision.Period,
        RowKey = decision.ReportKey,
        Report = decision.ReportKey,
        Jurisdiction = decision.Jurisdiction,
        Unit = decision.Unit,
        Arrival = decision.Arrival,
        State = decision.Stamp.State.Word(),
        By = decision.Stamp.By,
        At = decision.Stamp.At,
        Reason = decision.Stamp.Reason,
        Progress = decision.Progress.ToString(),
        Weight = decision.Weight,
    };

    internal StoredDecision ToDecision() => new(
        PartitionKey, Report, Jurisdiction, Unit, Arrival,
        new DecisionStamp(State == ApprovalState.Returned.Word() ? ApprovalState.Returned : ApprovalState.Approved, By, At, Reason),
        Enum.TryParse<ReturnProgress>(Progress, out var progress) ? progress : ReturnProgress.Decided,
        Weight);
}
