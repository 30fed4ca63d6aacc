using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// The storage account's static website (<c>$web</c>), where the scorecard pages are published: derived
/// data that any run can write again.
/// </summary>
public sealed class SiteStore
{
    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public SiteStore(StorageClients storage) => _storage = storage;

    private BlobContainerClient Web => _storage.Container(StorageNames.WebsiteContainer);

    /// <summary>The names of the pages published so far.</summary>
    public async Task<IReadOnlyList<string>> ListPagesAsync(CancellationToken cancellationToken) =>
        (await Web.ListAsync(null, cancellationToken)).Select(blob => blob.Name).Where(name => name.EndsWith(".html", StringComparison.Ordinal)).ToList();

    /// <summary>Publishes an HTML page that browsers must not cache (it changes with every report).</summary>
    public async Task PublishPageAsync(string name, string html, CancellationToken cancellationToken)
    {
        await Web.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Web.GetBlobClient(name).UploadAsync(BinaryData.FromString(html), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8", CacheControl = "no-cache" },
        }, cancellationToken);
    }
}
