using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Approval;
using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// The report log again, partitioned by the plan's own place (<c>ReportsByPlan</c>): a row per report under
/// <c>{plan's place}</c> / <c>{place}~{period}~{unit}~{arrival}~{upload}</c>. The period-partitioned <c>Reports</c> answers
/// "every report of a period"; a page needs "every report of this place, of every year", and a province's page that of
/// each of its communes too. Read from <c>Reports</c>, that is two key ranges per year per place (13 reads for a
/// commune's page in the sixth year, 13 per commune for its province's); here it is one key range for a commune and one
/// partition for a whole plan.
/// </summary>
/// <remarks>
/// Rows recorded before this index existed are copied into it once, by the first reader that finds the table without its
/// <c>!</c>/<c>built</c> row (reading the whole log once); a report recorded meanwhile writes its own row too, so nothing
/// is missed either way.
/// </remarks>
public sealed class PlaceReportIndex
{
    /// <summary>The partition of the index's own marks (built, decisions noted): no plan's place.</summary>
    internal const string MarkerPartition = "!";
    private const string MarkerRow = "built";
    private const string DecisionsMarkerRow = "decisions";

    private readonly StorageClients _storage;
    private volatile bool _built;
    private volatile bool _decisionsNoted;

    /// <summary>Creates the index.</summary>
    public PlaceReportIndex(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.ReportsByPlanTable);

    /// <summary>
    /// Notes the decision that stands about the report <paramref name="reportKey"/> on its row, where the pages read their reports, so a
    /// page of a plan that requires approval reads no decision table (it read every decision of the country). Written
    /// after the decision itself, and again by every later attempt to decide the report, which finds it standing.
    /// </summary>
    public async Task RecordDecisionAsync(string planPlace, string jurisdiction, string period, string reportKey, DecisionStamp stamp, CancellationToken cancellationToken)
    {
        var row = new TableEntity(planPlace, IndexedReportEntity.RowKeyOf(jurisdiction, period, reportKey))
        {
            [nameof(IndexedReportEntity.DecisionState)] = stamp.State.Word(),
            [nameof(IndexedReportEntity.DecidedBy)] = stamp.By,
            [nameof(IndexedReportEntity.DecidedAt)] = stamp.At,
            [nameof(IndexedReportEntity.DecisionReason)] = stamp.Reason,
        };
        try
        {
            await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The report under another plan's place (rules changed since): that plan's pages do not list it.
        }
    }

    /// <summary>
    /// Whether the decisions taken before the index kept them were noted on its rows; if not, notes them now (every
    /// decision, once), each under the plan place <paramref name="planPlaceOf"/> gives its place and period.
    /// </summary>
    public async Task EnsureDecisionsNotedAsync(ReportDecisionStore decisions, Func<string, string, string?> planPlaceOf, CancellationToken cancellationToken)
    {
        if (_decisionsNoted)
        {
            return;
        }

        if (!(await Table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, DecisionsMarkerRow, cancellationToken: cancellationToken)).HasValue)
        {
            foreach (var decision in (await decisions.AllAsync(cancellationToken)).Values)
            {
                if (planPlaceOf(decision.Period, decision.Jurisdiction) is { } planPlace)
                {
                    await RecordDecisionAsync(planPlace, decision.Jurisdiction, decision.Period, decision.ReportKey, decision.Stamp, cancellationToken);
                }
            }

            await Table.UpsertEntityAsync(new TableEntity(MarkerPartition, DecisionsMarkerRow), TableUpdateMode.Replace, cancellationToken);
        }

