using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.Reports;

/// <summary>
/// The period a unit is preparing a report for today: the next one due by the plan's calendar. The template, its
/// download and the upload page fill it in, so nobody has to know how to write a period before seeing one.
/// </summary>
public static class DuePeriod
{
    /// <summary>The next period due on <paramref name="today"/> (Vietnam time) for a place, or null once no plan covers it (the plans' years are over).</summary>
    public static Period? On(RuleBook rules, DateOnly today, string? jurisdiction = null)
    {
        var due = rules.CalendarFor(today.Year, jurisdiction).NextDue(today);
        return rules.PlansCovering(due).Any() ? due : null;
    }
}
