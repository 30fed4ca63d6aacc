using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Functions;

/// <summary>The timers: the outbox sweep and the daily reminder job.</summary>
public sealed class TimerFunctions(
    IAlertDispatcher dispatcher, IReminderService reminders, IDashboardPublisher dashboard, IEnumerable<ISweepCatchUp> catchUps, ILogger<TimerFunctions> logger)
{
    /// <summary>Finishes a re-scoring cut short, retries every alert not yet delivered, and republishes the scorecard page.</summary>
    [Function(FunctionNames.SendPendingAlerts)]
    public async Task SendPendingAlertsAsync([TimerTrigger(FunctionNames.SweepSchedule)] TimerInfo timer, FunctionContext context)
    {
        foreach (var catchUp in catchUps)
        {
            await catchUp.CatchUpAsync(context.CancellationToken);
        }

        var (sent, pending) = await dispatcher.SendPendingAsync(context.CancellationToken);
        logger.LogInformation("Alert sweep: {Sent} sent, {Pending} pending", sent, pending);
        await dashboard.TryPublishDistrictsAsync(context.CancellationToken);
    }

    /// <summary>Queues today's reminders and overdue notices.</summary>
    [Function(FunctionNames.DeadlineReminders)]
    public async Task DeadlineRemindersAsync([TimerTrigger(FunctionNames.ReminderSchedule)] TimerInfo timer, FunctionContext context)
    {
        var queued = await reminders.RunAsync(context.CancellationToken);
        logger.LogInformation("Reminder job queued {Count} email(s)", queued);
    }
}
