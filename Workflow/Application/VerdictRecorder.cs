using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// The one path from verdicts to storage and people, in the outbox pattern's order: decide the alerts (once per
/// status) and claim the statuses alerted (a new report's results in the same transaction, where they fit), store the
/// messages, then the results if not stored yet and, for a new report, its log entry last, so a report counts as
/// received only once everything it produced is stored. Nothing is sent here:
/// the caller sends once everything it does is stored. A crash anywhere is repaired by doing it again, and nothing
/// is told twice (message ids, alert state).
/// </summary>
/// <remarks>
/// Reports for the same place and period are scored at the same time (the same file sent twenty times, several
/// units' files at once). Each plans its alerts from the alert state it read; the claim of the statuses is
/// conditional on that state being unchanged (<see cref="AlertStateStore.TryClaimAsync"/>), and a report whose
/// claim lost reads the winner's state and plans again before it queues anything. So a status is alerted once
/// however many reports carry it. A retry after a crash between the claim and the messages plans from what its
/// own claim replaced, so it queues the same messages (same ids) rather than none.
/// </remarks>
public sealed class VerdictRecorder
{
    private readonly ResultStore _results;
    private readonly AlertStateStore _alertState;
    private readonly ReportLog _reports;
    private readonly Notifier _notifier;
    private readonly FollowUpService _followUps;

    /// <summary>How many lost claims in a row before giving up to the trigger's retry: each one lost is another report's won.</summary>
    private const int MaxClaims = 50;

    /// <summary>Creates the recorder.</summary>
    public VerdictRecorder(ResultStore results, AlertStateStore alertState, ReportLog reports, Notifier notifier, FollowUpService followUps)
    {
        _followUps = followUps;
        _results = results;
        _alertState = alertState;
        _reports = reports;
        _notifier = notifier;
    }

    /// <summary>Records one scored card; returns the ids of the messages it queued.</summary>
    public async Task<IReadOnlyList<string>> RecordAsync(RuleBook rules, ScoredCard scored, CancellationToken cancellationToken)
    {
        var card = scored.Card;
        var explanations = card.Scores.Select(ScoreExplainer.Explain).ToList();
        // A new report's results go in its claim's transaction, where the state sits beside them: one request for both.
        var results = scored.Figures is ReportedFigures { RescoredBy: null } first && scored.AlertPlace == card.Jurisdiction
            ? ResultStore.FirstReportActions(card, explanations, first.ReportKey, first.Unit, first.ReceivedAt, first.Arrival)
            : null;
        var (decided, resultsStored) = await ClaimAlertsAsync(scored, LikelyFirst(rules, scored), results, cancellationToken);
        // The cases before the messages: the alert's link opens a case that exists.
        await _followUps.RecordAsync(scored.Report, card.Jurisdiction, decided, cancellationToken);
        var queued = await _notifier.QueueAsync(rules, scored.Report.Key, [new VerdictNotice(scored.Report, decided)], cancellationToken);
        switch (scored.Figures)
        {
            case ReportedFigures reported when !resultsStored:
                await _results.SaveAsync(
                    card, explanations, reported.ReportKey, reported.Unit, reported.ReceivedAt, reported.Arrival, cancellationToken, reported.RescoredBy);
                break;
            case CommuneSums sums:
                if (!await _results.SaveRolledUpAsync(card.Jurisdiction, card.Period, sums.RolledUp, sums.Stale, sums.RulesVersion, sums.ComputedAt, sums.Basis, cancellationToken))
                {
                    // Sums added up from later reports were stored meanwhile: these sums' alerts are queued and their
                    // statuses claimed all the same, so the state holds what people were last told.
                    return queued;
                }

                break;
        }

        if (scored.Figures is ReportedFigures { Log: { } log })
        {
            await _reports.RecordAsync(log, PlaceReportIndex.PlanPlaceOf(rules, log), cancellationToken);
        }

        return queued;
    }

    /// <summary>
    /// Whether the report is most likely the first of its place and period, so its alert state is claimed unread: a new
    /// report of a place below the plan's own, whose committee alone reports for it. Not the plan's own place, where every
    /// department reports, nor sums or a re-scoring, which follow earlier claims.
    /// </summary>
    private static bool LikelyFirst(RuleBook rules, ScoredCard scored) =>
        scored.Figures is ReportedFigures { RescoredBy: null }
        && rules.FindPlan(scored.Card.Period, scored.Card.Jurisdiction) is { } plan
        && !plan.IsDistrict(scored.Card.Jurisdiction);

    /// <summary>
    /// Plans the card's alerts and claims their statuses, planning again from the newer state each time another report's
    /// claim came first. The first claim carries <paramref name="results"/> (a new report's, added blind), and says whether
    /// they were stored with it; a claim that failed is made again without them, which the caller then stores alone.
    /// </summary>
    private async Task<(AlertPlan Decided, bool ResultsStored)> ClaimAlertsAsync(
        ScoredCard scored, bool likelyFirst, IReadOnlyList<Azure.Data.Tables.TableTransactionAction>? results, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var unread = attempt == 1 && likelyFirst
                ? await _alertState.UnreadAsync(scored.AlertPlace, scored.Card.Period, scored.Card.Scores.Select(score => score.Indicator.Code), cancellationToken)
                : null;
            var state = unread ?? await _alertState.ReadAsync(scored.AlertPlace, scored.Card.Period, cancellationToken);
            var decided = AlertPlanner.Plan(scored.Card, state.AlertedBefore(scored.Report.Key));
            var alongside = attempt == 1 ? results : null;
            if (await _alertState.TryClaimAsync(state, decided.States, scored.Report.Key, cancellationToken, alongside))
            {
                return (decided, alongside is not null);
            }

            if (attempt == MaxClaims)
            {
                // Nothing is queued yet: the trigger's retry plans again from whatever state it finds.
                throw new InvalidOperationException($"The alert state of {scored.AlertPlace} {scored.Card.Period} kept changing: {MaxClaims} claims lost.");
            }

            // Each lost claim means another report's succeeded; a short random pause keeps a crowd from colliding in step.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), cancellationToken);
        }
    }
}
