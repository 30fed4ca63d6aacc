using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace GenderPlan.Workflow.Storage;

/// <summary>The blob and table clients of the storage account, and the one place that creates what the product needs.</summary>
public sealed class StorageClients
{
    /// <summary>Wraps existing clients.</summary>
    public StorageClients(BlobServiceClient blobs, TableServiceClient tables)
    {
        Blobs = blobs;
        Tables = tables;
    }

    /// <summary>The blob service.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>The table service.</summary>
    public TableServiceClient Tables { get; }

    /// <summary>Clients for a connection string (Azurite's <c>UseDevelopmentStorage=true</c> included), retrying transient faults.</summary>
    public static StorageClients FromConnectionString(string connectionString)
    {
        var blobOptions = new BlobClientOptions();
        blobOptions.Retry.MaxRetries = 5;
        blobOptions.Retry.Mode = Azure.Core.RetryMode.Exponential;
        var tableOptions = new TableClientOptions();
        tableOptions.Retry.MaxRetries = 5;
        tableOptions.Retry.Mode = Azure.Core.RetryMode.Exponential;
        return new StorageClients(new BlobServiceClient(connectionString, blobOptions), new TableServiceClient(connectionString, tableOptions));
    }

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
