using GenderPlan.Core.Approval;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Application;

/// <summary>The answer to a decision about a report.</summary>
/// <param name="Refusal">Why it was not taken, or null.</param>
/// <param name="Report">The report, or null when no report has the key.</param>
/// <param name="Decision">The decision that stands (the first one, when the report was decided before).</param>
/// <param name="Plan">The report's plan, when the rules have one.</param>
public sealed record DecisionOutcome(DecisionRefusal? Refusal, ReportRecord? Report, StoredDecision? Decision, Plan? Plan);

/// <summary>
/// Approving and returning reports (<see cref="ReportDecisions"/> for the rules). A decision is stored first; a return
/// then takes the report out of what counts, in steps each safe to repeat: the place and period's latest results are
/// derived again from the other reports (<see cref="ResultStore.RestoreWithoutAsync"/>, from the history every report's
/// results are kept in), the sums over them are added up again by the one roll-up, the pages are republished and the
/// unit is sent the reason with its upload link. Each step's end is recorded on the decision, and the sweep
/// (<see cref="CatchUpAsync"/>) finishes a return cut short. The report itself stays stored and listed.
/// </summary>
public sealed partial class ReportApproval : ISweepCatchUp
{
    private readonly ActiveRules _activeRules;
    private readonly ReportLog _reports;
    private readonly ReportDecisionStore _decisions;
    private readonly PlaceReportIndex _index;
    private readonly ResultStore _results;
    private readonly DistrictRollUp _rollUp;
    private readonly Notifier _notifier;
    private readonly IDashboardPublisher _dashboard;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReportApproval> _logger;

    /// <summary>Creates the service.</summary>
    public ReportApproval(
        ActiveRules activeRules, ReportLog reports, ReportDecisionStore decisions, ResultStore results, DistrictRollUp rollUp, Notifier notifier,
        IDashboardPublisher dashboard, TimeProvider clock, ILogger<ReportApproval> logger, PlaceReportIndex index)
    {
        _index = index;
        _activeRules = activeRules;
        _reports = reports;
        _decisions = decisions;
        _results = results;
        _rollUp = rollUp;
        _notifier = notifier;
        _dashboard = dashboard;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// <paramref name="unit"/> decides <paramref name="word"/> (<c>approve</c> or <c>return</c>) about the report of
    /// <paramref name="reportKey"/>, with <paramref name="reason"/>. The same decision twice keeps the first stamp; the
    /// other decision after one is refused. A return is carried through before this returns.
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(string unit, string reportKey, string? word, string? reason, CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        var report = await _reports.FindAsync(reportKey, cancellationToken);
        if (rules is null || report is null)
        {
            return new DecisionOutcome(null, null, null, null);
        }

        var plan = rules.FindPlan(Period.Parse(report.Period), report.Jurisdiction);
        if (plan is null)
        {
            return new DecisionOutcome(DecisionRefusal.NotUsed, report, null, null);
        }

        var (refusal, kind, trimmed) = ReportDecisions.Check(rules, plan, unit, report.Jurisdiction, word, reason);
        if (refusal is not null)
        {
            return new DecisionOutcome(refusal, report, await _decisions.FindAsync(report.Period, report.Key, cancellationToken), plan);
        }

        var earlier = await _decisions.FindAsync(report.Period, report.Key, cancellationToken);
        var standing = earlier;
        if (earlier is null)
        {
            var stamp = new DecisionStamp(ReportDecisions.StateOf(kind), unit, _clock.GetUtcNow(), trimmed);
            var decision = new StoredDecision(report.Period, report.Key, report.Jurisdiction, report.Unit, report.Arrival, stamp, ReturnProgress.Decided, 0);
            (standing, var stored) = await _decisions.DecideAsync(decision, cancellationToken);
            if (stored)
            {
                LogDecided(report.Key, stamp.State.Word(), unit);
            }
        }

        // The pages read the decision beside the report in its plan's index: noted by every attempt, so one that stopped
        // between the decision and this is mended by the next.
        await _index.RecordDecisionAsync(plan.District.Id, report.Jurisdiction, report.Period, report.Key, standing!.Stamp, cancellationToken);
        var (_, conflict) = ReportDecisions.Against(standing.Stamp, kind);
        if (conflict is null && standing.Stamp.State == ApprovalState.Returned && standing.Progress != ReturnProgress.Done)
        {
            await CarryThroughAsync(rules, plan, report, standing, cancellationToken);
            standing = await _decisions.FindAsync(report.Period, report.Key, cancellationToken) ?? standing;
        }

        return new DecisionOutcome(conflict, report, standing, plan);
    }

    /// <summary>Finishes every return cut short (by a crash, a storage fault): results, sums, pages and the unit's email.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var unfinished = await _decisions.UnfinishedReturnsAsync(cancellationToken);
        if (unfinished.Count == 0 || await _activeRules.GetAsync(cancellationToken) is not { } rules)
        {
            return 0;
        }

        foreach (var decision in unfinished)
        {
            if (await _reports.FindAsync(decision.ReportKey, cancellationToken) is { } report
                && rules.FindPlan(Period.Parse(report.Period), report.Jurisdiction) is { } plan)
            {
                await CarryThroughAsync(rules, plan, report, decision, cancellationToken);
            }
        }

        LogFinished(unfinished.Count);
        return unfinished.Count;
    }

    /// <summary>The steps of a return, each idempotent, each recorded when done, so running them again costs reads.</summary>
    private async Task CarryThroughAsync(RuleBook rules, Plan plan, ReportRecord report, StoredDecision decision, CancellationToken cancellationToken)
    {
        var period = Period.Parse(report.Period);
        // Every return of the place and period, not only this one: restoring must not bring back another returned report.
        var returned = (await _decisions.ReturnsAsync(period, cancellationToken))
            .Where(each => each.Jurisdiction == report.Jurisdiction)
            .Select(each => each.ReportKey)
            .ToHashSet(StringComparer.Ordinal);
        var changed = await _results.RestoreWithoutAsync(report.Jurisdiction, report.Period, returned, cancellationToken);
        var carried = (await _results.ForReportAsync(report.Jurisdiction, report.Period, report.Key, cancellationToken)).Count;
        await _decisions.AdvanceAsync(decision, ReturnProgress.ResultsRestored, (report.Arrival * carried) + 1, cancellationToken);

        var queued = new List<string>(await _rollUp.RecomputeAsync(rules, plan, period, _clock.GetUtcNow(), cancellationToken));
        queued.AddRange(await _notifier.QueueAsync(rules, $"returned~{report.Key}", [new ReportReturnedNotice(report, decision.Stamp)], cancellationToken));
        await _dashboard.TryPublishAsync(report.Jurisdiction, cancellationToken);
        if (report.Jurisdiction != plan.District.Id)
        {
            await _dashboard.TryPublishAsync(plan.District.Id, cancellationToken);
        }

        await _decisions.AdvanceAsync(decision, ReturnProgress.Done, (report.Arrival * carried) + 1, cancellationToken);
        LogReturned(report.Key, changed, queued.Count);
        await _notifier.SendAsync(queued, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Report} {State} by {Unit}")]
    private partial void LogDecided(string report, string state, string unit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Returned report {Report} taken out of the results: {Changed} latest result(s) changed, {Emails} new email(s)")]
    private partial void LogReturned(string report, int changed, int emails);

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished {Returns} return(s) cut short")]
    private partial void LogFinished(int returns);
}
