using GenderPlan.Documents.Email;
using GenderPlan.Workflow.Hosting;
using GenderPlan.Workflow.Notifications.Email;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan serve [--storage CONN] [--outbox DIR] [--once] [--interval SECONDS] [--http ADDRESS]</c>: runs
/// the workflow on one machine: the background jobs that stand in for the blob triggers and timers, and the
/// HTTP endpoints the Functions app serves in Azure, until Ctrl+C or SIGTERM stops the host.
/// </summary>
public static class ServeCommand
{
    /// <summary>The options of one <c>serve</c> call.</summary>
    /// <param name="Storage">The storage connection string, or null for the default.</param>
    /// <param name="Outbox">Where emails are written when SendGrid is not configured.</param>
    /// <param name="Once">Process what is pending and exit.</param>
    /// <param name="Interval">Seconds between polls of the containers.</param>
    /// <param name="Http">The <c>host:port</c> the HTTP endpoints listen on.</param>
    public sealed record Options(string? Storage, string Outbox, bool Once, int Interval, string Http);

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(Options options, CliConsole console, CancellationToken cancellationToken)
    {
        var settings = LocalStack.Settings(LocalStack.Storage(options.Storage), options.Outbox);
        settings[$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.PollInterval)}"] = TimeSpan.FromSeconds(options.Interval).ToString("c");
        await using var app = LocalHost.Build(settings, options.Http, options.Once ? LogLevel.Warning : LogLevel.Information);
        var where = app.Services.GetRequiredService<IEmailSender>() is PickupFolderEmailSender pickup ? $"emails are written to {pickup.Directory}" : "emails go through SendGrid";
        try
        {
            if (options.Once)
            {
                var pass = await app.Services.GetRequiredService<LocalRunner>().RunOnceAsync(cancellationToken);
                console.Out.WriteLine(Describe(pass));
                console.Out.WriteLine($"Done; {where}.");
                return pass.Failed > 0 ? ExitCodes.Invalid : ExitCodes.Success;
            }

            await app.StartAsync(cancellationToken);
            console.Out.WriteLine($"Watching the rules and reports containers every {options.Interval} s; {where}.");
            console.Out.WriteLine($"Scorecard page: http://{options.Http}/   Health: http://{options.Http}/api/health   Ctrl+C stops.");
            await app.WaitForShutdownAsync(cancellationToken);
            console.Out.WriteLine("Stopped.");
            return ExitCodes.Success;
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 0)
        {
            console.Error.WriteLine($"Storage cannot be reached ({exception.Message}). Is Azurite running? Give --storage or set {LocalStack.StorageVariable}.");
            return ExitCodes.Invalid;
        }
        catch (IOException exception) when (exception.InnerException is System.Net.Sockets.SocketException || exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            console.Error.WriteLine($"Cannot listen on {options.Http} ({exception.Message}). Give another address with --http.");
            return ExitCodes.Invalid;
        }
    }

    private static string Describe(RunnerPass pass) =>
        $"rules: {pass.RulesActivated} activated, {pass.RulesRefused} refused; reports: {pass.Scored} scored, {pass.Rejected} rejected, {pass.Failed} failed; " +
        $"emails: {pass.EmailsSent} sent, {pass.EmailsPending} pending";
}
