using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Storage;

/// <summary>One report that arrived and was scored.</summary>
/// <param name="Key">Its key (place, unit, arrival, upload).</param>
/// <param name="Period">The period.</param>
/// <param name="Jurisdiction">The place.</param>
/// <param name="Unit">The unit that sent it.</param>
/// <param name="Blob">The uploaded blob's name.</param>
/// <param name="ContentHash">SHA-256 of the file.</param>
/// <param name="ReceivedAt">When it arrived (the blob's time, exact to the second: for display and deadlines, never for order).</param>
/// <param name="Arrival">Its arrival number (<see cref="UploadLog"/>): the later of two reports has the greater one, even within a second.</param>
/// <param name="RulesVersion">The rules version that scored it.</param>
/// <param name="OnTime">Whether it arrived before the deadline.</param>
/// <param name="Scored">How many indicators it scored.</param>
/// <param name="NeedingAttention">How many of them fall behind or are off track.</param>
/// <param name="Decision">
/// Its approval or return, as the report index (<see cref="PlaceReportIndex"/>) keeps it beside the report for the pages;
/// null when none was taken, and always null from <c>Reports</c>, whose readers ask <see cref="ReportDecisionStore"/>.
/// </param>
public sealed record ReportRecord(
    string Key, string Period, string Jurisdiction, string Unit, string Blob, string ContentHash, DateTimeOffset ReceivedAt,
    long Arrival, string RulesVersion, bool OnTime, int Scored, int NeedingAttention, Core.Approval.DecisionStamp? Decision = null);

/// <summary>
/// The log of reports, kept in the report index (<see cref="PlaceReportIndex"/>, <c>ReportsByPlan</c>): a row per report
/// under its plan's own place, keyed by place, period, unit and arrival, so "the reports of this place for 2019" is one key
/// range and "every report of a plan" one partition. One write per report.
/// </summary>
/// <remarks>
/// Until the national-scale work every report was also a row of <c>Reports</c>, partitioned by period: a second write per
/// report, for "every report of a period" (the re-scoring after a rules change), which the index answers with one filtered
/// read per plan. <c>Reports</c> is read once, by the index's copy of the rows written before it existed
/// (<see cref="PlaceReportIndex.EnsureBuiltAsync(ReportLog, RuleBook, CancellationToken)"/>), and never written. A reader of
/// one place finds its reports under the plan place the active rules give the place and period, as they were recorded.
/// </remarks>
public sealed class ReportLog
{
    private readonly StorageClients _storage;
    private readonly PlaceReportIndex _index;
    private readonly ActiveRules _activeRules;

    /// <summary>Creates the log.</summary>
    public ReportLog(StorageClients storage, PlaceReportIndex index, ActiveRules activeRules)
    {
        _storage = storage;
        _index = index;
        _activeRules = activeRules;
    }

    /// <summary>The log as kept before the index: read by the index's one copy, never written.</summary>
    private TableClient Former => _storage.Table(StorageNames.ReportsTable);

    private TableClient Index => _storage.Table(StorageNames.ReportsByPlanTable);

    /// <summary>
    /// The key of a report: the same upload (blob version) always gets the same key, since its arrival number is
    /// given once; two uploads never share one, and the later one sorts last, even in the same second.
    /// </summary>
    public static string KeyOf(string jurisdiction, string unit, long arrival, string uploadKey) =>
        $"{jurisdiction}~{unit}~{Keys.Arrival(arrival)}~{uploadKey[..16]}";

    /// <summary>
    /// Records a scored report (again, harmlessly, if it was recorded before) under <paramref name="planPlace"/>, its plan's
    /// own place, where the pages and every reader of the log find it.
    /// </summary>
    public Task RecordAsync(ReportRecord record, string? planPlace, CancellationToken cancellationToken) =>
        planPlace is null
            ? throw new InvalidOperationException($"The report {record.Key} of {record.Jurisdiction} {record.Period} has no plan to be recorded under.")
            : _index.RecordAsync(planPlace, record, cancellationToken);

    /// <summary>
    /// Every report recorded under <paramref name="planPlace"/> for <paramref name="period"/>, in the order they arrived:
    /// one filtered read of the plan's partition (the storage scans the plan's years, and sends back the period's rows), for
    /// the re-scoring after a rules change, which names the reports' files.
    /// </summary>
    public async Task<IReadOnlyList<ReportRecord>> ForPlanAndPeriodAsync(string planPlace, Period period, CancellationToken cancellationToken)
    {
        await EnsureIndexedAsync(cancellationToken);
        return await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {planPlace} and Period eq {period.ToString()}"), cancellationToken);
    }

    /// <summary>
    /// Every report that arrived for <paramref name="period"/>, in the order they arrived, whichever plan they were recorded
    /// under: a filter over the whole index, for a look at the country's period (tests, tools), never a sweep's.
    /// </summary>
    public async Task<IReadOnlyList<ReportRecord>> ForPeriodAsync(Period period, CancellationToken cancellationToken)
    {
        await EnsureIndexedAsync(cancellationToken);
        return await QueryAsync(TableClient.CreateQueryFilter($"Period eq {period.ToString()}"), cancellationToken);
    }

    /// <summary>Every report of a place for one period, in the order they arrived: one key range, whatever other places sent.</summary>
    public async Task<IReadOnlyList<ReportRecord>> ForPlaceAndPeriodAsync(Period period, string jurisdiction, CancellationToken cancellationToken) =>
        await PlaceRangeAsync(period, jurisdiction, "", cancellationToken);