        _decisionsNoted = true;
    }

    /// <summary>Records <paramref name="record"/> under the partition of <paramref name="planPlace"/> (again, harmlessly).</summary>
    public Task RecordAsync(string planPlace, ReportRecord record, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(IndexedReportEntity.From(planPlace, record), TableUpdateMode.Replace, cancellationToken);

    /// <summary>The reports of <paramref name="place"/> recorded under <paramref name="planPlace"/>: one key range.</summary>
    public Task<IReadOnlyList<ReportRecord>> ForPlaceAsync(string planPlace, string place, CancellationToken cancellationToken) =>
        QueryAsync(Keys.RowKeyStartsWith(planPlace, place + "~"), record => record.Jurisdiction == place, cancellationToken);

    /// <summary>Every report recorded under <paramref name="planPlace"/>, of every place of its plan: one partition.</summary>
    public Task<IReadOnlyList<ReportRecord>> ForPlanAsync(string planPlace, CancellationToken cancellationToken) =>
        QueryAsync(Keys.InPartition(planPlace), _ => true, cancellationToken);

    /// <summary>
    /// The places of the plan of <paramref name="planPlace"/> that have a report for <paramref name="period"/>, returned ones
    /// included: a plan's first roll-up of a period reads these places' results, not its hundred-odd places'. One filter over
    /// the plan's partition, its place column only: the storage scans the plan's years, but sends back one page, not its rows.
    /// Complete only once <see cref="EnsureBuiltAsync(ReportLog, RuleBook, CancellationToken)"/> has run.
    /// </summary>
    public async Task<IReadOnlySet<string>> PlacesReportingAsync(string planPlace, Period period, CancellationToken cancellationToken)
    {
        var places = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {planPlace} and Period eq {period.ToString()}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: [nameof(ReportRow.Jurisdiction)], cancellationToken: cancellationToken))
        {
            places.Add(row.GetString(nameof(ReportRow.Jurisdiction)));
        }

        return places;
    }

    /// <summary>
    /// The partition <paramref name="record"/> is indexed under: the own place of the plan <paramref name="rules"/> give its
    /// place and period, or none when no plan covers them. The one answer the report's recording, the copy of the rows from
    /// before the index and every reader of the index must share.
    /// </summary>
    public static string? PlanPlaceOf(RuleBook rules, ReportRecord record) => PlanPlaceOf(rules, record.Period, record.Jurisdiction);

    /// <summary>The partition the reports of <paramref name="place"/> for <paramref name="period"/> are indexed under, or none.</summary>
    public static string? PlanPlaceOf(RuleBook rules, string period, string place) =>
        Period.TryParse(period, out var parsed) ? rules.FindPlan(parsed, place)?.District.Id : null;

    /// <summary>
    /// <see cref="EnsureDecisionsNotedAsync(ReportDecisionStore, Func{string, string, string?}, CancellationToken)"/> with each
    /// decision under its report's plan place by <paramref name="rules"/>, as the index keeps the report.
    /// </summary>
    public Task EnsureDecisionsNotedAsync(ReportDecisionStore decisions, RuleBook rules, CancellationToken cancellationToken) =>
        EnsureDecisionsNotedAsync(decisions, (period, place) => PlanPlaceOf(rules, period, place), cancellationToken);

    /// <summary>
    /// <see cref="EnsureBuiltAsync(ReportLog, Func{ReportRecord, string?}, CancellationToken)"/> with each report under its
    /// plan's place by <paramref name="rules"/> (<see cref="PlanPlaceOf(RuleBook, ReportRecord)"/>), as it is recorded.
    /// </summary>
    public Task EnsureBuiltAsync(ReportLog log, RuleBook rules, CancellationToken cancellationToken) =>
        EnsureBuiltAsync(log, record => PlanPlaceOf(rules, record), cancellationToken);

    /// <summary>
    /// Whether the reports recorded before the index existed were copied into it; if not, copies them now from
    /// <paramref name="log"/>, each under the plan place <paramref name="planPlaceOf"/> gives (none: left out).
    /// </summary>
    public async Task EnsureBuiltAsync(ReportLog log, Func<ReportRecord, string?> planPlaceOf, CancellationToken cancellationToken)
    {
        if (_built)
        {
            return;
        }

        var marker = await Table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken);
        if (!marker.HasValue)
        {
            var rows = (await log.AllAsync(cancellationToken))
                .Select(record => (Place: planPlaceOf(record), Record: record))
                .Where(entry => entry.Place is not null)
                .Select(entry => IndexedReportEntity.From(entry.Place!, entry.Record));
            foreach (var partition in rows.GroupBy(row => row.PartitionKey, StringComparer.Ordinal))
            {
                foreach (var batch in TableBatches.Of(partition.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row))))
                {
                    await Table.SubmitTransactionAsync(batch, cancellationToken);
                }
            }

            await Table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow), TableUpdateMode.Replace, cancellationToken);
        }

        _built = true;
    }

    private async Task<IReadOnlyList<ReportRecord>> QueryAsync(string filter, Func<ReportRecord, bool> keep, CancellationToken cancellationToken)
    {
        var records = new List<ReportRecord>();
        await foreach (var row in Table.QueryAsync<IndexedReportEntity>(filter, cancellationToken: cancellationToken))
        {
            var record = row.ToRecord();
            if (keep(record))
            {
                records.Add(record);
            }
        }

        return records.OrderBy(record => record.Arrival).ThenBy(record => record.ReceivedAt).ToList();
    }
}

/// <summary>A row of <c>ReportsByPlan</c>: what a <see cref="ReportEntity"/> says, under its plan's place, with its period and key as columns.</summary>
public sealed class IndexedReportEntity : ReportRow
{
    /// <summary>The period.</summary>
    public string Period { get; set; } = "";

    /// <summary>The key the report has in <c>Reports</c> (and in every page and API).</summary>
    public string ReportKey { get; set; } = "";

    internal static IndexedReportEntity From(string planPlace, ReportRecord record)
    {
        var row = new IndexedReportEntity { PartitionKey = planPlace, RowKey = RowKeyOf(record.Jurisdiction, record.Period, record.Key), Period = record.Period, ReportKey = record.Key };
        row.Describe(record);
        return row;
    }

    /// <summary>The place first, so one place's reports are one key range; its report key after the period keeps two reports apart.</summary>
    internal static string RowKeyOf(string jurisdiction, string period, string key) =>
        $"{jurisdiction}~{period}~{(key.StartsWith(jurisdiction + "~", StringComparison.Ordinal) ? key[(jurisdiction.Length + 1)..] : key)}";

    /// <summary>The decision's state word (<c>approved</c>, <c>returned</c>); null while none was taken.</summary>
    public string? DecisionState { get; set; }

    /// <summary>The unit that decided.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The reason given.</summary>
    public string? DecisionReason { get; set; }

    internal ReportRecord ToRecord() => Record(ReportKey, Period) with
    {
        Decision = DecisionState is { } state && DecidedAt is { } at
            ? new DecisionStamp(state == ApprovalState.Returned.Word() ? ApprovalState.Returned : ApprovalState.Approved, DecidedBy ?? "", at, DecisionReason ?? "")
            : null,
    };
}
