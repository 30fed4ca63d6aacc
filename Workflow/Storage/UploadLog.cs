using Azure;
using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>Where processing of one uploaded blob version stands.</summary>
public enum UploadState
{
    /// <summary>Being processed, or failed and waiting for a retry.</summary>
    Processing,

    /// <summary>Scored, or rules activated.</summary>
    Done,

    /// <summary>Refused for its content; kept with its errors.</summary>
    Rejected,

    /// <summary>Given up after repeated faults; the coordinator was told.</summary>
    Failed,
}

/// <summary>An attempt at one blob version.</summary>
/// <param name="Blob">The blob version; null when the blob is gone.</param>
/// <param name="Key">The blob version's key in the log.</param>
/// <param name="Attempt">Which attempt this is, from 1; 0 when the version was finished before and must not be processed again.</param>
public sealed record UploadAttempt(StoredBlob? Blob, string Key, int Attempt)
{
    /// <summary>Whether processing may go ahead.</summary>
    public bool CanProceed => Blob is not null && Attempt > 0;
}

/// <summary>
/// One row per uploaded blob version (name and ETag). Triggers fire at least once: this is what makes the
/// second firing a no-op, and what stops a report that keeps failing from looping forever.
/// </summary>
public sealed class UploadLog
{
    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;

    /// <summary>Creates the log.</summary>
    public UploadLog(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    private TableClient Table => _storage.Table(StorageNames.UploadsTable);

    /// <summary>
    /// Starts processing <paramref name="blob"/> (null: it is gone), counting the attempt. The answer says
    /// whether this version was finished before (a trigger firing twice), or which attempt this is.
    /// </summary>
    public async Task<UploadAttempt> BeginAsync(string container, StoredBlob? blob, CancellationToken cancellationToken)
    {
        if (blob is null)
        {
            return new UploadAttempt(null, "", 0);
        }

        var key = KeyOf(container, blob.Name, blob.ETag);
        var attempt = await BeginAttemptAsync(container, key, blob.Name, cancellationToken);
        return new UploadAttempt(blob, key, attempt ?? 0);
    }

    /// <summary>The key of a blob version.</summary>
    public static string KeyOf(string container, string blob, ETag etag) => Keys.Hash(container, blob, etag.ToString());

    /// <summary>
    /// Counts one more attempt at a blob version and returns the count, or null when it was finished before
    /// (done, rejected or failed) and must not be processed again.
    /// </summary>
    public async Task<int?> BeginAttemptAsync(string container, string key, string blob, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            var existing = await Table.GetEntityIfExistsAsync<UploadEntity>(container, key, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue || existing.Value is not { } row)
                {
                    await Table.AddEntityAsync(new UploadEntity { PartitionKey = container, RowKey = key, Blob = blob, State = UploadState.Processing, Attempts = 1, FirstSeenAt = _clock.GetUtcNow() }, cancellationToken);
                    return 1;
                }

                if (row.State != UploadState.Processing)
                {
                    return null;
                }

                row.Attempts++;
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return row.Attempts;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 && retry < 5)
            {
                // Two triggers for the same blob at once: count again.
            }
        }
    }

    /// <summary>Records how processing ended.</summary>
    public async Task FinishAsync(string container, string key, UploadState state, string? detail, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<UploadEntity>(container, key, cancellationToken: cancellationToken);
        var row = existing.HasValue && existing.Value is { } found ? found : new UploadEntity { PartitionKey = container, RowKey = key };
        row.State = state;
        row.FinishedAt = _clock.GetUtcNow();
        row.Detail = detail is { Length: > 4000 } ? detail[..4000] : detail;
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Where a blob version stands, or null when it was never seen.</summary>
    public async Task<UploadEntity?> GetAsync(string container, string key, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<UploadEntity>(container, key, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value : null;
    }
}

/// <summary>A row of the <c>Uploads</c> table: partition the container, row the blob version's key.</summary>
public sealed class UploadEntity : ITableEntity
{
    /// <inheritdoc />
    public string PartitionKey { get; set; } = "";

    /// <inheritdoc />
    public string RowKey { get; set; } = "";

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The blob's name.</summary>
    public string? Blob { get; set; }

    /// <summary>Where processing stands.</summary>
    public UploadState State { get; set; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the version was first seen.</summary>
    public DateTimeOffset? FirstSeenAt { get; set; }

    /// <summary>When processing ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The problems, the error, or the outcome.</summary>
    public string? Detail { get; set; }
}
