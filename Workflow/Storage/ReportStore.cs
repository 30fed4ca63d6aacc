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

    private BlobContainerClient Reports => _storage.Container(StorageNames.ReportsContainer);

    /// <summary>The current version of <c>reports/{name}</c>, or null when it is gone.</summary>
    public Task<StoredBlob?> FindAsync(string name, CancellationToken cancellationToken) => Reports.FindAsync(name, cancellationToken);

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

    /// <summary>Keeps a copy of a refused report with its errors, for the unit and the coordinator to read.</summary>
    public async Task SetAsideAsync(string name, string errors, CancellationToken cancellationToken)
    {
        var rejected = _storage.Container(StorageNames.RejectedContainer);
        var operation = await rejected.GetBlobClient(name).StartCopyFromUriAsync(Reports.GetBlobClient(name).Uri, cancellationToken: cancellationToken);
        await operation.WaitForCompletionAsync(cancellationToken);
        await rejected.GetBlobClient(name + ".errors.txt").UploadAsync(BinaryData.FromString(errors), overwrite: true, cancellationToken);
    }
}
