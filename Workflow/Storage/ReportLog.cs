using Azure.Data.Tables;
using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Storage;

/// <summary>One report that arrived and was scored.</summary>
/// <param name="Key">Its key (period, place, unit, arrival, content hash).</param>
/// <param name="Period">The period.</param>
/// <param name="Jurisdiction">The place.</param>
/// <param name="Unit">The unit that sent it.</param>
/// <param name="Blob">The uploaded blob's name.</param>
/// <param name="ContentHash">SHA-256 of the file.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="RulesVersion">The rules version that scored it.</param>
/// <param name="OnTime">Whether it arrived before the deadline.</param>
/// <param name="Scored">How many indicators it scored.</param>
/// <param name="NeedingAttention">How many of them fall behind or are off track.</param>
public sealed record ReportRecord(
    string Key, string Period, string Jurisdiction, string Unit, string Blob, string ContentHash, DateTimeOffset ReceivedAt,
    string RulesVersion, bool OnTime, int Scored, int NeedingAttention);

/// <summary>
/// The log of reports (<c>Reports</c>): partitioned by period, keyed by place, unit and arrival, so "which
/// reports arrived for 2019" is one partition and "the current report of yte for 2019" is one key range.
/// </summary>
public sealed class ReportLog
{
    private readonly StorageClients _storage;

    /// <summary>Creates the log.</summary>
    public ReportLog(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.ReportsTable);

    /// <summary>
    /// The key of a report: the same upload (blob version) always gets the same key, and two uploads never
    /// share one, even with the same content in the same second.
    /// </summary>
    public static string KeyOf(string jurisdiction, string unit, DateTimeOffset receivedAt, string uploadKey) =>
        $"{jurisdiction}~{unit}~{Keys.Ticks(receivedAt)}~{uploadKey[..16]}";

    /// <summary>Records a scored report (again, harmlessly, if it was recorded before).</summary>
    public Task RecordAsync(ReportRecord record, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(record.Period, record.Key)
            {
                ["Jurisdiction"] = record.Jurisdiction,
                ["Unit"] = record.Unit,
                ["Blob"] = record.Blob,
                ["ContentHash"] = record.ContentHash,
                ["ReceivedAt"] = record.ReceivedAt,
                ["RulesVersion"] = record.RulesVersion,
                ["OnTime"] = record.OnTime,
                ["Scored"] = record.Scored,
                ["NeedingAttention"] = record.NeedingAttention,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>Every report that arrived for <paramref name="period"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReportRecord>> ForPeriodAsync(Period period, CancellationToken cancellationToken)
    {
        var records = new List<ReportRecord>();
        var partition = period.ToString();
        await foreach (var row in Table.QueryAsync<TableEntity>(row => row.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(row));
        }

        return records.OrderBy(record => record.ReceivedAt).ToList();
    }

    /// <summary>Every report of a place for the periods of <paramref name="firstYear"/> to <paramref name="lastYear"/>, in one range query.</summary>
    public async Task<IReadOnlyList<ReportRecord>> ForPlaceAsync(string jurisdiction, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        // Period partitions sort as text: "2016" < "2016-H1" < "2017" ..., so the plan's years are one key range.
        var filter = $"PartitionKey ge '{firstYear}' and PartitionKey lt '{lastYear + 1}' and Jurisdiction eq '{Keys.Escape(jurisdiction)}'";
        var records = new List<ReportRecord>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(row));
        }

        return records.OrderBy(record => record.ReceivedAt).ToList();
    }

    /// <summary>The current report of a unit for a place and period: the one that arrived last.</summary>
    public async Task<ReportRecord?> CurrentAsync(Period period, string jurisdiction, string unit, CancellationToken cancellationToken)
    {
        ReportRecord? current = null;
        await foreach (var row in Table.QueryAsync<TableEntity>(Keys.StartsWith(period.ToString(), $"{jurisdiction}~{unit}~"), cancellationToken: cancellationToken))
        {
            var record = FromEntity(row);
            if (current is null || record.ReceivedAt >= current.ReceivedAt)
            {
                current = record;
            }
        }

        return current;
    }

    private static ReportRecord FromEntity(TableEntity row) => new(
        row.RowKey,
        row.PartitionKey,
        row.GetString("Jurisdiction"),
        row.GetString("Unit"),
        row.GetString("Blob"),
        row.GetString("ContentHash"),
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        row.GetString("RulesVersion"),
        row.GetBoolean("OnTime") ?? false,
        row.GetInt32("Scored") ?? 0,
        row.GetInt32("NeedingAttention") ?? 0);
}
