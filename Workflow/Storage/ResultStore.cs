using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Workflow.Storage;

/// <summary>One stored indicator result, as the scorecard, the HTTP endpoint and the dashboard read it.</summary>
/// <param name="Indicator">The code.</param>
/// <param name="Period">The period.</param>
/// <param name="Jurisdiction">The place.</param>
/// <param name="Status">The status.</param>
/// <param name="Value">The value, or null when not applicable.</param>
/// <param name="Target">The target the status was judged against: the milestone in force for the period.</param>
/// <param name="Baseline">The baseline, or null.</param>
/// <param name="ProgressRatio">CR, where computed.</param>
/// <param name="Expected">Where the indicator should stand now.</param>
/// <param name="Lead">The lead unit.</param>
/// <param name="Coordinating">The coordinating units.</param>
/// <param name="Explanation">The sentences saying why.</param>
/// <param name="RulesVersion">The rules version that produced it.</param>
/// <param name="Report">The report it came from.</param>
/// <param name="Unit">The unit that sent the report.</param>
/// <param name="ReceivedAt">When that report arrived.</param>
/// <param name="Source">Whether a unit reported the figure, or it was added up from the communes' reports.</param>
/// <param name="Counts">The numerator and denominator behind a rate, where known: what the district's sum adds up.</param>
/// <param name="Coverage">For a figure added up from the communes, which of them it covers.</param>
/// <param name="Arrival">The report's arrival number (for an added-up figure, the total over the results it adds up); 0 when stored before numbers existed.</param>
public sealed record StoredResult(
    string Indicator, string Period, string Jurisdiction, Status Status, decimal? Value, decimal Target, decimal? Baseline,
    double? ProgressRatio, decimal? Expected, string Lead, IReadOnlyList<string> Coordinating, LocalizedText Explanation,
    string RulesVersion, string Report, string Unit, DateTimeOffset ReceivedAt,
    FigureSource Source = FigureSource.Reported, Counts? Counts = null, Coverage? Coverage = null, long Arrival = 0);

/// <summary>
/// Indicator results: the latest per place, period and indicator, and every result ever scored, side by side in one
/// partition of <c>Results</c> per place and period (the history's rows under <see cref="ResultEntity.HistoryPrefix"/>),
/// so one report is one transaction; and a report that arrived earlier (a lower arrival number, see
/// <see cref="UploadLog"/>) never overwrites one that arrived later, however late it is scored or retried.
/// </summary>
/// <remarks>
/// The history was a table of its own (<c>ResultHistory</c>) until the national-scale work: one more request per
/// report. Its rows are left where they are and read beside the new ones by the two readers of the history
/// (<see cref="ForReportAsync"/>, <see cref="RestoreWithoutAsync"/>); nothing writes there any more.
/// </remarks>
public sealed class ResultStore
{
    private const int MaxConflictRetries = 5;
    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public ResultStore(StorageClients storage) => _storage = storage;

    private TableClient Latest => _storage.Table(StorageNames.ResultsTable);

    /// <summary>The history as written before it moved beside the latest rows: read, never written.</summary>
    private TableClient FormerHistory => _storage.Table(StorageNames.ResultHistoryTable);

