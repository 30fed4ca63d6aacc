using System.Globalization;

namespace GenderPlan.Core.Calendar;

/// <summary>
/// A day that recurs every year, written <c>MM-dd</c> in a plan file (<c>"06-15"</c>), as NodaTime's
/// <c>AnnualDate</c>: a plan's deadlines are such days, and they belong to the plan, not to code.
/// </summary>
/// <param name="Month">1 to 12.</param>
/// <param name="Day">1 to the month's last day (29 February falls on the 28th in other years).</param>
public readonly record struct AnnualDate(int Month, int Day)
{
    /// <summary>The date in <paramref name="year"/>; 29 February is the 28th outside leap years.</summary>
    public DateOnly In(int year) => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));

    /// <summary>Reads <c>MM-dd</c>; null when it is not a day of the year.</summary>
    public static AnnualDate? Parse(string? text) =>
        DateOnly.TryParseExact($"2000-{text}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new AnnualDate(date.Month, date.Day)
            : null;

    /// <inheritdoc />
    public override string ToString() => $"{Month:00}-{Day:00}";
}
