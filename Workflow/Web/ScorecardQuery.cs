using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Web;

/// <summary>
/// Reads the scorecard of a place and period from the stored results. For a place with places below it (the district
/// over its communes, or a district inside a province's plan), an indicator may have two results side by side: the
/// place's own reported figure (<c>source: reported</c>) and the reports below it added up (<c>source: communes</c>,
/// with its coverage), in that order.
/// </summary>
public sealed class ScorecardQuery : IScorecardQuery
{
    private readonly ResultStore _results;
    private readonly ReportLog _reports;
    private readonly ActiveRules _activeRules;
    private readonly ReportDecisionStore _decisions;
    private readonly FollowUpStore _followUps;

    /// <summary>Creates the query.</summary>
    public ScorecardQuery(ResultStore results, ReportLog reports, ActiveRules activeRules, ReportDecisionStore decisions, FollowUpStore followUps)
    {
        _followUps = followUps;
        _results = results;
        _reports = reports;
        _decisions = decisions;
        _activeRules = activeRules;
    }

    /// <inheritdoc />
    public async Task<ScorecardResponse?> GetAsync(string period, string jurisdiction, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var parsed))
        {
            return null;
        }

        var rules = await _activeRules.GetAsync(cancellationToken);
        var plan = rules?.FindPlan(parsed, jurisdiction);
        // From the partitions of the units the place's cases go to; without a plan for the place, from every unit's.
        var cases = (plan is null
                ? await _followUps.ForPlaceAsync(jurisdiction, parsed.ToString(), cancellationToken)
                : (await _followUps.ForPlaceAsync(jurisdiction, CaseUnits.Of(rules!, plan, jurisdiction), cancellationToken)).Where(found => found.Period == parsed.ToString()))
            .OrderBy(found => found.OpenedOn).ThenBy(found => found.Unit, StringComparer.Ordinal)
            .ToLookup(found => found.Indicator, StringComparer.OrdinalIgnoreCase);
        // Every result carries its indicator's cases, an empty list when there are none, so a reader need not test for the field.
        var results = ResultResponses.InPlanOrder(await _results.LatestAsync(jurisdiction, parsed.ToString(), cancellationToken), plan)
            .Select(result => result with { FollowUps = [.. cases[result.Indicator].Select(ResultFollowUp.Of)] })
            .ToList();
        // Where the plan requires approval, each report says where it stands; elsewhere the entries are as they always were.
        var decisions = plan is { Approval.Required: true } ? await _decisions.ForPeriodAsync(parsed, cancellationToken) : null;
        var reports = (await _reports.ForPlaceAndPeriodAsync(parsed, jurisdiction, cancellationToken))
            .Select(report => new ReportResponse(
                report.Unit, report.Blob, report.ReceivedAt, report.OnTime, report.Scored, report.NeedingAttention,
                decisions is null ? null : report.Key, decisions is null ? null : ApprovalResponse.Of(decisions.GetValueOrDefault(report.Key), rules)))
            .ToList();
        var name = plan?.Jurisdictions.FirstOrDefault(place => place.Id == jurisdiction)?.Name;
        return new ScorecardResponse(parsed.ToString(), jurisdiction, name, rules?.Version, results, reports);
    }
}

/// <summary>Reads scorecards.</summary>
public interface IScorecardQuery
{
    /// <summary>The scorecard, or null when the period is malformed.</summary>
    Task<ScorecardResponse?> GetAsync(string period, string jurisdiction, CancellationToken cancellationToken);
}
