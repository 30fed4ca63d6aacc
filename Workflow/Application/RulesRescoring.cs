using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.RuleChanges;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Alerts;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Application;


/// <summary>
/// Brings the stored verdicts in line with the rules in force: every report's latest results scored by another
/// version of its plan are scored again with the plan now active, alerts follow the once-per-status rule as for
/// a new report, and the district's sums are added up again. It looks for what is out of date rather than being
/// told, so it is safe to run again: after an activation, and on every sweep in case a run was cut short.
/// </summary>
public sealed partial class RulesRescoring : ISweepCatchUp
{
    // Each plan's version whose results are all scored by it: noted in storage, read once by each process's first sweep.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _upToDate = new(StringComparer.Ordinal);
    private volatile bool _marksRead;
    private readonly RescoredPlans _marks;

    private readonly ActiveRules _activeRules;
    private readonly ResultStore _results;
    private readonly ChangeLog _changes;
    private readonly ReportLog _reports;
    private readonly ReportPipeline _pipeline;
    private readonly FormerPlacesBaselines _baselines;
    private readonly Notifier _notifier;
    private readonly TimeProvider _clock;
    private readonly ILogger<RulesRescoring> _logger;

    /// <summary>Creates the job.</summary>
    public RulesRescoring(
        ActiveRules activeRules, ResultStore results, ReportLog reports, ReportPipeline pipeline, FormerPlacesBaselines baselines, Notifier notifier,
        TimeProvider clock, ILogger<RulesRescoring> logger, ChangeLog changes, RescoredPlans marks)
    {
        _marks = marks;
        _changes = changes;
        _activeRules = activeRules;
        _results = results;
        _reports = reports;
        _pipeline = pipeline;
        _baselines = baselines;
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

        if (!_marksRead)
        {
            foreach (var (plan, version) in await _marks.ReadAsync(cancellationToken))
            {
                _upToDate.TryAdd(plan, version);
            }

            _marksRead = true;
        }

        // Only the plans whose version no process has yet brought every result up to: a sweep with no rules change reads
        // nothing, and a change to one province's plan reads that province's places, not the country's.
        var pending = rules.Plans.Where(plan => !_upToDate.TryGetValue(plan.Id, out var version) || version != plan.Version).ToList();
        var standing = new List<StoredResult>();
        foreach (var place in pending.SelectMany(plan => plan.Places.Places.Select(place => place.Id)).Distinct(StringComparer.Ordinal))
        {
            standing.AddRange(await _results.LatestForPlaceAsync(place, cancellationToken));
        }

        // And, for a while after a rules version became active, what was stored in the last minutes: a report scored by the
        // old rules as the new ones became active may be stored after the pass that brought its place up to date.
        var now = _clock.GetUtcNow();
        var activatedAt = (await _activeRules.GetActiveInfoAsync(cancellationToken))?.ActivatedAt ?? DateTimeOffset.MinValue;
        var racing = now - activatedAt < DistrictSumsCatchUp.RecentWindow
            ? await _changes.SinceAsync(now - DistrictSumsCatchUp.RecentWindow, now, cancellationToken)
            : [];
        // A change noted with the version in force was scored by it: only the others (and rows without a version) are read.
        foreach (var change in racing.Where(change => !ScoredBy(rules, change)).DistinctBy(change => (change.Place, change.Period)))
        {
            if (!pending.Any(plan => plan.Places.Find(change.Place) is not null))
            {
                standing.AddRange(await _results.LatestAsync(change.Place, change.Period, cancellationToken));
            }
        }

        var outdated = standing
            .Where(result => result.Source == FigureSource.Reported)
            .GroupBy(result => (result.Jurisdiction, result.Period, result.Report, result.Unit, result.ReceivedAt, result.Arrival))
            .Select(group => (group.Key, Rows: group.ToList(), Plan: Period.TryParse(group.Key.Period, out var period) ? rules.FindPlan(period, group.Key.Jurisdiction) : null))
            .Where(entry => entry.Plan is not null && entry.Rows.Any(row => row.RulesVersion != entry.Plan.Version))
            .OrderBy(entry => entry.Key.Arrival)
            .ToList();
        if (outdated.Count == 0)
        {
            await MarkUpToDateAsync(pending, cancellationToken);
            return 0;
        }

        // Alert ids carry the activation, so the same version active again (a rollback, then forward) alerts anew.
        var activation = Keys.Ticks((await _activeRules.GetActiveInfoAsync(cancellationToken))?.ActivatedAt ?? _clock.GetUtcNow());
        var files = new Dictionary<string, IReadOnlyList<ReportRecord>>(StringComparer.Ordinal);
        var rescored = new List<(Plan, ScoredCard)>();
        foreach (var (key, rows, found) in outdated)
        {
            var plan = found!;
            var period = Period.Parse(key.Period);
            // The file names the alerts quote: the plan's reports of the period, one filtered read of its partition.
            if (!files.TryGetValue($"{plan.District.Id}|{key.Period}", out var log))
            {
                files[$"{plan.District.Id}|{key.Period}"] = log = await _reports.ForPlanAndPeriodAsync(plan.District.Id, period, cancellationToken);
            }

            var carried = await _baselines.ForAsync(rules, plan, key.Jurisdiction, cancellationToken);
            var card = RulesPreview.Rescore(plan, period, key.Jurisdiction, rows.Select(RulesPreviewer.Standing), key.Report, carried);
            var file = Path.GetFileName(log.FirstOrDefault(record => record.Key == key.Report)?.Blob ?? key.Report);
            var reference = new ReportReference($"{key.Report}~rules~{activation}", file, key.Unit, period, plan.NameOf(key.Jurisdiction), rules.CommitteeOf(key.Jurisdiction)?.Id, plan.Coordinator,
                ResolvedBecause.RulesChanged);
            rescored.Add((plan, new ScoredCard(card, reference, key.Jurisdiction, new ReportedFigures(key.Report, key.Unit, key.ReceivedAt, key.Arrival, activation, Log: null))));
        }

        var queued = await _pipeline.RecordAsync(rules, rescored, _clock.GetUtcNow(), cancellationToken);
        LogRescored(outdated.Count, queued.Count);
        await _notifier.SendAsync(queued, cancellationToken);
        await MarkUpToDateAsync(pending, cancellationToken);
        return outdated.Count;
    }

    private static bool ScoredBy(RuleBook rules, FigureChange change) =>
        change.RulesVersion is { } version && Period.TryParse(change.Period, out var period) && rules.FindPlan(period, change.Place)?.Version == version;

    // Marked only once every outdated report is scored again: a pass cut short is done again by the next sweep.
    private async Task MarkUpToDateAsync(IReadOnlyList<Plan> plans, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            return;
        }

        await _marks.MarkAsync(plans.Select(plan => (plan.Id, plan.Version)), cancellationToken);
        foreach (var plan in plans)
        {
            _upToDate[plan.Id] = plan.Version;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Reports} report(s) again with the rules in force: {Emails} new email(s)")]
    private partial void LogRescored(int reports, int emails);
}
