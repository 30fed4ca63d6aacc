using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Documents.Email;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// The daily reminder job. Before each deadline (15 June, 25 November; the days ahead are configurable),
/// every unit that owes a report for the period and has not sent one is reminded; the day after a
/// deadline, each unit still missing gets an overdue notice, copied to the coordinator. Who owes what is
/// <see cref="ReportingObligations"/>: the lead departments the district's report, each commune committee its
/// own commune's (never the group <c>ubnd-xa</c>). Reminder ids are per unit and day, so a timer that fires
/// twice queues nothing twice.
/// </summary>
public sealed partial class ReminderService : IReminderService
{
    private readonly ActiveRules _activeRules;
    private readonly ReportLog _reports;
    private readonly Notifier _notifier;
    private readonly WorkflowOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReminderService> _logger;

    /// <summary>Creates the job.</summary>
    public ReminderService(ActiveRules activeRules, ReportLog reports, Notifier notifier, IOptions<WorkflowOptions> options, TimeProvider clock, ILogger<ReminderService> logger)
    {
        _activeRules = activeRules;
        _reports = reports;
        _notifier = notifier;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        if (rules is null)
        {
            return 0;
        }

        var today = ReportingCalendar.VietnamDate(_clock.GetUtcNow());
        var notices = new List<Notice>();

        // Each plan keeps its own calendar: two districts' plans may set different days. An archived plan (over, or
        // replaced by a reform) chases nobody: its reports are still scored when they come.
        foreach (var plan in rules.Plans.Where(plan => !plan.IsArchivedOn(today)))
        {
            var next = plan.Calendar.NextDue(today);
            if (_options.ReminderDaysAhead.Contains(plan.Calendar.Deadline(next).DayNumber - today.DayNumber))
            {
                foreach (var owed in await MissingAsync(rules, plan, next, cancellationToken))
                {
                    notices.Add(new ReportDueNotice(owed.Unit, next, today));
                }
            }

            var last = plan.Calendar.LastDue(today);
            if (today == plan.Calendar.Deadline(last).AddDays(1))
            {
                foreach (var owed in await MissingAsync(rules, plan, last, cancellationToken))
                {
                    notices.Add(new ReportOverdueNotice(owed.Unit, last));
                }
            }
        }

        var added = await _notifier.NotifyAsync(rules, $"calendar-{today:yyyy-MM-dd}", notices, cancellationToken);

        if (added > 0)
        {
            LogQueued(today, added);
        }

        return added;
    }

    /// <summary>The reports owed for <paramref name="period"/> that have not arrived: the log is keyed by place and unit.</summary>
    private async Task<IReadOnlyList<Obligation>> MissingAsync(RuleBook rules, Plan plan, Period period, CancellationToken cancellationToken)
    {
        var missing = new List<Obligation>();
        foreach (var owed in plan.Covers(period) ? ReportingObligations.For(rules, plan, period) : [])
        {
            if (!missing.Any(earlier => earlier.Unit == owed.Unit) && await _reports.CurrentAsync(period, owed.Jurisdiction, owed.Unit, cancellationToken) is null)
            {
                missing.Add(owed);
            }
        }

        return missing;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder job for {Today:yyyy-MM-dd}: {Count} new email(s)")]
    private partial void LogQueued(DateOnly today, int count);
}
