using GenderPlan.Core.Domain;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Which units' partitions of <c>FollowUps</c> hold a place's cases. A case belongs to the unit its alert asked to act:
/// the place's committee, or, without one, the indicator's lead. The plan's own place gets both: its departments' reports
/// are alerted to the leads, its sums to the leads or its committee.
/// </summary>
public static class CaseUnits
{
    /// <summary>The units whose partitions hold the cases of <paramref name="place"/> under <paramref name="plan"/>.</summary>
    public static IReadOnlyList<string> Of(RuleBook rules, Plan plan, string place)
    {
        var committee = rules.CommitteeOf(place)?.Id;
        return committee is not null && !plan.IsDistrict(place)
            ? [committee]
            : [.. plan.Indicators.Select(indicator => indicator.Lead).Append(committee).OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
