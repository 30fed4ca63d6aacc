using System.Globalization;
using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>A place and period whose figures changed, and when.</summary>
/// <param name="Place">The place reported for.</param>
/// <param name="Period">The period.</param>
/// <param name="At">When its figures were stored.</param>
/// <param name="RulesVersion">The rules version that scored them; null on rows written before versions were noted.</param>
public sealed record FigureChange(string Place, string Period, DateTimeOffset At, string? RulesVersion = null);

/// <summary>
/// Which places and periods had figures stored recently (<c>Changes</c>), partitioned by five-minute bucket: the sweep's
/// sums catch-up and its page republishing read the few buckets of the last minutes, so their cost grows with the work
/// of those minutes, never with the history stored. One upsert per report; a bucket's rows are never read after the
/// catch-up's window has passed, and deleting old buckets (any day) changes nothing.
/// </summary>
public sealed class ChangeLog
{
    /// <summary>The width of a bucket: one sweep's interval.</summary>
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);

    private readonly StorageClients _storage;

    /// <summary>Creates the log.</summary>
    public ChangeLog(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.ChangesTable);

    /// <summary>Notes that <paramref name="place"/>'s figures for <paramref name="period"/> were stored at <paramref name="at"/>, scored by <paramref name="rulesVersion"/>.</summary>
    public Task RecordAsync(string place, string period, DateTimeOffset at, string? rulesVersion, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new FigureChangeEntity { PartitionKey = BucketOf(at), RowKey = $"{place}|{period}", Place = place, Period = period, At = at, RulesVersion = rulesVersion },
            TableUpdateMode.Replace, cancellationToken);

    /// <summary>The places and periods changed from <paramref name="since"/> to <paramref name="until"/>: one query per bucket in between.</summary>
    public async Task<IReadOnlyList<FigureChange>> SinceAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var changes = new List<FigureChange>();
        for (var bucket = Floor(since); bucket <= until; bucket += Bucket)
        {
            await foreach (var row in Table.QueryAsync<FigureChangeEntity>(Keys.InPartition(BucketOf(bucket)), cancellationToken: cancellationToken))
            {
                if (row.At >= since)
                {
                    changes.Add(new FigureChange(row.Place, row.Period, row.At, row.RulesVersion));
                }
            }
        }

        return changes;
    }

    private static DateTimeOffset Floor(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % Bucket.Ticks), TimeSpan.Zero);

    private static string BucketOf(DateTimeOffset at) => Floor(at).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}

/// <summary>A row of <c>Changes</c>.</summary>
public sealed class FigureChangeEntity : TableRow
{
    /// <summary>The place.</summary>
    public string Place { get; set; } = "";

    /// <summary>The period.</summary>
    public string Period { get; set; } = "";

    /// <summary>When its figures were stored.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The rules version that scored them: the re-scoring after an activation reads only those another version scored.</summary>
    public string? RulesVersion { get; set; }
}
