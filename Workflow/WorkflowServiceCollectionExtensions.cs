using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using GenderPlan.Core.Email;
using GenderPlan.Workflow.Email;
using GenderPlan.Workflow.Handlers;
using GenderPlan.Workflow.Local;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow;

/// <summary>The one place the workflow's services are registered, for the Functions app and the CLI alike.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The setting that names the storage account: a connection string, or <c>Storage__blobServiceUri</c> and <c>Storage__tableServiceUri</c> with a managed identity.</summary>
    public const string StorageSetting = "Storage";

    /// <summary>Registers storage, email, the handlers and the local runner.</summary>
    public static IServiceCollection AddGenderPlanWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section));
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.TryAddSingleton(_ => CreateStorage(configuration));

        services.AddSingleton<ActiveRules>();
        services.AddSingleton<UploadLog>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<AlertStateStore>();
        services.AddSingleton<ReportLog>();
        services.AddSingleton<AlertOutbox>();

        services.AddHttpClient(nameof(SendGridEmailSender));
        services.TryAddSingleton<IEmailSender>(provider =>
        {
            var email = provider.GetRequiredService<IOptions<EmailOptions>>();
            return string.IsNullOrWhiteSpace(email.Value.SendGridApiKey)
                ? ActivatorUtilities.CreateInstance<PickupFolderEmailSender>(provider)
                : ActivatorUtilities.CreateInstance<SendGridEmailSender>(provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridEmailSender)));
        });

        services.AddSingleton<DashboardPublisher>();
        services.AddSingleton<IDashboardPublisher>(provider => provider.GetRequiredService<DashboardPublisher>());
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<IAlertDispatcher>(provider => provider.GetRequiredService<AlertDispatcher>());
        services.AddSingleton<RulesIntake>();
        services.AddSingleton<IRulesIntake>(provider => provider.GetRequiredService<RulesIntake>());
        services.AddSingleton<IReportIntake, ReportIntake>();
        services.AddSingleton<IReminderService, ReminderService>();
        services.AddSingleton<IScorecardQuery, ScorecardQuery>();
        services.AddSingleton<IHealthCheck, HealthCheck>();
        services.AddSingleton<LocalRunner>();
        return services;
    }

    private static StorageClients CreateStorage(IConfiguration configuration)
    {
        var connectionString = configuration[StorageSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return StorageClients.FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(StorageSetting);
        var blobUri = section["blobServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(tableUri))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{StorageSetting}' to a connection string, or '{StorageSetting}__blobServiceUri' and '{StorageSetting}__tableServiceUri' for a managed identity.");
        }

        // In Azure the app has a user-assigned identity and no keys: its client id comes with the setting.
        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new StorageClients(new BlobServiceClient(new Uri(blobUri), credential), new TableServiceClient(new Uri(tableUri), credential));
    }
}
