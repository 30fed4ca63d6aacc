using System.Text.Json.Serialization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Workflow.Storage;

namespace GenderPlan.Workflow.Web;

/// <summary>The scorecard of a place and period, as the HTTP API and <c>genderplan scorecard --json</c> give it.</summary>
/// <param name="Period">The period (<c>2019</c>, <c>2019-H1</c>).</param>
/// <param name="Jurisdiction">The place's id.</param>
/// <param name="JurisdictionName">The place's name, where a plan knows it.</param>
/// <param name="RulesVersion">The active rules version.</param>
/// <param name="Results">The latest result per indicator, in the plan's order.</param>
/// <param name="Reports">The reports that arrived for the period from this place.</param>
public sealed record ScorecardResponse(
    string Period, string Jurisdiction, string? JurisdictionName, string? RulesVersion, IReadOnlyList<ResultResponse> Results, IReadOnlyList<ReportResponse> Reports);

/// <summary>One indicator's latest result.</summary>
/// <param name="Indicator">The code.</param>
/// <param name="Status">The status, serialised as the same words as <c>score --json</c> (<c>on-track</c>, ...).</param>
/// <param name="Value">The value, or null when not applicable.</param>
/// <param name="Target">The target the result was judged against: the milestone in force for its period (the rule's only target when it has one).</param>
/// <param name="Baseline">The baseline, or null.</param>
/// <param name="ProgressRatio">CR, where computed.</param>
/// <param name="Expected">Where the indicator should stand now.</param>
/// <param name="Lead">The lead unit.</param>
/// <param name="Coordinating">The coordinating units.</param>
/// <param name="Explanation">Why, in Vietnamese and English.</param>
/// <param name="Unit">The unit whose report gave it.</param>
/// <param name="ReceivedAt">When that report arrived (for a figure added up from the communes: when it was added up).</param>
/// <param name="Source"><c>reported</c> (a unit's own figure) or <c>communes</c> (added up from the communes' current reports).</param>
/// <param name="Coverage">For <c>communes</c>: how many communes the sum covers, of how many, and which are missing; left out otherwise.</param>
/// <param name="Display">The value as officials write it ("66,7%", "Kiêm nhiệm", "108 trẻ trai/100 trẻ gái"), where the plan knows the indicator; left out otherwise.</param>
/// <param name="Milestone">The milestone in force for the period (<c>{"year", "target"}</c>), where the active rules know the indicator.</param>
/// <param name="Milestones">Every milestone of the indicator in the active rules, ascending; one for a rule with a single target.</param>
/// <param name="FollowUps">
/// The scorecard's follow-up cases of the indicator for the place and period (empty when none), so whoever reads the
/// figure sees whether a unit answered the alert; left out of the upload API's results, which report a file, not a place.
/// </param>
public sealed record ResultResponse(
    string Indicator, Status Status, decimal? Value, decimal Target, decimal? Baseline, double? ProgressRatio, decimal? Expected,
    string Lead, IReadOnlyList<string> Coordinating, LocalizedText Explanation, string Unit, DateTimeOffset ReceivedAt,
    FigureSource Source = FigureSource.Reported,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Coverage? Coverage = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LocalizedText? Display = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Milestone? Milestone = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Milestone>? Milestones = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ResultFollowUp>? FollowUps = null);

/// <summary>A follow-up case as a scorecard result carries it: enough to see who must act, where it stands and by when.</summary>
/// <param name="Id">The case id (<c>GET /api/follow-ups/{id}</c> gives its history).</param>
/// <param name="Unit">The unit that must act.</param>
/// <param name="State"><c>open</c>, <c>acknowledged</c>, <c>overdue</c>, <c>escalated</c> or <c>resolved</c>.</param>
/// <param name="Action">The action the unit wrote, or null.</param>
/// <param name="ExpectedBy">When it expects a result (yyyy-MM-dd), or null.</param>
/// <param name="By">Who acted last (a unit id, or <c>system</c>).</param>
/// <param name="At">When.</param>
public sealed record ResultFollowUp(string Id, string Unit, string State, string? Action, string? ExpectedBy, string By, DateTimeOffset At)
{
    /// <summary>The scorecard's view of <paramref name="found"/>: the fields of <see cref="FollowUpResponse"/> a reader of figures needs.</summary>
    public static ResultFollowUp Of(FollowUpCase found)
    {
        var full = FollowUpResponse.Of(found);
        return new ResultFollowUp(full.Id, full.Unit, full.State, full.Action, full.ExpectedBy, full.By, full.At);
    }
}

/// <summary>How the API writes stored results: each as a <see cref="ResultResponse"/>, in the order of the plan's indicators.</summary>
public static class ResultResponses
{
    /// <summary>
    /// <paramref name="results"/> in <paramref name="plan"/>'s order (indicators it does not know last, by code), a
    /// department's figure before the communes' sum of the same indicator.
    /// </summary>
    public static IReadOnlyList<ResultResponse> InPlanOrder(IEnumerable<StoredResult> results, Plan? plan)
    {
        var order = plan?.Indicators.Select(indicator => indicator.Code).ToList() ?? [];
        return results
            .OrderBy(result => order.IndexOf(result.Indicator) is var index and >= 0 ? index : int.MaxValue)
            .ThenBy(result => result.Indicator, StringComparer.Ordinal)
            .ThenBy(result => result.Source)
            .Select(result => new ResultResponse(
                result.Indicator, result.Status, result.Value, result.Target, result.Baseline, result.ProgressRatio, result.Expected,
                result.Lead, result.Coordinating, result.Explanation, result.Unit, result.ReceivedAt, result.Source, result.Coverage,
                result.Value is { } value && plan?.FindIndicator(result.Indicator) is { } indicator ? ValueText.Of(indicator, value) : null,
                MilestoneOf(plan, result), plan?.FindIndicator(result.Indicator)?.Milestones))
            .ToList();
    }

    private static Milestone? MilestoneOf(Plan? plan, StoredResult result) =>
        plan?.FindIndicator(result.Indicator) is { } indicator && Period.TryParse(result.Period, out var period) ? indicator.MilestoneFor(period) : null;
}

/// <summary>One report that arrived.</summary>
/// <param name="Unit">The sending unit.</param>
/// <param name="File">The uploaded file.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="OnTime">Whether it arrived before the deadline.</param>
/// <param name="Scored">Indicators scored.</param>
/// <param name="NeedingAttention">Indicators falling behind or off track.</param>
/// <param name="Report">The report's key, which a decision is posted to; only where the plan requires approval.</param>
/// <param name="Approval">Where the report stands (<c>pending</c>, <c>approved</c>, <c>returned</c>, who, when, why); only where the plan requires approval.</param>
public sealed record ReportResponse(
    string Unit, string File, DateTimeOffset ReceivedAt, bool OnTime, int Scored, int NeedingAttention,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Report = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] ApprovalResponse? Approval = null);

/// <summary>The health of the app: each check and what it found.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Checks">Each check's status and description, by name.</param>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks);

/// <summary>One health check's outcome.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Description">What it found.</param>
public sealed record HealthCheckResponse(string Status, string? Description);

/// <summary>An error the caller can fix.</summary>
/// <param name="Error">What is wrong, in words.</param>
public sealed record ErrorResponse(string Error);
