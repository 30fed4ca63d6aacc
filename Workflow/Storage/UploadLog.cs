using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

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
/// <param name="Properties">The blob's properties (size, ETag, metadata, last modified); null when the blob is gone.</param>
/// <param name="Key">The blob version's key in the log.</param>
/// <param name="Attempt">Which attempt this is, from 1; 0 when the version was finished before and must not be processed again.</param>
public sealed record UploadAttempt(BlobProperties? Properties, string Key, int Attempt)
{
    /// <summary>Whether processing may go ahead.</summary>
    public bool CanProceed => Properties is not null && Attempt > 0;
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
    /// Starts processing the current version of <paramref name="blob"/>, counting the attempt. The answer says
    /// whether the blob is gone, or this version was finished before (a trigger firing twice), or which
    /// attempt this is.
    /// </summary>
    public async Task<UploadAttempt> BeginAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return new UploadAttempt(null, "", 0);
        }

        var key = KeyOf(blob.BlobContainerName, blob.Name, properties.ETag);
        var attempt = await BeginAttemptAsync(blob.BlobContainerName, key, blob.Name, cancellationToken);
        return new UploadAttempt(properties, key, attempt ?? 0);
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
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(container, key, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue || existing.Value is not { } row)
                {
                    await Table.AddEntityAsync(new TableEntity(container, key) { ["Blob"] = blob, ["State"] = nameof(UploadState.Processing), ["Attempts"] = 1, ["FirstSeenAt"] = _clock.GetUtcNow() }, cancellationToken);
                    return 1;
                }

                if (Enum.Parse<UploadState>(row.GetString("State")) != UploadState.Processing)
                {
                    return null;
                }

                var attempts = (row.GetInt32("Attempts") ?? 0) + 1;
                row["Attempts"] = attempts;
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return attempts;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 && retry < 5)
            {
                // Two triggers for the same blob at once: count again.
            }
        }
    }

    /// <summary>Records how processing ended.</summary>
    public Task FinishAsync(string container, string key, UploadState state, string? detail, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(container, key) { ["State"] = state.ToString(), ["FinishedAt"] = _clock.GetUtcNow(), ["Detail"] = detail is { Length: > 4000 } ? detail[..4000] : detail },
            TableUpdateMode.Merge,
            cancellationToken);
}
