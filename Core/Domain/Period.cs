using System.Globalization;

namespace GenderPlan.Core.Domain;

/// <summary>Whether a report covers a whole year or its first half.</summary>
public enum PeriodKind
{
    /// <summary>The annual report, due before 25 November.</summary>
    Annual,

    /// <summary>The semi-annual report, due before 15 June.</summary>
    FirstHalf,
}

/// <summary>
/// The reporting period a report covers: <c>YYYY</c> (annual) or <c>YYYY-H1</c> (semi-annual).
/// A value type so that a period, once parsed at the edge, can never be malformed further in.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(int year, PeriodKind kind)
    {
        Year = year;
        Kind = kind;
    }

    /// <summary>The calendar year the period belongs to.</summary>
    public int Year { get; }

    /// <summary>Annual or first half.</summary>
    public PeriodKind Kind { get; }

    /// <summary>
    /// The period's position on the plan's time line, in years: an annual report describes the end of its
    /// year (t = YYYY), a semi-annual one the middle of it (t = YYYY - 0.5), as the progress method requires.
    /// </summary>
    public decimal TimePoint => Kind == PeriodKind.Annual ? Year : Year - 0.5m;

    /// <summary>
    /// The period as officials write it: "năm 2019" or "6 tháng đầu năm 2020"; in English "2019" or
    /// "the first half of 2020". Files and JSON keep the wire form of <see cref="ToString"/> (<c>2020-H1</c>).
    /// </summary>
    public LocalizedText Label => Kind == PeriodKind.Annual
        ? new LocalizedText($"năm {Year}", Year.ToString(CultureInfo.InvariantCulture))
        : new LocalizedText($"6 tháng đầu năm {Year}", $"the first half of {Year}");

    /// <summary>The annual period of <paramref name="year"/>.</summary>
    public static Period Annual(int year) => new(year, PeriodKind.Annual);

    /// <summary>The first half of <paramref name="year"/>.</summary>
    public static Period FirstHalf(int year) => new(year, PeriodKind.FirstHalf);

    /// <summary>Parses <c>YYYY</c> or <c>YYYY-H1</c> (case-insensitive); anything else is refused.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 4 && TryYear(trimmed, out var year))
        {
            period = Annual(year);
            return true;
        }

        if (trimmed.Length == 7 && trimmed[4] == '-' && (trimmed[5] is 'H' or 'h') && trimmed[6] == '1'
            && TryYear(trimmed[..4], out year))
        {
            period = FirstHalf(year);
            return true;
        }

        return false;
    }

    /// <summary>Parses a period or throws; for trusted input such as stored keys.</summary>
    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period (YYYY or YYYY-H1).");

    /// <inheritdoc />
    public int CompareTo(Period other) => TimePoint.CompareTo(other.TimePoint);

    /// <summary>The canonical text: <c>2019</c> or <c>2019-H1</c>.</summary>
    public override string ToString() =>
        Kind == PeriodKind.Annual
            ? Year.ToString(CultureInfo.InvariantCulture)
            : Year.ToString(CultureInfo.InvariantCulture) + "-H1";

    private static bool TryYear(string digits, out int year) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1900 && year <= 2200;
}
