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
/// Which places and periods had figures stored recently, and when: the sweep's sums catch-up and its page republishing
/// read the changes of the last minutes only, so their cost grows with the work of those minutes, never with the history
/// stored. A change is never read after the catch-up's window has passed, and deleting old ones (any day) changes nothing.
/// </summary>
/// <remarks>
/// A new report's change is a row of its upload's partition of <c>Uploads</c> (<c>~c|{bucket}|{place}|{period}</c>),
/// written in the same transaction as the upload's end (<see cref="UploadLog.FinishAsync(string, UploadAttempt, UploadOutcome, CancellationToken, FigureChange?)"/>):
/// the end is written anyway, so noting the change costs no request of its own. Other changes (figures scored again
/// after a rules change, a test's own) are rows of <c>Changes</c>, partitioned by five-minute bucket. Reading both is
/// one key range of <c>Uploads</c> and one query per bucket of <c>Changes</c>.
/// </remarks>
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

    /// <summary>
    /// The row that notes <paramref name="change"/> in the partition of the uploads of <paramref name="container"/>, to be
    /// written with an upload's end: one key range (<see cref="UploadRowPrefix"/>, then the bucket) finds every such row since a time.
    /// </summary>
    public static FigureChangeEntity UploadRowOf(string container, FigureChange change) => new()
    {
        PartitionKey = container, RowKey = $"{UploadRowPrefix}{BucketOf(change.At)}|{change.Place}|{change.Period}",
        Place = change.Place, Period = change.Period, At = change.At, RulesVersion = change.RulesVersion,
    };

    /// <summary>
    /// The row-key prefix of changes among the uploads: upload rows are keyed by a hex hash, the arrival counter by
    /// <c>~arrivals</c>, so nothing else sorts there.
    /// </summary>
    public const string UploadRowPrefix = "~c|";

    /// <summary>
    /// The places and periods changed from <paramref name="since"/> to <paramref name="until"/>: one key range of the
    /// reports' uploads, and one query per bucket of <c>Changes</c> in between.
    /// </summary>
    public async Task<IReadOnlyList<FigureChange>> SinceAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var changes = new List<FigureChange>();
        var uploads = _storage.Table(StorageNames.UploadsTable);
        var fromBucket = UploadRowPrefix + BucketOf(since);
        var noted = TableClient.CreateQueryFilter(
            $"PartitionKey eq {StorageNames.ReportsContainer} and RowKey ge {fromBucket} and RowKey lt {UploadRowPrefix + '\uffff'}");
        await foreach (var row in uploads.QueryAsync<FigureChangeEntity>(noted, cancellationToken: cancellationToken))
        {
            if (row.At >= since)
            {
                changes.Add(new FigureChange(row.Place, row.Period, row.At, row.RulesVersion));
            }
        }

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
