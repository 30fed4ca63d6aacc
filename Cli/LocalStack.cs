using GenderPlan.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli;

/// <summary>
/// Builds the workflow's services for the commands that talk to storage, from the environment (the same
/// settings names as the Functions app: <c>Storage</c>, <c>GenderPlan__Email__SendGridApiKey</c>, ...) with
/// the command line's options on top.
/// </summary>
public static class LocalStack
{
    /// <summary>The environment variable that names the storage account for the CLI.</summary>
    public const string StorageVariable = "GENDERPLAN_STORAGE";

    /// <summary>The default: Azurite on its standard ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// The storage connection string to use: <c>--storage</c>, else <c>GENDERPLAN_STORAGE</c>, else none when
    /// <c>Storage__blobServiceUri</c> is set (an Azure account reached with the signed-in identity, as the
    /// azd post-deploy hook does), else Azurite's default.
    /// </summary>
    public static string? Storage(string? option) =>
        option is { Length: > 0 } ? option
        : Environment.GetEnvironmentVariable(StorageVariable) is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable("Storage__blobServiceUri") is { Length: > 0 } ? null
        : DevelopmentStorage;

    /// <summary>A service provider with the workflow registered.</summary>
    public static ServiceProvider Build(string? storage, string? outbox, LogLevel logLevel)
    {
        var overrides = new Dictionary<string, string?>();
        if (storage is not null)
        {
            overrides[WorkflowServiceCollectionExtensions.StorageSetting] = storage;
        }

        if (outbox is not null)
        {
            overrides[$"{EmailOptions.Section}:PickupDirectory"] = outbox;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(logLevel)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Azure", LogLevel.Warning)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            }));
        services.AddGenderPlanWorkflow(configuration);
        return services.BuildServiceProvider();
    }
}
