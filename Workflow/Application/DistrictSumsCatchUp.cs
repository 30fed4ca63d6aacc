using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Adds up again, on the sweep, the sums of every period a place below a plan's own place reported for recently: the
/// plan's own place's and every place between's (a province plan's districts), as <see cref="DistrictRollUp"/> does
/// after a report. Two reports processed at the same instant can each add up without the other's figures, and
/// whichever is stored last wins; adding up once more after both are stored settles it. Adding up is idempotent (alerts once per
/// status, a disagreement told once per pair of figures), so doing it again for nothing costs reads, not emails.
/// </summary>
public sealed partial class DistrictSumsCatchUp : ISweepCatchUp
{
    /// <summary>
    /// How far back the first sweep ever looks, when no sweep stored how far it got (<see cref="SweepWatermarks"/>): longer
    /// than two sweeps, so a race is always seen by one sweep after both reports are stored.
    /// </summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(15);

    private const string WatermarkName = "sums";

    /// <summary>
    /// How far before its previous run a later sweep looks: a change whose time was taken before that run read the log and
    /// whose row was written after is added up by this one (a place added up twice, never one missed).
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(10);

    private readonly ActiveRules _activeRules;
    private readonly SweepWatermarks _watermarks;
    private readonly ChangeLog _changes;
    private readonly DistrictRollUp _rollUp;
    private readonly Notifier _notifier;
    private readonly TimeProvider _clock;
    private readonly ReportDecisionStore _decisions;
    private readonly ILogger<DistrictSumsCatchUp> _logger;

    /// <summary>Creates the job.</summary>
    public DistrictSumsCatchUp(
        ActiveRules activeRules, ChangeLog changes, DistrictRollUp rollUp, Notifier notifier, TimeProvider clock, ILogger<DistrictSumsCatchUp> logger, SweepWatermarks watermarks,
        ReportDecisionStore decisions)
    {
        _decisions = decisions;
        _watermarks = watermarks;
        _activeRules = activeRules;
        _changes = changes;
        _rollUp = rollUp;
        _notifier = notifier;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (await _activeRules.GetAsync(cancellationToken) is not { } rules)
        {
            return 0;
        }

        var now = _clock.GetUtcNow();
        // Only the places and periods whose figures were stored since the last sweep, this process's or, on its first, any
        // instance's (SweepWatermarks): the cost follows the work, not the history; a report's sums are added up by one
        // sweep, not by each of a window's; and a sweep that comes late, after an outage or a cold start, still finds them.
        var since = SweepWatermarks.StartOf(await _watermarks.GetAsync(WatermarkName, cancellationToken), now, RecentWindow) - Margin;
        var recent = (await _changes.SinceAsync(since, now, cancellationToken))
            .Select(change => Period.TryParse(change.Period, out var period) && rules.FindPlan(period, change.Place) is { } plan && !plan.IsDistrict(change.Place)
                ? (Plan: plan, Period: period, change.Place)
                : default)
            .Where(entry => entry.Plan is not null)
            .GroupBy(entry => (entry.Plan, entry.Period))
            .ToList();
        var queued = new List<string>();
        // A period's returns are one read for every plan this sweep adds up (34 provinces, one period: one read, not 34).
        var returns = new Dictionary<Period, IReadOnlyList<StoredDecision>>();
        foreach (var changed in recent)
        {
            if (!returns.TryGetValue(changed.Key.Period, out var periodReturns))
            {
                returns[changed.Key.Period] = periodReturns = await _decisions.ReturnsAsync(changed.Key.Period, cancellationToken);
            }

            // Only the places that reported are read again; the others' figures are those the last roll-up stored.
            var places = changed.Select(entry => entry.Place).ToHashSet(StringComparer.Ordinal);
            queued.AddRange(await _rollUp.RecomputeAsync(rules, changed.Key.Plan, changed.Key.Period, now, cancellationToken, changed: places, returns: periodReturns));
        }

        if (queued.Count > 0)
        {
            LogSettled(recent.Count, queued.Count);
            await _notifier.SendAsync(queued, cancellationToken);
        }

        _watermarks.Set(WatermarkName, now);
        return recent.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added up {Periods} plan period(s) again after recent reports below the plans' own places: {Emails} new email(s)")]
    private partial void LogSettled(int periods, int emails);
}
