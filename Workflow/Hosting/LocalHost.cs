using GenderPlan.Workflow.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Hosting;

/// <summary>
/// The product on one machine: a generic host with the workflow's background jobs (the stand-ins for the
/// blob triggers and timers) and, on <see cref="DefaultAddress"/>, the same HTTP endpoints the Functions app
/// serves in Azure. Ctrl+C and SIGTERM stop it through the host's lifetime.
/// </summary>
public static class LocalHost
{
    /// <summary>Where the HTTP endpoints listen by default: loopback, on the Functions host's port.</summary>
    public const string DefaultAddress = "127.0.0.1:7071";

    /// <summary>Builds the host; <paramref name="configure"/> may override services (a test clock).</summary>
    /// <param name="settings">Configuration on top of the environment (the same names as the Functions app's settings).</param>
    /// <param name="address">The <c>host:port</c> to listen on; loopback only unless the caller says otherwise.</param>
    /// <param name="logLevel">The least important log lines shown.</param>
    /// <param name="configure">Changes to the services before the host is built, or null.</param>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, string address, LogLevel logLevel, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables().AddInMemoryCollection(settings);
        builder.WebHost.UseUrls($"http://{address}");
        builder.Logging.ClearProviders().SetMinimumLevel(logLevel)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Azure", LogLevel.Error)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.Hosting", LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Warning)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
        StartupChecks.ThrowIfMisconfigured(builder.Configuration);
        builder.Services.AddGenderPlanWorkflow(builder.Configuration);
        builder.Services.AddOptions<LocalHostOptions>().Bind(builder.Configuration.GetSection(LocalHostOptions.Section));
        builder.Services.AddHostedService<UploadPollingJob>();
        builder.Services.AddHostedService<AlertSweepJob>();
        builder.Services.AddHostedService<ReminderJob>();
        builder.Services.AddHostedService<ProvinceReportJob>();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGenderPlanApi();
        return app;
    }
}
