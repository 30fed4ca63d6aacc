using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Calendar;

/// <summary>One report a unit owes for a period: for which place, under which plan, giving which indicators, by when.</summary>
/// <param name="Unit">The unit that owes it: a lead department (the district's report) or a commune committee (its commune's).</param>
/// <param name="Plan">The plan it reports under.</param>
/// <param name="Jurisdiction">The place it covers.</param>
/// <param name="Period">The period.</param>
/// <param name="Indicators">The indicators it gives, in the plan's order.</param>
public sealed record Obligation(string Unit, Plan Plan, string Jurisdiction, Period Period, IReadOnlyList<Indicator> Indicators)
{
    /// <summary>The date the report must arrive before, by its plan's calendar.</summary>
    public DateOnly Deadline => Plan.Calendar.Deadline(Period);
}

/// <summary>
/// Who owes what for a period, in one place, so reminders, overdue notices, the page's timeliness grid and the
/// province's compilation agree: each lead department owes the district's report with the district-level
/// indicators it leads; each committee of a place below it (a commune or town, or in a deeper tree a district) owes
/// its own place's report with the indicators of that place's level (when the plan has any), while both exist. A
/// group unit (<c>ubnd-xa</c>) owes nothing: its members do.
/// </summary>
public static class ReportingObligations
{
    /// <summary>Every report owed for <paramref name="period"/> under every plan that covers it.</summary>
    public static IReadOnlyList<Obligation> For(RuleBook rules, Period period) =>
        [.. rules.PlansCovering(period).SelectMany(plan => For(rules, plan, period))];

    /// <summary>The reports owed for <paramref name="period"/> under <paramref name="plan"/>: the district's first, then each commune's in the plan's order.</summary>
    public static IReadOnlyList<Obligation> For(RuleBook rules, Plan plan, Period period)
    {
        // The plan's own place owes nothing for periods before it was formed (a commune of the 2025 reform, in a 2021-2030 plan).
        var owed = !plan.District.ExistsIn(period) ? [] : plan.IndicatorsAt(UnitLevel.District)
            .GroupBy(indicator => indicator.Lead, StringComparer.Ordinal)
            .Select(lead => new Obligation(lead.Key, plan, plan.District.Id, period, [.. lead]))
            .ToList();
        // Below the plan's own place, what a place owes comes from its level: a commune the commune-level indicators, a
        // district of a province's plan the district-level ones. Only places and committees existing at the period's end owe.
        var day = PlaceLevels.EndOf(period);
        foreach (var place in plan.Places.Places.Where(place => place.Id != plan.District.Id && place.ExistsIn(period)))
        {
            var indicators = plan.Indicators.Where(indicator => indicator.IsReportedAtLevel(place.Level)).ToList();
            if (indicators.Count > 0 && rules.CommitteeOf(place.Id) is { } committee && committee.ExistsOn(day))
            {
                owed.Add(new Obligation(committee.Id, plan, place.Id, period, indicators));
            }
        }

        return owed;
    }
}
