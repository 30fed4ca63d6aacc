using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Calendar;

/// <summary>
/// One plan's reporting calendar (<c>Plan.deadlines</c>): the day the semi-annual and the annual report must
/// arrive before, in Vietnam's time (UTC+7 all year; Vietnam has no daylight saving). The Đăk Tô 2016-2020 plan
/// says 15 June and 25 November (C.II.3); another plan may say otherwise, so the days are data, read with the plan.
/// </summary>
/// <param name="FirstHalf">The semi-annual report's deadline.</param>
/// <param name="Annual">The annual report's deadline; after <paramref name="FirstHalf"/> in the year.</param>
public sealed record ReportingCalendar(AnnualDate FirstHalf, AnnualDate Annual)
{
    /// <summary>Vietnam's offset from UTC.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>The calendar date in Vietnam at <paramref name="instant"/>.</summary>
    public static DateOnly VietnamDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime);

    /// <summary>The date a period's report must arrive before.</summary>
    public DateOnly Deadline(Period period) => (period.Kind == PeriodKind.FirstHalf ? FirstHalf : Annual).In(period.Year);

    /// <summary>The last day a report is on time: the day before the deadline.</summary>
    public DateOnly LastDay(Period period) => Deadline(period).AddDays(-1);

    /// <summary>Whether a report received at <paramref name="receivedAt"/> arrived before its deadline, Vietnam time.</summary>
    public bool IsOnTime(Period period, DateTimeOffset receivedAt) => VietnamDate(receivedAt) < Deadline(period);

    /// <summary>The period whose deadline is the next one on or after <paramref name="today"/>.</summary>
    public Period NextDue(DateOnly today)
    {
        var firstHalf = Period.FirstHalf(today.Year);
        if (today < Deadline(firstHalf))
        {
            return firstHalf;
        }

        var annual = Period.Annual(today.Year);
        return today < Deadline(annual) ? annual : Period.FirstHalf(today.Year + 1);
    }

    /// <summary>The period whose deadline passed most recently before <paramref name="today"/>.</summary>
    public Period LastDue(DateOnly today)
    {
        var annual = Period.Annual(today.Year);
        if (today >= Deadline(annual))
        {
            return annual;
        }

        var firstHalf = Period.FirstHalf(today.Year);
        return today >= Deadline(firstHalf) ? firstHalf : Period.Annual(today.Year - 1);
    }
}
