using System.Runtime.InteropServices;
using GenderPlan.Core.Email;
using GenderPlan.Workflow.Email;
using GenderPlan.Workflow.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Cli.Commands;

/// <summary>
/// <c>genderplan serve [--storage CONN] [--outbox DIR] [--once] [--interval SECONDS]</c>: runs the workflow on
/// one machine, watching the <c>rules</c> and <c>reports</c> containers and running the timers, until Ctrl+C.
/// </summary>
public static class ServeCommand
{
    /// <summary>The options of one <c>serve</c> call.</summary>
    /// <param name="Storage">The storage connection string, or null for the default.</param>
    /// <param name="Outbox">Where emails are written when SendGrid is not configured.</param>
    /// <param name="Once">Process what is pending and exit.</param>
    /// <param name="Interval">Seconds between passes.</param>
    public sealed record Options(string? Storage, string Outbox, bool Once, int Interval);

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(Options options, CliConsole console, CancellationToken cancellationToken)
    {
        await using var provider = LocalStack.Build(LocalStack.Storage(options.Storage), options.Outbox, options.Once ? LogLevel.Warning : LogLevel.Information);
        var runner = provider.GetRequiredService<LocalRunner>();
        var sender = provider.GetRequiredService<IEmailSender>();
        var where = sender is PickupFolderEmailSender pickup ? $"emails are written to {pickup.Directory}" : "emails go through SendGrid";
        try
        {
            if (options.Once)
            {
                var pass = await runner.RunOnceAsync(cancellationToken);
                console.Out.WriteLine(Describe(pass));
                console.Out.WriteLine($"Done; {where}.");
                return pass.Failed > 0 ? ExitCodes.Invalid : ExitCodes.Success;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }

            // Ctrl+C (SIGINT) and a polite kill (SIGTERM) finish the current pass's request and exit cleanly.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            console.Out.WriteLine($"Watching the rules and reports containers every {options.Interval} s; {where}. Ctrl+C stops.");
            await runner.RunAsync(TimeSpan.FromSeconds(options.Interval), pass =>
            {
                if (pass.RulesActivated + pass.RulesRefused + pass.Scored + pass.Rejected + pass.Failed + pass.EmailsSent > 0)
                {
                    console.Out.WriteLine(Describe(pass));
                }
            }, stop.Token);
            console.Out.WriteLine("Stopped.");
            return ExitCodes.Success;
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 0)
        {
            console.Error.WriteLine($"Storage cannot be reached ({exception.Message}). Is Azurite running? Give --storage or set {LocalStack.StorageVariable}.");
            return ExitCodes.Invalid;
        }
    }

    private static string Describe(RunnerPass pass) =>
        $"rules: {pass.RulesActivated} activated, {pass.RulesRefused} refused; reports: {pass.Scored} scored, {pass.Rejected} rejected, {pass.Failed} failed; " +
        $"emails: {pass.EmailsSent} sent, {pass.EmailsPending} pending";
}
