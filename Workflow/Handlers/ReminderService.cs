using GenderPlan.Core.Alerts;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Email;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Handlers;

/// <summary>
/// The daily reminder job. Before each deadline (15 June, 25 November; the days ahead are configurable),
/// every unit that owes a report for the period and has not sent one is reminded; the day after a
/// deadline, each unit still missing gets an overdue notice, copied to the coordinator. The units that owe
/// the district report are the lead units of the plan covering the period. Reminder ids are per unit and
/// day, so a timer that fires twice queues nothing twice.
/// </summary>
public sealed partial class ReminderService : IReminderService
{
    private const string District = "dak-to";
    private readonly ActiveRules _activeRules;
    private readonly ReportLog _reports;
    private readonly AlertOutbox _outbox;
    private readonly AlertDispatcher _dispatcher;
    private readonly WorkflowOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReminderService> _logger;

    /// <summary>Creates the job.</summary>
    public ReminderService(ActiveRules activeRules, ReportLog reports, AlertOutbox outbox, AlertDispatcher dispatcher, IOptions<WorkflowOptions> options, TimeProvider clock, ILogger<ReminderService> logger)
    {
        _activeRules = activeRules;
        _reports = reports;
        _outbox = outbox;
        _dispatcher = dispatcher;
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
        var composer = new AlertComposer(rules, _options.CoordinatorUnit, _options.ScorecardUrl);
        var messages = new List<(EmailMessage Message, AlertKind Kind)>();

        var next = ReportingCalendar.NextDue(today);
        var daysLeft = ReportingCalendar.Deadline(next).DayNumber - today.DayNumber;
        if (_options.ReminderDaysAhead.Contains(daysLeft))
        {
            foreach (var unit in await MissingAsync(rules, next, cancellationToken))
            {
                messages.Add((composer.Reminder(unit, next, today), AlertKind.Reminder));
            }
        }

        var last = ReportingCalendar.LastDue(today);
        if (today == ReportingCalendar.Deadline(last).AddDays(1))
        {
            foreach (var unit in await MissingAsync(rules, last, cancellationToken))
            {
                messages.Add((composer.Overdue(unit, last), AlertKind.Overdue));
            }
        }

        var added = new List<string>();
        foreach (var group in messages.GroupBy(pair => pair.Kind))
        {
            added.AddRange(await _outbox.AddAsync(group.Select(pair => pair.Message), group.Key, $"calendar-{today:yyyy-MM-dd}", cancellationToken));
        }

        if (added.Count > 0)
        {
            LogQueued(today, added.Count);
        }

        await _dispatcher.SendNowAsync(added, cancellationToken);
        return added.Count;
    }

    private async Task<IReadOnlyList<string>> MissingAsync(RuleBook rules, Period period, CancellationToken cancellationToken)
    {
        var plan = rules.FindPlan(period, District);
        if (plan is null)
        {
            return [];
        }

        var missing = new List<string>();
        foreach (var unit in plan.Indicators.Select(indicator => indicator.Lead).Distinct())
        {
            if (await _reports.CurrentAsync(period, District, unit, cancellationToken) is null)
            {
                missing.Add(unit);
            }
        }

        return missing;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder job for {Today:yyyy-MM-dd}: {Count} new email(s)")]
    private partial void LogQueued(DateOnly today, int count);
}
