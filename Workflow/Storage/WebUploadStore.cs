using Azure.Data.Tables;

namespace GenderPlan.Workflow.Storage;

/// <summary>A report sent from the upload page.</summary>
/// <param name="Id">The upload's id: the key of its blob version in the upload log.</param>
/// <param name="Unit">The unit the report is from (its folder in <c>reports/</c>).</param>
/// <param name="Uploader">The unit whose link sent it: the same, or the coordinator sending for another unit.</param>
/// <param name="Blob">The blob's name in <c>reports/</c>.</param>
/// <param name="Period">The report's period.</param>
/// <param name="Jurisdiction">The report's place.</param>
/// <param name="Indicators">How many indicators it gives.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record WebUpload(string Id, string Unit, string Uploader, string Blob, string Period, string Jurisdiction, int Indicators, DateTimeOffset ReceivedAt);

/// <summary>The reports sent from the upload page (<c>WebUploads</c>), so the page can follow each until it is scored.</summary>
public sealed class WebUploadStore
{
    private const string Partition = "upload";
    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public WebUploadStore(StorageClients storage) => _storage = storage;

    private TableClient Table => _storage.Table(StorageNames.WebUploadsTable);

    /// <summary>Records an upload.</summary>
    public Task RecordAsync(WebUpload upload, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new WebUploadEntity
            {
                PartitionKey = Partition, RowKey = upload.Id, Unit = upload.Unit, Uploader = upload.Uploader, Blob = upload.Blob,
                Period = upload.Period, Jurisdiction = upload.Jurisdiction, Indicators = upload.Indicators, ReceivedAt = upload.ReceivedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>An upload by id, or null.</summary>
    public async Task<WebUpload?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var found = await Table.GetEntityIfExistsAsync<WebUploadEntity>(Partition, id, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } row
            ? new WebUpload(row.RowKey, row.Unit, row.Uploader, row.Blob, row.Period, row.Jurisdiction, row.Indicators, row.ReceivedAt)
            : null;
    }
}

/// <summary>A row of <c>WebUploads</c>.</summary>
public sealed class WebUploadEntity : TableRow
{
    /// <summary>The unit the report is from.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The unit whose link sent it.</summary>
    public string Uploader { get; set; } = "";

    /// <summary>The blob's name.</summary>
    public string Blob { get; set; } = "";

    /// <summary>The period.</summary>
    public string Period { get; set; } = "";

    /// <summary>The place.</summary>
    public string Jurisdiction { get; set; } = "";

    /// <summary>Indicators given.</summary>
    public int Indicators { get; set; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
