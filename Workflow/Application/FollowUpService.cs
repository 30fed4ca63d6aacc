using System.Globalization;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Documents.Alerts;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Application;

/// <summary>What an answer to a case came to, for the HTTP layer to turn into a status code.</summary>
public enum FollowUpOutcome
{
    /// <summary>Stored (200).</summary>
    Changed,

    /// <summary>No such case (404).</summary>
    NotFound,

    /// <summary>The case is another unit's, or only the coordinator may close it (403).</summary>
    Forbidden,

    /// <summary>The answer is not one the case can take: an empty action, a past date, no reason (422).</summary>
    Invalid,

    /// <summary>The case is closed already (409).</summary>
    Closed,
}

/// <summary>The answer to a change of a case.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Case">The case as it stands afterwards, when there is one the caller may see.</param>
/// <param name="Field">The field refused.</param>
/// <param name="Problem">Why.</param>
public sealed record FollowUpResult(FollowUpOutcome Outcome, FollowUpCase? Case = null, string? Field = null, string? Problem = null);

/// <summary>
/// The loop from an alert to what was done about it. A case opens with each alert the once-per-status rule lets through
/// (<see cref="RecordAsync"/>, called before the alert is queued, so the email's link finds it), closes when a later
/// report or a rules change puts the indicator back on its path, and is answered by its unit through its link. The
/// sweep (<see cref="CatchUpAsync"/>) reminds a unit once, escalates what stays unanswered for the plan's days, marks
/// as overdue an action whose date passed, and sends the coordinator one digest a week. Every step is idempotent:
/// case ids and message ids are stable, and a change is conditional on the case read.
/// </summary>
public sealed partial class FollowUpService : ISweepCatchUp
{
    /// <summary>Writes lost in a row before giving up: each one lost is another answer's won.</summary>
    private const int MaxConflicts = 20;
    // The day this process last went through every open case to its end: the clock's steps fall on days.
    private DateOnly? _caughtUpOn;
    private readonly FollowUpStore _store;
    private readonly ActiveRules _activeRules;
    private readonly Notifier _notifier;
    private readonly TimeProvider _clock;
    private readonly ILogger<FollowUpService> _logger;

