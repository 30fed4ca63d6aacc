using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Calendar;

/// <summary>
/// The plan's reporting calendar (C.II.3): the semi-annual report before 15 June, the annual report before
/// 25 November, both in Vietnam's time (UTC+7 all year; Vietnam has no daylight saving).
/// </summary>
public static class ReportingCalendar
{
    /// <summary>Vietnam's offset from UTC.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>The date a period's report must arrive before (15 June or 25 November of its year).</summary>
    public static DateOnly Deadline(Period period) =>
        period.Kind == PeriodKind.FirstHalf ? new DateOnly(period.Year, 6, 15) : new DateOnly(period.Year, 11, 25);

    /// <summary>The last day a report is on time: the day before the deadline.</summary>
    public static DateOnly LastDay(Period period) => Deadline(period).AddDays(-1);

    /// <summary>Whether a report received at <paramref name="receivedAt"/> arrived before its deadline, Vietnam time.</summary>
    public static bool IsOnTime(Period period, DateTimeOffset receivedAt) => VietnamDate(receivedAt) < Deadline(period);

    /// <summary>The calendar date in Vietnam at <paramref name="instant"/>.</summary>
    public static DateOnly VietnamDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime);

    /// <summary>The period whose deadline is the next one on or after <paramref name="today"/>.</summary>
    public static Period NextDue(DateOnly today)
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
    public static Period LastDue(DateOnly today)
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