    /// <summary>The current report of a unit for a place and period: the one that arrived last (the highest arrival number).</summary>
    public async Task<ReportRecord?> CurrentAsync(Period period, string jurisdiction, string unit, CancellationToken cancellationToken) =>
        (await PlaceRangeAsync(period, jurisdiction, unit + "~", cancellationToken)).LastOrDefault();

    /// <summary>
    /// The report of <paramref name="key"/>, whatever its period: the key a page or an API names a report by (place, unit,
    /// arrival, upload) holds neither the period nor the plan, and a decision on a report is rare enough for one filtered
    /// read over the index.
    /// </summary>
    public async Task<ReportRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureIndexedAsync(cancellationToken);
        return (await QueryAsync(TableClient.CreateQueryFilter($"ReportKey eq {key}"), cancellationToken)).FirstOrDefault();
    }

    /// <summary>Every report written to the log before the index kept it: what the index copies in, once.</summary>
    public async Task<IReadOnlyList<ReportRecord>> AllAsync(CancellationToken cancellationToken)
    {
        var records = new List<ReportRecord>();
        try
        {
            await foreach (var row in Former.QueryAsync<ReportEntity>(cancellationToken: cancellationToken))
            {
                records.Add(row.ToRecord());
            }
        }
        catch (RequestFailedException missing) when (missing.Status == 404)
        {
            // A deployment that never had the table: nothing to copy.
        }

        return InArrivalOrder(records);
    }

    /// <summary>
    /// The reports of <paramref name="jurisdiction"/> for <paramref name="period"/> whose row key goes on with
    /// <paramref name="unitPrefix"/>, under the plan place the active rules give them: one key range, and only this place's
    /// (a place whose id starts with another's and a <c>~</c> is not this one).
    /// </summary>
    private async Task<IReadOnlyList<ReportRecord>> PlaceRangeAsync(Period period, string jurisdiction, string unitPrefix, CancellationToken cancellationToken)
    {
        var rules = await EnsureIndexedAsync(cancellationToken);
        if (rules is null || PlaceReportIndex.PlanPlaceOf(rules, period.ToString(), jurisdiction) is not { } planPlace)
        {
            return [];
        }

        var range = Keys.RowKeyStartsWith(planPlace, $"{jurisdiction}~{period}~{unitPrefix}");
        return await QueryAsync($"{range} and {TableClient.CreateQueryFilter($"Jurisdiction eq {jurisdiction}")}", cancellationToken);
    }

    /// <summary>The active rules, once the reports written before the index are in it (a flag after the first time).</summary>
    private async Task<RuleBook?> EnsureIndexedAsync(CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is not null)
        {
            await _index.EnsureBuiltAsync(this, rules, cancellationToken);
        }

        return rules;
    }

    private async Task<IReadOnlyList<ReportRecord>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var records = new List<ReportRecord>();
        await foreach (var row in Index.QueryAsync<IndexedReportEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.PartitionKey != PlaceReportIndex.MarkerPartition)
            {
                records.Add(row.ToRecord());
            }
        }

        return InArrivalOrder(records);
    }

    // Rows written before arrival numbers existed have 0 and keep their old order, by time, before every newer one.
    private static List<ReportRecord> InArrivalOrder(IEnumerable<ReportRecord> records) =>
        records.OrderBy(record => record.Arrival).ThenBy(record => record.ReceivedAt).ToList();
}

/// <summary>
/// What a row of the report log says of a report, whichever table and keys it is stored under (<c>Reports</c> by period,
/// <c>ReportsByPlan</c> by the plan's place).
/// </summary>
public abstract class ReportRow : TableRow
{
    /// <summary>The place.</summary>
    public string Jurisdiction { get; set; } = "";

    /// <summary>The sending unit.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The blob's name.</summary>
    public string Blob { get; set; } = "";

    /// <summary>SHA-256 of the file.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Its arrival number; 0 on rows written before numbers existed.</summary>
    public long Arrival { get; set; }

    /// <summary>The rules version that scored it.</summary>
    public string RulesVersion { get; set; } = "";

    /// <summary>Whether it arrived before the deadline.</summary>
    public bool OnTime { get; set; }

    /// <summary>Indicators scored.</summary>
    public int Scored { get; set; }

    /// <summary>Indicators falling behind or off track.</summary>
    public int NeedingAttention { get; set; }

    /// <summary>Copies what <paramref name="record"/> says into this row, under keys the caller has set.</summary>
    private protected void Describe(ReportRecord record)
    {
        Jurisdiction = record.Jurisdiction;
        Unit = record.Unit;
        Blob = record.Blob;
        ContentHash = record.ContentHash;
        ReceivedAt = record.ReceivedAt;
        Arrival = record.Arrival;
        RulesVersion = record.RulesVersion;
        OnTime = record.OnTime;
        Scored = record.Scored;
        NeedingAttention = record.NeedingAttention;
    }

    /// <summary>The report this row says, whose key and period are <paramref name="key"/> and <paramref name="period"/>.</summary>
    private protected ReportRecord Record(string key, string period) =>
        new(key, period, Jurisdiction, Unit, Blob, ContentHash, ReceivedAt, Arrival, RulesVersion, OnTime, Scored, NeedingAttention);
}

/// <summary>A row of the <c>Reports</c> table: partitioned by period, keyed by the report's key.</summary>
public sealed class ReportEntity : ReportRow
{
    internal static ReportEntity From(ReportRecord record)
    {
        var row = new ReportEntity { PartitionKey = record.Period, RowKey = record.Key };
        row.Describe(record);
        return row;
    }

    internal ReportRecord ToRecord() => Record(RowKey, PartitionKey);
}
