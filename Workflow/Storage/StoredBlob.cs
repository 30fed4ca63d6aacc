using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace GenderPlan.Workflow.Storage;

/// <summary>One uploaded blob version as the handlers need it: what it is called and which version it is.</summary>
/// <param name="Name">The name inside its container.</param>
/// <param name="ETag">The version; a re-upload under the same name is a new one.</param>
/// <param name="Length">Its size in bytes, known before anything is read.</param>
/// <param name="LastModified">When this version was written: the time a report arrived.</param>
/// <param name="Metadata">Metadata the uploader set.</param>
public sealed record StoredBlob(string Name, ETag ETag, long Length, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A blob version downloaded with its content.</summary>
/// <param name="Blob">The version.</param>
/// <param name="Content">Its bytes; null when it was longer than the reader would take, and so was not read.</param>
public sealed record DownloadedBlob(StoredBlob Blob, byte[]? Content);

/// <summary>The blob operations the stores share.</summary>
internal static class BlobContainerExtensions
{
    /// <summary>The blob's current version, or null when it does not exist.</summary>
    public static async Task<StoredBlob?> FindAsync(this BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new StoredBlob(name, properties.ETag, properties.ContentLength, properties.LastModified, properties.Metadata.AsReadOnly());
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The blob's current version and, when it is no longer than <paramref name="maxBytes"/>, its content, in one request:
    /// the download's own headers say which version it is, so the content is that version's, and no properties call
    /// comes first. A longer blob's content is not read (the response is dropped unread); null when the blob does not exist.
    /// </summary>
    public static async Task<DownloadedBlob?> DownloadAsync(this BlobContainerClient container, string name, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var download = (await container.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            var details = download.Details;
            var blob = new StoredBlob(name, details.ETag, details.ContentLength, details.LastModified, details.Metadata.AsReadOnly());
            if (details.ContentLength > maxBytes)
            {
                return new DownloadedBlob(blob, null);
            }

            using var content = new MemoryStream((int)details.ContentLength);
            await download.Content.CopyToAsync(content, cancellationToken);
            return new DownloadedBlob(blob, content.ToArray());
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every blob under <paramref name="prefix"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<StoredBlob>> ListAsync(this BlobContainerClient container, string? prefix, CancellationToken cancellationToken)
    {
        var blobs = new List<StoredBlob>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata }, cancellationToken))
        {
            blobs.Add(new StoredBlob(
                item.Name, item.Properties.ETag ?? default, item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? DateTimeOffset.MinValue,
                (item.Metadata ?? new Dictionary<string, string>()).AsReadOnly()));
        }

        return blobs.OrderBy(blob => blob.LastModified).ToList();
    }

    /// <summary>The content of a blob.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(this BlobContainerClient container, string name, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToMemory();
}
