using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Storage;

/// <summary>Registers the storage clients and the stores over them.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The setting that names the storage account: a connection string, or <c>Storage__blobServiceUri</c> and <c>Storage__tableServiceUri</c> with a managed identity.</summary>
    public const string StorageSetting = "Storage";

    /// <summary>
    /// The Azure SDK clients through <c>AddAzureClients</c>, with one retry policy whether the account is
    /// reached with a connection string (Azurite) or with the app's managed identity (Azure), and the stores.
    /// </summary>
    public static IServiceCollection AddGenderPlanStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureClients(clients =>
        {
            // Factories, so a missing setting fails when storage is first used, with a message that says what to set.
            var section = configuration.GetSection(StorageSetting);
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential) => ConnectionString(configuration) is { } connection
                ? new BlobServiceClient(connection, options)
                : new BlobServiceClient(RequiredUri(section, "blobServiceUri"), credential, options));
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential) => ConnectionString(configuration) is { } connection
                ? new TableServiceClient(connection, options)
                : new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential, options));
            if (ConnectionString(configuration) is null)
            {
                clients.UseCredential(_ => Credential(section));
            }

            clients.ConfigureDefaults(options =>
            {
                options.Retry.Mode = RetryMode.Exponential;
                options.Retry.MaxRetries = 5;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
            });
        });

        services.AddSingleton(provider => new StorageClients(provider.GetRequiredService<BlobServiceClient>(), provider.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<ReportStore>();
        services.AddSingleton<RuleSetStore>();
        services.AddSingleton<RulesLock>();
        services.AddSingleton<SiteStore>();
        services.AddSingleton<ActiveRules>();
        services.AddSingleton<UploadLog>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<FollowUpStore>();
        services.AddSingleton<ChangeLog>();
        services.AddSingleton<SweepWatermarks>();
        services.AddSingleton<AlertStateStore>();
        services.AddSingleton<ReportLog>();
        services.AddSingleton<PlaceReportIndex>();
        services.AddSingleton<CommuneFigures>();
        services.AddSingleton<RescoredPlans>();
        services.AddSingleton<ReportDecisionStore>();
        return services;
    }

    private static string? ConnectionString(IConfiguration configuration) =>
        configuration[StorageSetting] is { Length: > 0 } connection && !string.IsNullOrWhiteSpace(connection) ? connection : null;

    private static Uri RequiredUri(IConfigurationSection section, string name) =>
        section[name] is { Length: > 0 } value
            ? new Uri(value)
            : throw new InvalidOperationException(
                $"Storage is not configured: set '{StorageSetting}' to a connection string, or '{StorageSetting}__blobServiceUri' and '{StorageSetting}__tableServiceUri' for a managed identity.");

    // In Azure the app has a user-assigned identity and no keys: its client id comes with the setting.
    private static TokenCredential Credential(IConfigurationSection section) =>
        section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
