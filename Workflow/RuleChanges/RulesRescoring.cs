using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.RuleChanges;
using GenderPlan.Workflow.Handlers;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.RuleChanges;


/// <summary>
/// Brings the stored verdicts in line with the rules in force: every report's latest results scored by another
/// version of its plan are scored again with the plan now active, alerts follow the once-per-status rule as for
/// a new report, and the district's sums are added up again. It looks for what is out of date rather than being
/// told, so it is safe to run again: after an activation, and on every sweep in case a run was cut short.
/// </summary>
public sealed partial class RulesRescoring : ISweepCatchUp
{
    private readonly ActiveRules _activeRules;
    private readonly ResultStore _results;
    private readonly AlertStateStore _alertState;
    private readonly ReportLog _reports;
    private readonly DistrictRollUp _rollUp;
    private readonly Notifier _notifier;
    private readonly TimeProvider _clock;
    private readonly ILogger<RulesRescoring> _logger;

    /// <summary>Creates the job.</summary>
    public RulesRescoring(
        ActiveRules activeRules, ResultStore results, AlertStateStore alertState, ReportLog reports, DistrictRollUp rollUp, Notifier notifier,
        TimeProvider clock, ILogger<RulesRescoring> logger)
    {
        _activeRules = activeRules;
        _results = results;
        _alertState = alertState;
        _reports = reports;
        _rollUp = rollUp;
        _notifier = notifier;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Scores again every report whose standing results another plan version scored; returns how many reports.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (await _activeRules.GetAsync(cancellationToken) is not { } rules)
        {
            return 0;
        }

        var standing = await _results.AllLatestAsync(cancellationToken);
        var outdated = standing
            .Where(result => result.Source == FigureSource.Reported)
            .GroupBy(result => (result.Jurisdiction, result.Period, result.Report, result.Unit, result.ReceivedAt, result.Arrival))
            .Select(group => (group.Key, Rows: group.ToList(), Plan: Period.TryParse(group.Key.Period, out var period) ? rules.FindPlan(period, group.Key.Jurisdiction) : null))
            .Where(entry => entry.Plan is not null && entry.Rows.Any(row => row.RulesVersion != entry.Plan.Version))
            .OrderBy(entry => entry.Key.Arrival)
            .ToList();
        if (outdated.Count == 0)
        {
            return 0;
        }

        // Alert ids carry the activation, so the same version active again (a rollback, then forward) alerts anew.
        var activation = Keys.Ticks((await _activeRules.GetActiveInfoAsync(cancellationToken))?.ActivatedAt ?? _clock.GetUtcNow());
        var composer = _notifier.Composer(rules);
        var files = new Dictionary<string, IReadOnlyList<ReportRecord>>(StringComparer.Ordinal);
        var queued = new List<string>();
        foreach (var (key, rows, found) in outdated)
        {
            var plan = found!;
            var period = Period.Parse(key.Period);
            if (!files.TryGetValue(key.Period, out var log))
            {
                files[key.Period] = log = await _reports.ForPeriodAsync(period, cancellationToken);
            }

            var card = RulesPreview.Rescore(plan, period, key.Jurisdiction, rows.Select(RulesPreviewer.Standing), key.Report);
            var decided = AlertPlanner.Plan(card, await _alertState.GetAsync(key.Jurisdiction, period, cancellationToken));
            var file = Path.GetFileName(log.FirstOrDefault(record => record.Key == key.Report)?.Blob ?? key.Report);
            var reference = new ReportReference($"{key.Report}~rules~{activation}", file, key.Unit, period, plan.NameOf(key.Jurisdiction), rules.CommitteeOf(key.Jurisdiction)?.Id);
            queued.AddRange(await _notifier.QueueAsync(composer.Alerts(reference, decided), AlertKind.Alert, reference.Key, cancellationToken));
            queued.AddRange(await _notifier.QueueAsync(composer.ResolvedNotices(reference, decided), AlertKind.Resolved, reference.Key, cancellationToken));
            await _results.SaveAsync(card, card.Scores.Select(ScoreExplainer.Explain).ToList(), key.Report, key.Unit, key.ReceivedAt, key.Arrival, cancellationToken, rescoredBy: activation);
            await _alertState.ApplyAsync(key.Jurisdiction, period, decided.States, reference.Key, cancellationToken);
        }

        foreach (var (plan, period) in outdated.Select(entry => (entry.Plan!, Period.Parse(entry.Key.Period))).Distinct())
        {
            queued.AddRange(await _rollUp.RecomputeAsync(rules, plan, period, _clock.GetUtcNow(), cancellationToken));
        }

        LogRescored(outdated.Count, queued.Count);
        await _notifier.SendAsync(queued, cancellationToken);
        return outdated.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Reports} report(s) again with the rules in force: {Emails} new email(s)")]
    private partial void LogRescored(int reports, int emails);
}
