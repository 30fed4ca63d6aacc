using GenderPlan.Core.Domain;
using GenderPlan.Core.RuleChanges;

namespace GenderPlan.Workflow.Application;

/// <summary>A preview as <c>rules preview --json</c> and the rules page's API give it.</summary>
/// <param name="ActiveVersion">The version in force.</param>
/// <param name="ProposedVersion">The version previewed.</param>
/// <param name="Diff">The rules' changes, one readable line each.</param>
/// <param name="Changes">Every verdict that would change.</param>
/// <param name="Alerts">Who would be alerted, about which indicators.</param>
/// <param name="Resolved">Who would be told an indicator is resolved.</param>
public sealed record RulesPreviewResponse(
    string? ActiveVersion, string ProposedVersion, IReadOnlyList<string> Diff, IReadOnlyList<StatusChangeResponse> Changes,
    IReadOnlyList<UnitNotice> Alerts, IReadOnlyList<UnitNotice> Resolved)
{
    /// <summary>The response of a preview.</summary>
    public static RulesPreviewResponse From(RulesPreviewReport preview) => new(
        preview.ActiveVersion,
        preview.ProposedVersion,
        preview.Diff,
        preview.Result.Changes.Select(change => new StatusChangeResponse(change.Indicator, change.Jurisdiction, change.Period.ToString(), change.From, change.To, change.AddedUp ? "communes" : "reported")).ToList(),
        preview.Result.Alerts,
        preview.Result.Resolved);
}

/// <summary>One verdict that would change.</summary>
/// <param name="Indicator">The code.</param>
/// <param name="Jurisdiction">The place.</param>
/// <param name="Period">The period.</param>
/// <param name="From">The status now.</param>
/// <param name="To">The status under the proposed rules, or null when they drop the indicator.</param>
/// <param name="Source"><c>reported</c>, or <c>communes</c> for the district's sum of its communes.</param>
public sealed record StatusChangeResponse(string Indicator, string Jurisdiction, string Period, Status From, Status? To, string Source);
