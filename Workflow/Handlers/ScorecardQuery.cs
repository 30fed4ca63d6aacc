using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Handlers;

/// <summary>Reads the scorecard of a place and period from the stored results.</summary>
public sealed class ScorecardQuery : IScorecardQuery
{
    private readonly ResultStore _results;
    private readonly ReportLog _reports;
    private readonly ActiveRules _activeRules;

    /// <summary>Creates the query.</summary>
    public ScorecardQuery(ResultStore results, ReportLog reports, ActiveRules activeRules)
    {
        _results = results;
        _reports = reports;
        _activeRules = activeRules;
    }

    /// <inheritdoc />
    public async Task<ScorecardView?> GetAsync(string period, string jurisdiction, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var parsed))
        {
            return null;
        }

        var results = await _results.LatestAsync(jurisdiction, parsed.ToString(), cancellationToken);
        var reports = (await _reports.ForPeriodAsync(parsed, cancellationToken)).Where(report => report.Jurisdiction == jurisdiction).ToList();
        var rules = await _activeRules.GetAsync(cancellationToken);
        var order = rules?.FindPlan(parsed, jurisdiction)?.Indicators.Select(indicator => indicator.Code).ToList() ?? [];
        var ordered = results.OrderBy(result => order.IndexOf(result.Indicator) is var index and >= 0 ? index : int.MaxValue).ThenBy(result => result.Indicator, StringComparer.Ordinal).ToList();
        return new ScorecardView(parsed.ToString(), jurisdiction, rules?.Version, ordered, reports);
    }
}