    /// <summary>Creates the service.</summary>
    public FollowUpService(FollowUpStore store, ActiveRules activeRules, Notifier notifier, TimeProvider clock, ILogger<FollowUpService> logger)
    {
        _store = store;
        _activeRules = activeRules;
        _notifier = notifier;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Opens a case for each indicator alerted (the unit the alert is addressed to: the commune's committee for a
    /// commune's figures, else the indicator's lead) and closes the cases of those that recovered.
    /// </summary>
    /// <remarks>
    /// The cases of one unit share its partition, so all of a report's opened and closed cases of a unit are written in
    /// one transaction (a few requests less per report at national scale). A transaction that finds a case there already
    /// (the same alert delivered again) or changed meanwhile stores nothing, and its cases are then written one by one,
    /// as they always were: opened, or alerted again, or resolved on the case as it stands.
    /// </remarks>
    public async Task RecordAsync(ReportReference report, string place, AlertPlan decided, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var today = ReportingCalendar.VietnamDate(now);
        var period = report.Period.ToString();
        var resolution = report.Resolution == ResolvedBecause.RulesChanged ? FollowUpResolution.RulesChanged : FollowUpResolution.Report;
        var changes = new List<(string Unit, string Id, Func<Task> OneByOne, Func<Task<FollowUpWrite?>> Together)>();
        foreach (var score in decided.Behind)
        {
            var unit = report.Committee ?? score.Indicator.Lead;
            var (opened, what) = FollowUpCase.Open(unit, score.Indicator.Code, place, period, score.Status, now, today);
            changes.Add((unit, opened.Id, () => OpenAsync(opened, what, score.Status, now, today, cancellationToken), () => Task.FromResult<FollowUpWrite?>(new FollowUpWrite(opened, what))));
        }

        foreach (var score in decided.Recovered)
        {
            var unit = report.Committee ?? score.Indicator.Lead;
            var id = FollowUpCase.IdFor(unit, score.Indicator.Code, place, period);
            Func<FollowUpCase, (FollowUpCase Case, FollowUpEvent Event)?> resolve = found => found.Resolve(resolution, FollowUpCase.System, $"{score.Status.Vietnamese()} ({report.File})", now);
            changes.Add((unit, id, () => ChangeAsync(id, resolve, cancellationToken), async () =>
                await _store.GetAsync(id, cancellationToken) is { } stored && resolve(stored.Case) is { } next ? new FollowUpWrite(next.Case, next.Event, stored) : null));
        }

        foreach (var unit in changes.GroupBy(change => change.Unit, StringComparer.Ordinal))
        {
            // A case named twice cannot be in one transaction; such a report (none is known) takes the old way.
            if (unit.Select(change => change.Id).Distinct(StringComparer.Ordinal).Count() != unit.Count())
            {
                foreach (var change in unit)
                {
                    await change.OneByOne();
                }

                continue;
            }

            var writes = new List<FollowUpWrite>();
            var byCase = new Dictionary<string, Func<Task>>(StringComparer.Ordinal);
            foreach (var change in unit)
            {
                if (await change.Together() is { } write)
                {
                    writes.Add(write);
                    byCase[write.Case.Id] = change.OneByOne;
                }
            }

            foreach (var refused in await _store.TryWriteTogetherAsync(writes, cancellationToken))
            {
                await byCase[refused.Case.Id]();
            }
        }
    }

    /// <summary>Opens the case, or, when it exists already, alerts it again unless it is open with that status.</summary>
    private async Task OpenAsync(FollowUpCase opened, FollowUpEvent what, Status status, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        if (!await _store.TryAddAsync(opened, what, cancellationToken))
        {
            await ChangeAsync(opened.Id, found => found.Status == status && found.State.IsOpen() ? null : found.Realert(status, now, today), cancellationToken);
        }
    }

    /// <summary>The unit's answer: the action it will take and when it expects a result.</summary>
    public async Task<FollowUpResult> AcknowledgeAsync(string id, string unit, string? action, string? expectedBy, CancellationToken cancellationToken)
    {
        var date = DateOnly.TryParseExact(expectedBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
        if (expectedBy is { Length: > 0 } && date is null)
        {
            return new FollowUpResult(FollowUpOutcome.Invalid, Field: "expectedBy", Problem: $"'{Shorten(expectedBy)}' không phải ngày dạng yyyy-mm-dd. / '{Shorten(expectedBy)}' is not a date written yyyy-mm-dd.");
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await _store.GetAsync(id, cancellationToken) is not { } stored)
            {
                return new FollowUpResult(FollowUpOutcome.NotFound);
            }

            if (stored.Case.Unit != unit)
            {
                return new FollowUpResult(FollowUpOutcome.Forbidden);
            }

            var now = _clock.GetUtcNow();
            var answer = stored.Case.Acknowledge(unit, action, date, now, ReportingCalendar.VietnamDate(now));
            if (answer.IsClosed)
            {
                return new FollowUpResult(FollowUpOutcome.Closed, stored.Case, Problem: answer.Problem);
            }

            if (answer.Case is not { } changed)
            {
                return new FollowUpResult(FollowUpOutcome.Invalid, stored.Case, answer.Field, answer.Problem);
            }

            if (await _store.TryReplaceAsync(changed, answer.Event!, stored, cancellationToken))
            {
                LogAcknowledged(id, unit);
                return new FollowUpResult(FollowUpOutcome.Changed, changed);
            }

            if (attempt == MaxConflicts)
            {
                throw new InvalidOperationException($"The follow-up case {id} kept changing: {MaxConflicts} writes lost.");
            }

            await PauseAsync(attempt, cancellationToken);
        }
    }

    /// <summary>The coordinator closes a case with a reason (a figure corrected by phone, an indicator no longer pursued).</summary>
    public async Task<FollowUpResult> CloseAsync(string id, string coordinator, string? reason, CancellationToken cancellationToken)
    {
        var written = reason?.Trim() ?? "";
        if (written.Length == 0 || written.Length > FollowUpCase.MaxTextLength)
        {
            return new FollowUpResult(FollowUpOutcome.Invalid, Field: "reason",
                Problem: $"Đề nghị ghi lý do kết thúc theo dõi (tối đa {FollowUpCase.MaxTextLength} ký tự). / Give the reason for closing the case (at most {FollowUpCase.MaxTextLength} characters).");
        }

        if (await _store.GetAsync(id, cancellationToken) is null)
        {
            return new FollowUpResult(FollowUpOutcome.NotFound);
        }

        var closed = await ChangeAsync(id, found => found.Resolve(FollowUpResolution.Coordinator, coordinator, written, _clock.GetUtcNow()), cancellationToken);
        return closed is null
            ? new FollowUpResult(FollowUpOutcome.Closed, (await _store.GetAsync(id, cancellationToken))?.Case)
            : new FollowUpResult(FollowUpOutcome.Changed, closed);
    }

    /// <summary>
    /// The clock's part: for each case not closed, one reminder to its unit before escalation (not for an archived
    /// plan, which reminds nobody), escalation after the plan's days, overdue once the expected date passed; then one
    /// digest a week to each coordinator with escalated or overdue cases. Returns how many cases changed. Its steps fall
    /// on days (Vietnam's), so a process goes through the cases once a day, on its first sweep of the day: reading every
    /// open case on each 5-minute sweep would cost as much as the cases kept, for nothing new.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (await _activeRules.GetAsync(cancellationToken) is not { } rules)
        {
            return 0;
        }

        var now = _clock.GetUtcNow();
        var today = ReportingCalendar.VietnamDate(now);
        if (_caughtUpOn == today)
        {
            return 0;
        }

        var changed = 0;
        var open = new List<FollowUpCase>();
        foreach (var stored in await _store.OpenAsync(cancellationToken))
        {
            var plan = PlanOf(rules, stored.Case);
            var step = stored.Case.Due(today, plan?.FollowUp ?? FollowUpSettings.Default);
            var current = stored.Case;
            if (step == FollowUpStep.Remind && plan?.IsArchivedOn(today) != true)
            {
                // Queued before the case says so: a crash between queues the same message (same id) again, never a second one.
                await _notifier.NotifyAsync(rules, stored.Case.Id, [new FollowUpReminderNotice(stored.Case, Escalation(plan, stored.Case))], cancellationToken);
            }

            if (step != FollowUpStep.None)
            {
                var (next, what) = stored.Case.Apply(step, now);
                if (await _store.TryReplaceAsync(next, what, stored, cancellationToken))
                {
                    current = next;
                    changed++;
                }
            }

            open.Add(current);
        }

        changed += await SendDigestsAsync(rules, open, today, cancellationToken);
        if (changed > 0)
        {
            LogCaughtUp(changed);
        }

        _caughtUpOn = today;
        return changed;
    }

    /// <summary>One digest per coordinator per ISO week (the message id says which week), listing its plans' escalated and overdue cases.</summary>
    private async Task<int> SendDigestsAsync(RuleBook rules, IReadOnlyList<FollowUpCase> open, DateOnly today, CancellationToken cancellationToken)
    {
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):D2}";
        var sent = 0;
        foreach (var group in open.Where(found => found.State is FollowUpState.Escalated or FollowUpState.Overdue)
                     .GroupBy(found => PlanOf(rules, found)?.Coordinator ?? rules.Coordinator))
        {
            sent += await _notifier.NotifyAsync(rules, $"follow-up-digest-{group.Key}-{week}", [new FollowUpDigestNotice(group.Key, week, [.. group.OrderBy(found => found.OpenedOn)])], cancellationToken);
        }

