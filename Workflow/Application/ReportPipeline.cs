using GenderPlan.Core.Domain;
using GenderPlan.Documents.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Takes scored reports, new or scored again, through alerts, storage and the district's sums: each report is
/// recorded (<see cref="VerdictRecorder"/>), then each period they touch is added up again from its communes
/// (after a commune's report, or after any report scored again, since the sums are scored by the same rules), or,
/// after a district's own report, compared with the sums stored. Returns what it queued; the caller sends it once
/// its own bookkeeping is stored, so a fault before that is retried and nothing is told twice.
/// </summary>
public sealed partial class ReportPipeline
{
    private readonly VerdictRecorder _recorder;
    private readonly DistrictRollUp _rollUp;
    private readonly ChangeLog _changes;
    private readonly bool _addUpOnSweep;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReportPipeline> _logger;

    /// <summary>Creates the pipeline.</summary>
    public ReportPipeline(VerdictRecorder recorder, DistrictRollUp rollUp, ChangeLog changes, TimeProvider clock, IOptions<WorkflowOptions> options, ILogger<ReportPipeline> logger)
    {
        _addUpOnSweep = options.Value.AddUpOnSweep;
        _changes = changes;
        _clock = clock;
        _recorder = recorder;
        _rollUp = rollUp;
        _logger = logger;
    }

    /// <summary>Records <paramref name="reports"/> in order and brings the sums they feed up to date; returns the ids of the messages queued.</summary>
    /// <param name="rules">The rules in force.</param>
    /// <param name="reports">Each report's plan and scored card.</param>
    /// <param name="now">When the sums are added up (a new report's arrival, or the clock when scoring again).</param>
    /// <param name="cancellationToken">Cancels the work; what was stored stays, and doing it again is safe.</param>
    public Task<IReadOnlyList<string>> RecordAsync(RuleBook rules, IReadOnlyList<(Plan Plan, ScoredCard Scored)> reports, DateTimeOffset now, CancellationToken cancellationToken) =>
        RecordAsync(rules, reports, now, noteChanges: true, cancellationToken);

    /// <summary>
    /// Records one new report as <see cref="RecordAsync(RuleBook, IReadOnlyList{ValueTuple{Plan, ScoredCard}}, DateTimeOffset, CancellationToken)"/>
    /// does, but returns the change its figures made instead of noting it: the caller notes it with the upload's end, in
    /// the same transaction (<see cref="UploadLog.FinishAsync(string, UploadAttempt, UploadOutcome, CancellationToken, FigureChange?)"/>),
    /// which saves the change its own request. The sweep finds it there.
    /// </summary>
    public async Task<(IReadOnlyList<string> Queued, FigureChange Change)> RecordNewAsync(RuleBook rules, Plan plan, ScoredCard scored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = await RecordAsync(rules, [(plan, scored)], now, noteChanges: false, cancellationToken);
        return (queued, ChangeOf(scored));
    }

    /// <summary>The change a scored card's figures make, for the sweep: its place and period, now, by its rules version.</summary>
    private FigureChange ChangeOf(ScoredCard scored) =>
        new(scored.Card.Jurisdiction, scored.Card.Period.ToString(), _clock.GetUtcNow(), scored.Card.RulesVersion);

    private async Task<IReadOnlyList<string>> RecordAsync(
        RuleBook rules, IReadOnlyList<(Plan Plan, ScoredCard Scored)> reports, DateTimeOffset now, bool noteChanges, CancellationToken cancellationToken)
    {
        var queued = new List<string>();
        foreach (var (_, scored) in reports)
        {
            queued.AddRange(await _recorder.RecordAsync(rules, scored, cancellationToken));
        }

        // Noted once the figures are stored: the sweep adds up again and republishes what changed, and only that.
        var changes = reports.GroupBy(report => (report.Scored.Card.Jurisdiction, Period: report.Scored.Card.Period.ToString())).Select(group => ChangeOf(group.Last().Scored));
        foreach (var change in noteChanges ? changes : [])
        {
            await _changes.RecordAsync(change.Place, change.Period, change.At, change.RulesVersion, cancellationToken);
        }

        var periods = reports
            .GroupBy(report => (report.Plan, report.Scored.Card.Period))
            .Select(group => (group.Key.Plan, group.Key.Period,
                AddUp: group.Any(report => report.Scored.Figures is ReportedFigures { RescoredBy: not null })
                    || (!_addUpOnSweep && group.Any(report => !report.Plan.IsDistrict(report.Scored.Card.Jurisdiction))),
                // Sums added up again only because new rules scored the same figures: what passes now passes by the rules.
                Resolution: group.All(report => report.Scored.Report.Resolution == ResolvedBecause.RulesChanged) ? ResolvedBecause.RulesChanged : ResolvedBecause.FigureImproved));
        // A commune's new report alone (AddUpOnSweep): its sums are the sweep's, from the change log; the district's own
        // report is compared with the sums stored at once, as it always was.
        foreach (var (plan, period, addUp, resolution) in periods.Where(entry => entry.AddUp || reports.Any(report => report.Plan == entry.Plan && report.Scored.Card.Period == entry.Period && report.Plan.IsDistrict(report.Scored.Card.Jurisdiction))))
        {
            queued.AddRange(addUp
                ? await _rollUp.RecomputeAsync(rules, plan, period, now, cancellationToken, resolution)
                : await _rollUp.QueueDiscrepanciesAsync(rules, plan, period, cancellationToken));
        }

        LogRecorded(reports.Count, queued.Count);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recorded {Reports} scored report(s): {Messages} new message(s)")]
    private partial void LogRecorded(int reports, int messages);
}
