namespace GenderPlan.Core.Domain;

/// <summary>
/// One target of an indicator and the year it is due (<c>"milestones"</c> in a rule, or its single <c>target</c> and
/// <c>targetYear</c>). A strategy sets targets for several years (Nghị quyết 28/NQ-CP: sex ratio at birth at most 111 in
/// 2025 and 109 in 2030), and a report is judged against the one that comes next, not only against the last.
/// </summary>
/// <param name="Year">The year the target must be met, in that year's annual report.</param>
/// <param name="Target">The target, in the indicator's unit (a category's level for a category indicator).</param>
public readonly record struct Milestone(int Year, decimal Target);

/// <summary>
/// The stretch of the plan's path a period is judged on: from the previous milestone's target, or from the baseline
/// for the first, to the milestone in force. It starts from the previous milestone's target rather than from the figure
/// reached there, because the path is the plan's commitment: starting from a lagging figure would lower the bar.
/// </summary>
/// <param name="StartYear">The year the stretch starts: the previous milestone's year, or the baseline year (null when the rule has none).</param>
/// <param name="Start">Where it starts: the previous milestone's target, or the baseline (null when the rule has none).</param>
/// <param name="Milestone">The milestone in force: the first whose year is not before the period's.</param>
/// <param name="FromMilestone">Whether the stretch starts at an earlier milestone rather than at the baseline.</param>
public readonly record struct Stretch(int? StartYear, decimal? Start, Milestone Milestone, bool FromMilestone);
