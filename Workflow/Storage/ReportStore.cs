using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// Report files: uploaded to <c>reports/{unit}/{file}</c>, read once per version, and, when refused, copied
/// to <c>reports-rejected</c> with a readable <c>.errors.txt</c> beside them so the unit sees what to fix.
/// </summary>
public sealed class ReportStore
{
    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public ReportStore(StorageClients storage) => _storage = storage;

    private const int MaxNumberedCopies = 50;

    private BlobContainerClient Reports => _storage.Container(StorageNames.ReportsContainer);

    /// <summary>The current version of <c>reports/{name}</c>, or null when it is gone.</summary>
    public Task<StoredBlob?> FindAsync(string name, CancellationToken cancellationToken) => Reports.FindAsync(name, cancellationToken);

    /// <summary>
    /// The current version of <c>reports/{name}</c> with its bytes when it is at most <paramref name="maxBytes"/> long, in
    /// one request rather than a properties call and a download; null when it is gone.
    /// </summary>
    public Task<DownloadedBlob?> DownloadAsync(string name, long maxBytes, CancellationToken cancellationToken) => Reports.DownloadAsync(name, maxBytes, cancellationToken);

    /// <summary>Every uploaded report, oldest first.</summary>
    public Task<IReadOnlyList<StoredBlob>> ListAsync(CancellationToken cancellationToken) => Reports.ListAsync(null, cancellationToken);

    /// <summary>The bytes of a report.</summary>
    public Task<ReadOnlyMemory<byte>> ReadAsync(string name, CancellationToken cancellationToken) => Reports.ReadAsync(name, cancellationToken);

    /// <summary>Stores a unit's report as <c>reports/{unit}/{file}</c>; the folder, not metadata, says who sent it.</summary>
    public async Task<string> UploadAsync(string unit, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var name = $"{unit}/{Path.GetFileName(fileName)}";
        await Reports.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions(), cancellationToken);
        return name;
    }

    /// <summary>
    /// Stores a report sent from the upload page as <c>reports/{unit}/{file}</c>, never over an earlier upload: a
    /// file of the same name becomes <c>{file} (2)</c>, <c>(3)</c> and so on, so a version not yet scored is never
    /// lost. The unit whose link sent it is kept as metadata, for the record only: the folder says whose report it is.
    /// </summary>
    public async Task<StoredBlob> AddAsync(string unit, string fileName, byte[] content, string uploader, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(fileName);
        var stem = Path.GetFileNameWithoutExtension(file);
        var extension = Path.GetExtension(file);
        for (var copy = 1; ; copy++)
        {
            var name = copy == 1 ? $"{unit}/{file}"
                : copy <= MaxNumberedCopies ? $"{unit}/{stem} ({copy}){extension}"
                : $"{unit}/{stem} ({Guid.NewGuid():N}){extension}";
            try
            {
                var metadata = new Dictionary<string, string> { ["uploadedby"] = uploader };
                var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, Metadata = metadata };
                var stored = await Reports.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken);
                return new StoredBlob(name, stored.Value.ETag, content.Length, stored.Value.LastModified, metadata.AsReadOnly());
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // A report of that name is there already: take the next number.
            }
        }
    }

    /// <summary>Keeps a copy of a refused report with its errors, for the unit and the coordinator to read.</summary>
    public async Task SetAsideAsync(string name, string errors, CancellationToken cancellationToken)
    {
        var rejected = _storage.Container(StorageNames.RejectedContainer);
        var operation = await rejected.GetBlobClient(name).StartCopyFromUriAsync(Reports.GetBlobClient(name).Uri, cancellationToken: cancellationToken);
        await operation.WaitForCompletionAsync(cancellationToken);
        await rejected.GetBlobClient(name + ".errors.txt").UploadAsync(BinaryData.FromString(errors), overwrite: true, cancellationToken);
    }
}