    /// <summary>Stores every score of <paramref name="card"/> with the sentence that explains it (<paramref name="explanations"/>, in the same order).</summary>
    /// <remarks>
    /// <paramref name="rescoredBy"/> names the rules version of a re-scoring: the report's results are scored again,
    /// so the latest rows are replaced while the history keeps the first scoring and adds this one beside it.
    /// A new report's rows are first added blind, with no read: the first report of a place and period (most reports, on
    /// a deadline day every one) then costs one transaction. Where any of its indicators is stored already, that
    /// transaction fails whole, and the rows are read and merged by arrival.
    /// </remarks>
    public async Task SaveAsync(
        Scorecard card, IReadOnlyList<LocalizedText> explanations, string reportKey, string unit, DateTimeOffset receivedAt, long arrival, CancellationToken cancellationToken,
        string? rescoredBy = null)
    {
        var (rows, history) = RowsOf(card, explanations, reportKey, unit, receivedAt, arrival, rescoredBy);
        if (rescoredBy is null && await TryAddAsync([.. history, .. rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))], cancellationToken))
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SaveLatestAsync(Keys.PlaceAndPeriod(card.Jurisdiction, card.Period.ToString()), rows, history, arrival, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxConflictRetries)
            {
                // Another report for the same place and period won the race; read again and merge.
            }
        }
    }

    /// <summary>
    /// A new report's results as <see cref="SaveAsync"/> first tries them, added blind with their history, as actions on the
    /// place and period's partition: for the alert claim to carry in its own transaction
    /// (<see cref="AlertStateStore.TryClaimAsync"/>). Should that transaction fail, <see cref="SaveAsync"/> stores them.
    /// </summary>
    public static IReadOnlyList<TableTransactionAction> FirstReportActions(
        Scorecard card, IReadOnlyList<LocalizedText> explanations, string reportKey, string unit, DateTimeOffset receivedAt, long arrival)
    {
        var (rows, history) = RowsOf(card, explanations, reportKey, unit, receivedAt, arrival, rescoredBy: null);
        return [.. history, .. rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))];
    }

    private static (List<ResultEntity> Rows, List<TableTransactionAction> History) RowsOf(
        Scorecard card, IReadOnlyList<LocalizedText> explanations, string reportKey, string unit, DateTimeOffset receivedAt, long arrival, string? rescoredBy)
    {
        var rows = card.Scores.Select((score, index) => ResultEntity.From(score, explanations[index], card, reportKey, unit, receivedAt, arrival)).ToList();
        var history = rows.Select(row => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace, row.WithRowKey(ResultEntity.HistoryRowKey(row.Indicator, arrival, reportKey, rescoredBy)))).ToList();
        return (rows, history);
    }

    /// <summary>Submits <paramref name="actions"/>; false when a row they add exists already (what was submitted before it stays: the history is upserted again).</summary>
    private async Task<bool> TryAddAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var chunk in TableBatches.Of(actions))
            {
                await Latest.SubmitTransactionAsync(chunk, cancellationToken);
            }

            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Stores a place's figures added up from the places below it (rows <c>{indicator}~communes</c>, beside the reported
    /// ones, in the place's own partition): the plan's own place's, and a place between's (a district of a province's
    /// plan). They are derived data, recomputed whole from the current results below each time, so a newer computation
    /// replaces the last and keeps no history; "newer" is by <paramref name="basis"/>, not by who writes last: a
    /// computation that read fewer of the later reports below never replaces one that read more.
    /// </summary>
    /// <param name="place">The place the sums are for.</param>
    /// <param name="period">The period.</param>
    /// <param name="rolled">The sums to store.</param>
    /// <param name="stale">The indicators whose stored sum no place below supports any more, to take away.</param>
    /// <param name="rulesVersion">The rules version that scored the sums.</param>
    /// <param name="computedAt">When they were added up.</param>
    /// <param name="basis">
    /// The total of the arrival numbers of the results below the place that were read (<see cref="BasisOf"/>). A latest
    /// result is only ever replaced by one with a higher number, so a computation that read a later state of them has a
    /// higher total.
    /// </param>
    /// <param name="cancellationToken">Stops the writes.</param>
    /// <returns>False when the stored sums were added up from a later state and were kept.</returns>
    public async Task<bool> SaveRolledUpAsync(
        string place, Period period, IReadOnlyList<RolledUp> rolled, IReadOnlyList<string> stale, string rulesVersion, DateTimeOffset computedAt, long basis,
        CancellationToken cancellationToken)
    {
        var partition = Keys.PlaceAndPeriod(place, period.ToString());
        for (var attempt = 1; ; attempt++)
        {
            var existing = new Dictionary<string, ResultEntity>(StringComparer.Ordinal);
            await foreach (var row in Latest.QueryAsync<ResultEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {ResultEntity.HistoryPrefix} and Source eq {FigureSourceText.Communes}"), select: ["RowKey", "Arrival"], cancellationToken: cancellationToken))
            {
                existing[row.RowKey] = row;
            }

            if (existing.Values.Any(row => (row.Arrival ?? 0) > basis))
            {
                return false;
            }

            // Each write is conditional on the row read above, so a computation stored in between is noticed, not overwritten.
            var actions = rolled
                .Select(item => ResultEntity.From(item, ScoreExplainer.Explain(item.Score), place, rulesVersion, computedAt, basis))
                .Select(row => existing.TryGetValue(row.RowKey, out var stored)
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, stored.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, row))
                .Concat(stale.Select(ResultEntity.RolledUpRowKey).Where(existing.ContainsKey).Select(rowKey => new TableTransactionAction(
                    TableTransactionActionType.Delete, new ResultEntity { PartitionKey = partition, RowKey = rowKey }, existing[rowKey].ETag)))
                .ToList();
            try
            {
                foreach (var chunk in TableBatches.Of(actions))
                {
                    await Latest.SubmitTransactionAsync(chunk, cancellationToken);
                }

                return true;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412 && attempt < MaxConflictRetries)
            {
                // Another computation was stored meanwhile: read again and compare.
            }
        }
    }

    /// <summary>The basis of a sum over <paramref name="added"/>: the total of their arrival numbers.</summary>
    public static long BasisOf(IEnumerable<StoredResult> added) => added.Sum(result => result.Arrival);

    /// <summary>The latest result of every indicator reported for a place and period.</summary>
    public Task<IReadOnlyList<StoredResult>> LatestAsync(string jurisdiction, string period, CancellationToken cancellationToken) =>
        QueryAsync(LatestIn(Keys.InPartition(Keys.PlaceAndPeriod(jurisdiction, period))), cancellationToken);

    /// <summary>The latest results of a place for every period, in one range query over its partitions.</summary>
    public Task<IReadOnlyList<StoredResult>> LatestForPlaceAsync(string jurisdiction, CancellationToken cancellationToken) =>
        QueryAsync(LatestIn(Keys.PartitionStartsWith(jurisdiction + "~")), cancellationToken);

    /// <summary>The latest result of every indicator, place and period: what stands now, for re-scoring with other rules.</summary>
    public Task<IReadOnlyList<StoredResult>> AllLatestAsync(CancellationToken cancellationToken) =>
        QueryAsync(LatestIn(null), cancellationToken);

    /// <summary>The latest results that arrived after <paramref name="since"/>: the table filters them, so a sweep reads only what is recent.</summary>
    public Task<IReadOnlyList<StoredResult>> LatestReceivedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        QueryAsync(LatestIn(TableClient.CreateQueryFilter($"ReceivedAt gt {since}")), cancellationToken);

    /// <summary>
    /// The results one report produced, one per indicator: as last scored (when rules changed since, the
    /// re-scoring), whatever later reports say.
    /// </summary>
    public async Task<IReadOnlyList<StoredResult>> ForReportAsync(string jurisdiction, string period, string reportKey, CancellationToken cancellationToken)
    {
        var partition = Keys.PlaceAndPeriod(jurisdiction, period);
        var byReport = TableClient.CreateQueryFilter($"Report eq {reportKey}");
        var rows = await RowsAsync(Latest, $"{Keys.RowKeyStartsWith(partition, ResultEntity.HistoryPrefix)} and {byReport}", cancellationToken);
        if (rows.Count == 0)
        {
            // A report scored before the history moved beside the latest rows.
            rows = await RowsAsync(FormerHistory, $"{Keys.InPartition(partition)} and {byReport}", cancellationToken);
        }

        // A re-scoring's row key is the first scoring's with the version added, so it sorts after it.
        return rows.GroupBy(row => row.Indicator).Select(group => group.MaxBy(row => row.RowKey, StringComparer.Ordinal)!.ToResult()).ToList();
    }

    /// <summary>
    /// Makes a place's latest reported results for a period what they would be had the reports in <paramref name="returned"/>
    /// never arrived: per indicator, the last result (by arrival, a re-scoring after the scoring it redoes) that any other
    /// report of the place and period gave, from the history, which keeps every result ever scored; an indicator only
    /// returned reports gave is taken away. Sums added up from the places below are left to their own re-adding.
    /// Idempotent, and safe beside a report arriving meanwhile: the latest rows are read first, every write is
    /// conditional on the row read, and a conflict reads everything again.
    /// </summary>
    /// <returns>How many latest rows it changed.</returns>
    public async Task<int> RestoreWithoutAsync(string jurisdiction, string period, IReadOnlySet<string> returned, CancellationToken cancellationToken)
    {
        var partition = Keys.PlaceAndPeriod(jurisdiction, period);
        for (var attempt = 1; ; attempt++)
        {
            // One read of the partition holds the latest rows and the history written with them; the history written before it
            // moved is read after: a result stored as latest was written to the history before (or in the same transaction).
            var latest = new Dictionary<string, ResultEntity>(StringComparer.Ordinal);
            var history = new List<ResultEntity>();
            var resultsOnly = TableClient.CreateQueryFilter($"RowKey lt {AlertStateStore.Prefix}");
            foreach (var row in await RowsAsync(Latest, $"{Keys.InPartition(partition)} and {resultsOnly}", cancellationToken))
            {
                if (row.RowKey.StartsWith(ResultEntity.HistoryPrefix, StringComparison.Ordinal))
                {
                    history.Add(row);
                }
                else if (row.Source != FigureSourceText.Communes)
                {
                    latest[row.RowKey] = row;
                }
            }

            history.AddRange(await RowsAsync(FormerHistory, Keys.InPartition(partition), cancellationToken));
            var kept = new Dictionary<string, ResultEntity>(StringComparer.Ordinal);
            foreach (var row in history)
            {
                if (returned.Contains(row.Report))
                {
                    continue;
                }

                if (!kept.TryGetValue(row.Indicator, out var before) || (row.Arrival ?? 0, row.RowKey).CompareTo((before.Arrival ?? 0, before.RowKey)) > 0)
                {
                    kept[row.Indicator] = row;
                }
            }

            var actions = new List<TableTransactionAction>();
            foreach (var indicator in latest.Keys.Union(kept.Keys, StringComparer.Ordinal))
            {
                var current = latest.GetValueOrDefault(indicator);
                var wanted = kept.GetValueOrDefault(indicator);
                if (wanted is null)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, current!, current!.ETag));
                }
                else if (current is null)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, wanted.WithRowKey(indicator)));
                }
                else if (current.Report != wanted.Report || current.RulesVersion != wanted.RulesVersion)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, wanted.WithRowKey(indicator), current.ETag));
                }
            }

            try
            {
                foreach (var chunk in TableBatches.Of(actions))
                {
                    await Latest.SubmitTransactionAsync(chunk, cancellationToken);
                }

                return actions.Count;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412 && attempt < MaxConflictRetries)
            {
                // A report arrived meanwhile: read again; what is done already is found done.
            }
        }
    }

    /// <summary><paramref name="filter"/> narrowed to the latest rows, leaving out the history beside them.</summary>
    private static string LatestIn(string? filter)
    {
        var latest = TableClient.CreateQueryFilter($"RowKey lt {ResultEntity.HistoryPrefix}");
        return filter is null ? latest : $"{filter} and {latest}";
    }

    private async Task<IReadOnlyList<StoredResult>> QueryAsync(string filter, CancellationToken cancellationToken) =>
        [.. (await RowsAsync(Latest, filter, cancellationToken)).Select(row => row.ToResult())];

    private static async Task<List<ResultEntity>> RowsAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = new List<ResultEntity>();
        await foreach (var row in table.QueryAsync<ResultEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task SaveLatestAsync(string partition, List<ResultEntity> rows, List<TableTransactionAction> history, long arrival, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, ResultEntity>(StringComparer.Ordinal);
        await foreach (var row in Latest.QueryAsync<ResultEntity>(LatestIn(Keys.InPartition(partition)), select: ["RowKey", "Arrival"], cancellationToken: cancellationToken))
        {
            existing[row.RowKey] = row;
        }

        // The history first: were the transaction split, the latest rows never stand without their history.
        var actions = new List<TableTransactionAction>(history);
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.RowKey, out var stored))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            }
            else if ((stored.Arrival ?? 0) <= arrival)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, stored.ETag));
            }
        }

        foreach (var chunk in TableBatches.Of(actions))
        {
            await Latest.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }
}
