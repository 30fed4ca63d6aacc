using Azure.Data.Tables;
using GenderPlan.Workflow;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Testing;

/// <summary>Storage for tests, built by the product's own registration (the same clients and retry policy), and reads only tests need.</summary>
public static class TestStorage
{
    /// <summary>The product's storage clients for <paramref name="connectionString"/>.</summary>
    public static StorageClients Connect(string connectionString) =>
        new ServiceCollection()
            .AddGenderPlanStorage(new ConfigurationBuilder().AddInMemoryCollection([new(StorageServiceCollectionExtensions.StorageSetting, connectionString)]).Build())
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .BuildServiceProvider()
            .GetRequiredService<StorageClients>();

    /// <summary>Every alert stored, in whichever partition, oldest first (then by id).</summary>
    public static async Task<IReadOnlyList<StoredAlert>> AllAlertsAsync(this StorageClients storage)
    {
        var alerts = new List<StoredAlert>();
        await foreach (var row in storage.Table(StorageNames.AlertsTable).QueryAsync<AlertRecordEntity>(TableClient.CreateQueryFilter($"RowKey ge {AlertOutbox.RecordPrefix} and RowKey lt {AlertOutbox.RecordPrefix + '\uffff'}")))
        {
            // A body too long for its row is in a blob: read it back as the dispatcher does.
            alerts.Add(row.BodyInBlob == true
                ? (await new AlertOutbox(storage, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new EmailOptions())).GetAsync(row.RowKey[AlertOutbox.RecordPrefix.Length..], CancellationToken.None))!
                : row.ToAlert());
        }

        // Alerts stored in the same instant (a fake clock) come by id, as when they shared one partition.
        return alerts.OrderBy(alert => alert.CreatedAt).ThenBy(alert => alert.Message.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every result ever stored for a place and period, oldest first.</summary>
    public static async Task<IReadOnlyList<StoredResult>> ResultHistoryAsync(this StorageClients storage, string jurisdiction, string period)
    {
        var results = new List<StoredResult>();
        var partition = Keys.PlaceAndPeriod(jurisdiction, period);
        await foreach (var row in storage.Table(StorageNames.ResultsTable).QueryAsync<ResultEntity>(Keys.RowKeyStartsWith(partition, ResultEntity.HistoryPrefix)))
        {
            results.Add(row.ToResult());
        }

        // Rows written before the history moved beside the latest results.
        await foreach (var row in storage.Table(StorageNames.ResultHistoryTable).QueryAsync<ResultEntity>(Keys.InPartition(partition)))
        {
            results.Add(row.ToResult());
        }

        return results.OrderBy(result => result.Arrival).ToList();
    }

    /// <summary>Every rules version that was ever active, newest first.</summary>
    public static async Task<IReadOnlyList<RulesVersionInfo>> RulesHistoryAsync(this StorageClients storage)
    {
        var versions = new List<RulesVersionInfo>();
        await foreach (var row in storage.Table(StorageNames.RulesVersionsTable).QueryAsync<RulesVersionEntity>(Keys.InPartition(ActiveRules.VersionsPartition)))
        {
            versions.Add(row.ToInfo());
        }

        return versions;
    }

    /// <summary>Empties every container and table, so each test starts from nothing.</summary>
    public static async Task ResetAsync(this StorageClients storage)
    {
        await storage.EnsureCreatedAsync(CancellationToken.None);
        foreach (var name in StorageNames.Containers.Append(StorageNames.WebsiteContainer))
        {
            var container = storage.Container(name);
            await foreach (var blob in container.GetBlobsAsync())
            {
                try
                {
                    await container.DeleteBlobIfExistsAsync(blob.Name);
                }
                catch (Azure.RequestFailedException exception) when (exception.Status == 412)
                {
                    // The rules lock's lease, left by a host a test stopped mid-change: it would end in a minute by itself.
                    await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(container.GetBlobClient(blob.Name)).BreakAsync(TimeSpan.Zero);
                    await container.DeleteBlobIfExistsAsync(blob.Name);
                }
            }
        }

        foreach (var name in StorageNames.Tables)
        {
            var table = storage.Table(name);
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }
    }
}
