using GenderPlan.Workflow.Application;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Functions;

/// <summary>The timers: the outbox sweep and the daily reminder job.</summary>
public sealed class TimerFunctions(Sweep sweep, IReminderService reminders, ILogger<TimerFunctions> logger)
{
    /// <summary>Finishes a re-scoring or an adding-up cut short, retries every alert not yet delivered, and republishes the district pages.</summary>
    [Function(FunctionNames.SendPendingAlerts)]
    public async Task SendPendingAlertsAsync([TimerTrigger(FunctionNames.SweepSchedule)] TimerInfo timer, FunctionContext context)
    {
        var swept = await sweep.RunAsync(context.CancellationToken);
        logger.LogInformation("Alert sweep: {Sent} sent, {Pending} pending", swept.Sent, swept.Pending);
    }

    /// <summary>Queues today's reminders and overdue notices.</summary>
    [Function(FunctionNames.DeadlineReminders)]
    public async Task DeadlineRemindersAsync([TimerTrigger(FunctionNames.ReminderSchedule)] TimerInfo timer, FunctionContext context)
    {
        var queued = await reminders.RunAsync(context.CancellationToken);
        logger.LogInformation("Reminder job queued {Count} email(s)", queued);
    }
}
