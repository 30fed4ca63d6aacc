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
/// The log of reports (<c>Reports</c>): partitioned by period, keyed by place, unit and arrival, so "which
/// reports arrived for 2019" is one partition and "the current report of yte for 2019" is one key range.
/// </summary>
/// <remarks>
/// The period partition is kept at national scale on purpose: a national deadline day writes about 3,600 rows into it
/// in an hour (one a second, against about 2,000 entities a second a partition serves), and each reader of one place
/// reads that place's key range (<c>{place}~</c>) inside it, never the country's rows. Partitioning by place and period
/// would make "every report of a period" (re-scoring after a rules change, approvals) a read of every partition, and
/// would strand the rows already written under the period alone.
/// </remarks>
public sealed class ReportLog
{
    private readonly StorageClients _storage;
    private readonly PlaceReportIndex _index;

    /// <summary>Creates the log.</summary>
    public ReportLog(StorageClients storage, PlaceReportIndex index)
    {
        _storage = storage;
        _index = index;
    }

    private TableClient Table => _storage.Table(StorageNames.ReportsTable);

    /// <summary>
    /// The key of a report: the same upload (blob version) always gets the same key, since its arrival number is
    /// given once; two uploads never share one, and the later one sorts last, even in the same second.
    /// </summary>
    public static string KeyOf(string jurisdiction, string unit, long arrival, string uploadKey) =>
        $"{jurisdiction}~{unit}~{Keys.Arrival(arrival)}~{uploadKey[..16]}";

    /// <summary>
    /// Records a scored report (again, harmlessly, if it was recorded before), and under <paramref name="planPlace"/>, its
    /// plan's own place, in the index the pages read (<see cref="PlaceReportIndex"/>).
    /// </summary>
    public async Task RecordAsync(ReportRecord record, string? planPlace, CancellationToken cancellationToken)
    {
        await Table.UpsertEntityAsync(ReportEntity.From(record), TableUpdateMode.Replace, cancellationToken);
        if (planPlace is not null)
        {
            await _index.RecordAsync(planPlace, record, cancellationToken);
        }
    }

    /// <summary>Every report that arrived for <paramref name="period"/>, in the order they arrived.</summary>
    public Task<IReadOnlyList<ReportRecord>> ForPeriodAsync(Period period, CancellationToken cancellationToken) =>
        QueryAsync(Keys.InPartition(period.ToString()), cancellationToken);

    /// <summary>Every report of a place for one period, in the order they arrived: one key range, whatever other places sent.</summary>
    public Task<IReadOnlyList<ReportRecord>> ForPlaceAndPeriodAsync(Period period, string jurisdiction, CancellationToken cancellationToken) =>
        QueryAsync(PlaceRange(period.ToString(), jurisdiction), cancellationToken);

    /// <summary>The rows of <paramref name="jurisdiction"/> in a period's partition: its key range, and only its own (a place whose id starts with another's and a <c>~</c> is not this one).</summary>
    private static string PlaceRange(string period, string jurisdiction) =>
        $"{Keys.RowKeyStartsWith(period, jurisdiction + "~")} and {TableClient.CreateQueryFilter($"Jurisdiction eq {jurisdiction}")}";

    /// <summary>The current report of a unit for a place and period: the one that arrived last (the highest arrival number).</summary>
    public async Task<ReportRecord?> CurrentAsync(Period period, string jurisdiction, string unit, CancellationToken cancellationToken) =>
        (await QueryAsync(Keys.RowKeyStartsWith(period.ToString(), $"{jurisdiction}~{unit}~"), cancellationToken)).LastOrDefault();

    /// <summary>
    /// The report of <paramref name="key"/>, whatever its period: the key a page or an API names a report by (place, unit,
    /// arrival, upload) does not hold the period, and reports are few enough that one filtered read over the log is cheap.
    /// </summary>
    public async Task<ReportRecord?> FindAsync(string key, CancellationToken cancellationToken) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"RowKey eq {key}"), cancellationToken)).FirstOrDefault();

    /// <summary>Every report of every period, in the order they arrived: the reports awaiting a decision are among them.</summary>
    public Task<IReadOnlyList<ReportRecord>> AllAsync(CancellationToken cancellationToken) => QueryAsync(null, cancellationToken);

    private async Task<IReadOnlyList<ReportRecord>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var records = new List<ReportRecord>();
        await foreach (var row in Table.QueryAsync<ReportEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(row.ToRecord());
        }

        // Rows written before arrival numbers existed have 0 and keep their old order, by time, before every newer one.
        return records.OrderBy(record => record.Arrival).ThenBy(record => record.ReceivedAt).ToList();
    }
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
