using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace GenderPlan.Workflow.Storage;

/// <summary>The blob and table clients of the storage account, and the one place that creates what the product needs.</summary>
/// <remarks>Created by <see cref="StorageServiceCollectionExtensions.AddGenderPlanStorage"/>, so every client shares one retry policy.</remarks>
public sealed class StorageClients
{
    /// <summary>Wraps the clients the DI container built.</summary>
    public StorageClients(BlobServiceClient blobs, TableServiceClient tables)
    {
        Blobs = blobs;
        Tables = tables;
    }

    /// <summary>The blob service.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>The table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>A container.</summary>
    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    /// <summary>A table.</summary>
    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>Creates every container and table that does not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var container in StorageNames.Containers.Append(StorageNames.WebsiteContainer))
        {
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in StorageNames.Tables)
        {
            await Table(table).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
