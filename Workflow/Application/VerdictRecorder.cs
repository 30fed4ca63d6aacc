using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// The one path from verdicts to storage and people, in the outbox pattern's order: decide the alerts (once per
/// status), store the messages, then the results, the statuses alerted and, for a new report, its log entry
/// last, so a report counts as received only once everything it produced is stored. Nothing is sent here: the
/// caller sends once everything it does is stored. A crash anywhere is repaired by doing it again, and nothing is
/// told twice (message ids, alert state).
/// </summary>
public sealed class VerdictRecorder
{
    private readonly ResultStore _results;
    private readonly AlertStateStore _alertState;
    private readonly ReportLog _reports;
    private readonly Notifier _notifier;

    /// <summary>Creates the recorder.</summary>
    public VerdictRecorder(ResultStore results, AlertStateStore alertState, ReportLog reports, Notifier notifier)
    {
        _results = results;
        _alertState = alertState;
        _reports = reports;
        _notifier = notifier;
    }

    /// <summary>Records one scored card; returns the ids of the messages it queued.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(RuleBook rules, ScoredCard scored, CancellationToken cancellationToken)
    {
        var card = scored.Card;
        var decided = AlertPlanner.Plan(card, await _alertState.GetAsync(scored.AlertPlace, card.Period, cancellationToken));
        var queued = await _notifier.QueueAsync(rules, scored.Report.Key, [new VerdictNotice(scored.Report, decided)], cancellationToken);
        switch (scored.Figures)
        {
            case ReportedFigures reported:
                await _results.SaveAsync(
                    card, card.Scores.Select(ScoreExplainer.Explain).ToList(), reported.ReportKey, reported.Unit, reported.ReceivedAt, reported.Arrival, cancellationToken,
                    reported.RescoredBy);
                break;
            case CommuneSums sums:
                if (!await _results.SaveRolledUpAsync(card.Jurisdiction, card.Period, sums.RolledUp, sums.Stale, sums.RulesVersion, sums.ComputedAt, sums.Basis, cancellationToken))
                {
                    // Sums added up from later reports were stored meanwhile: their alert state stands, not these sums'.
                    return queued;
                }

                break;
        }

        await _alertState.ApplyAsync(scored.AlertPlace, card.Period, decided.States, scored.Report.Key, cancellationToken);
        if (scored.Figures is ReportedFigures { Log: { } log })
        {
            await _reports.RecordAsync(log, cancellationToken);
        }

        return queued;
    }
}
