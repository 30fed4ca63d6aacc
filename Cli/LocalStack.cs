using GenderPlan.Workflow;
using GenderPlan.Workflow.Hosting;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli;

/// <summary>
/// The settings the commands that talk to storage run with: the environment (the same names as the
/// Functions app's settings: <c>Storage</c>, <c>GenderPlan__Email__SendGridApiKey</c>, ...) with the command
/// line's options on top, and a host with the workflow registered exactly as the Functions app registers it.
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

    /// <summary>The command line's options as settings.</summary>
    public static Dictionary<string, string?> Settings(string? storage, string? outbox)
    {
        var settings = new Dictionary<string, string?>();
        if (storage is not null)
        {
            settings[StorageServiceCollectionExtensions.StorageSetting] = storage;
        }

        if (outbox is not null)
        {
            settings[$"{EmailOptions.Section}:PickupDirectory"] = outbox;
        }

        return settings;
    }

    /// <summary>A host (not started) with the workflow registered, for one command.</summary>
    public static IHost Build(string? storage, string? outbox, LogLevel logLevel)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables().AddInMemoryCollection(Settings(storage, outbox));
        builder.Logging.SetMinimumLevel(logLevel)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Azure", LogLevel.Error)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
        builder.Services.AddGenderPlanWorkflow(builder.Configuration);
        return builder.Build();
    }
}
