using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// What scoring a report leaves behind, written in one order: the results (latest and history), the
/// statuses alerted, then the report log. The log is last, so a report counts as received only once
/// everything it produced is stored.
/// </summary>
public sealed class ScoredReports
{
    private readonly ResultStore _results;
    private readonly AlertStateStore _alertState;
    private readonly ReportLog _reports;

    /// <summary>Creates the writer.</summary>
    public ScoredReports(ResultStore results, AlertStateStore alertState, ReportLog reports)
    {
        _results = results;
        _alertState = alertState;
        _reports = reports;
    }

    /// <summary>The statuses already alerted for a place and period, by indicator code.</summary>
    public Task<IReadOnlyDictionary<string, Status>> AlertedAsync(string jurisdiction, Period period, CancellationToken cancellationToken) =>
        _alertState.GetAsync(jurisdiction, period, cancellationToken);

    /// <summary>Stores a scored report: its results with their explanations, the alert states it changed, and its log entry.</summary>
    public async Task SaveAsync(Scorecard card, IReadOnlyList<LocalizedText> explanations, ReportRecord record, IReadOnlyDictionary<string, Status?> alertChanges, CancellationToken cancellationToken)
    {
        await _results.SaveAsync(card, explanations, record.Key, record.Unit, record.ReceivedAt, record.Arrival, cancellationToken);
        await _alertState.ApplyAsync(card.Jurisdiction, card.Period, alertChanges, record.Key, cancellationToken);
        await _reports.RecordAsync(record, cancellationToken);
    }
}
