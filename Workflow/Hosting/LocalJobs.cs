using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Hosting;

/// <summary>Settings of the local host's jobs, bound from <c>GenderPlan:Local</c>.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "GenderPlan:Local";

    /// <summary>How often the containers are polled for uploads (Azure uses Event Grid instead).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often pending alerts are retried and the pages republished (every five minutes in Azure).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the reminder job runs; it queues each day's reminders once however often it runs.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Polls the rules and reports containers: the local stand-in for the blob triggers.</summary>
public sealed partial class UploadPollingJob(LocalRunner runner, IOptions<LocalHostOptions> options, TimeProvider clock, ILogger<UploadPollingJob> logger)
    : PeriodicJob(clock, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.PollInterval;

    /// <inheritdoc />
    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var pass = await runner.PollAsync(cancellationToken);
        if (pass.DidWork)
        {
            LogPolled(pass.RulesActivated, pass.RulesRefused, pass.Scored, pass.Rejected, pass.Failed, pass.EmailsSent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules: {Activated} activated, {Refused} refused; reports: {Scored} scored, {Rejected} rejected, {Failed} failed; {Sent} email(s) sent")]
    private partial void LogPolled(int activated, int refused, int scored, int rejected, int failed, int sent);
}

/// <summary>The sweep (<see cref="Sweep"/>) on the local host: the stand-in for the five-minute timer.</summary>
public sealed class AlertSweepJob(Sweep sweep, IOptions<LocalHostOptions> options, TimeProvider clock, ILogger<AlertSweepJob> logger)
    : PeriodicJob(clock, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.SweepInterval;

    /// <inheritdoc />
    protected override Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}

/// <summary>Queues deadline reminders and overdue notices: the local stand-in for the daily timer.</summary>
public sealed class ReminderJob(IReminderService reminders, IOptions<LocalHostOptions> options, TimeProvider clock, ILogger<ReminderJob> logger)
    : PeriodicJob(clock, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    /// <inheritdoc />
    protected override Task RunAsync(CancellationToken cancellationToken) => reminders.RunAsync(cancellationToken);
}

/// <summary>Compiles and sends the province report after each deadline: the local stand-in for its daily timer.</summary>
public sealed class ProvinceReportJob(IProvinceReportService job, IOptions<LocalHostOptions> options, TimeProvider clock, ILogger<ProvinceReportJob> logger)
    : PeriodicJob(clock, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    /// <inheritdoc />
    protected override Task RunAsync(CancellationToken cancellationToken) => job.RunAsync(cancellationToken);
}