        return sent;
    }

    private static Plan? PlanOf(RuleBook rules, FollowUpCase found) =>
        Period.TryParse(found.Period, out var period) ? rules.FindPlan(period, found.Place) : null;

    private static DateOnly Escalation(Plan? plan, FollowUpCase found) => (plan?.FollowUp ?? FollowUpSettings.Default).EscalationOn(found.OpenedOn);

    /// <summary>Applies <paramref name="change"/> to the case as stored, again on a lost race; null when the case is missing or the change does nothing.</summary>
    private async Task<FollowUpCase?> ChangeAsync(string id, Func<FollowUpCase, (FollowUpCase Case, FollowUpEvent Event)?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxConflicts; attempt++)
        {
            if (await _store.GetAsync(id, cancellationToken) is not { } stored || change(stored.Case) is not { } next)
            {
                return null;
            }

            if (await _store.TryReplaceAsync(next.Case, next.Event, stored, cancellationToken))
            {
                return next.Case;
            }

            await PauseAsync(attempt, cancellationToken);
        }

        throw new InvalidOperationException($"The follow-up case {id} kept changing: {MaxConflicts} writes lost.");
    }

    // A short random pause keeps writers that lost to each other from colliding again in step.
    private static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 10 * Math.Min(attempt, 10) + 10)), cancellationToken);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up {Id} acknowledged by {Unit}")]
    private partial void LogAcknowledged(string id, string unit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-ups: {Changed} case(s) reminded, escalated, marked overdue or digested")]
    private partial void LogCaughtUp(int changed);
}
