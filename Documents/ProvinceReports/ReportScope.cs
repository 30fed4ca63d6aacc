using System.Globalization;
using GenderPlan.Core.Domain;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>Which of the plan's reports a <see cref="ProvinceReport"/> is (C.II.3 of the plan and its "sơ kết, tổng kết").</summary>
public enum ReportKind
{
    /// <summary>The regular report of a half year or a year ("báo cáo định kỳ").</summary>
    Regular,

    /// <summary>The mid-term review ("sơ kết"): from the plan's first year to a year before its last.</summary>
    MidTermReview,

    /// <summary>The final review ("tổng kết"): every year of the plan.</summary>
    FinalReview,

    /// <summary>A report on request ("báo cáo đột xuất, khi có yêu cầu") for any period or span of years.</summary>
    AdHoc,
}

/// <summary>
/// What a report covers: one period (<c>2019</c>, <c>2019-H1</c>) or a span of whole years (<c>2016-2018</c>), and
/// which kind of report that makes. A span is not a <see cref="Period"/>: reports are filed per period, while a
/// review reads several of them side by side, so it gets its own type instead of stretching <see cref="Period"/>.
/// </summary>
/// <param name="Kind">Regular, sơ kết, tổng kết or đột xuất.</param>
/// <param name="FirstYear">The first year covered.</param>
/// <param name="Period">The last period covered: its figures are the report's "kết quả" and verdicts.</param>
/// <param name="Request">For a report on request, the document asking for it, as the office cites it; null leaves a placeholder.</param>
public sealed record ReportScope(ReportKind Kind, int FirstYear, Period Period, string? Request = null)
{
    /// <summary>The last year covered.</summary>
    public int LastYear => Period.Year;

    /// <summary>Whether the report reads several years side by side (a review, or a span asked for ad hoc).</summary>
    public bool IsSpan => FirstYear < LastYear;

    /// <summary>The years whose annual figures a span's table shows, in order; just the period's year otherwise.</summary>
    public IEnumerable<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1);

    /// <summary>Whether a report filed for <paramref name="period"/> belongs in this one: a span reads the annual reports of its years.</summary>
    public bool Covers(Period period) => IsSpan ? period.Kind == PeriodKind.Annual && period.Year >= FirstYear && period.Year <= LastYear : period == Period;

    /// <summary>"năm 2019", "6 tháng đầu năm 2019", "giai đoạn 2016-2018".</summary>
    public string Label => IsSpan ? $"giai đoạn {FirstYear.ToString(CultureInfo.InvariantCulture)}-{LastYear.ToString(CultureInfo.InvariantCulture)}" : Period.Label.Vi;

    /// <summary>The file names' period part: <c>2019</c>, <c>2019-H1</c>, <c>2016-2020</c>.</summary>
    public string Key => IsSpan ? $"{FirstYear.ToString(CultureInfo.InvariantCulture)}-{LastYear.ToString(CultureInfo.InvariantCulture)}" : Period.ToString();

    /// <summary>The regular report of <paramref name="period"/>.</summary>
    public static ReportScope Regular(Period period) => new(ReportKind.Regular, period.Year, period);

    /// <summary>
    /// Reads <c>--period</c> against the plan years <paramref name="planYears"/> gives for a year: a period is the regular report (or, with
    /// <paramref name="adHoc"/>, a report on request); <c>YYYY-YYYY</c> is the final review when it spans the
    /// plan, a mid-term review when it runs from the plan's first year to an earlier end, and any other span only
    /// on request. Null with the reason when the text or the span does not fit the plan.
    /// </summary>
    public static (ReportScope? Scope, string? Problem) Parse(string text, bool adHoc, string? request, Func<int, (int Start, int End)?> planYears)
    {
        if (Period.TryParse(text, out var period))
        {
            return (new ReportScope(adHoc ? ReportKind.AdHoc : ReportKind.Regular, period.Year, period, adHoc ? request : null), null);
        }

        var trimmed = text.Trim();
        if (trimmed.Length != 9 || trimmed[4] != '-'
            || !int.TryParse(trimmed[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(trimmed[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return (null, $"'{text}' is not a period; write YYYY, YYYY-H1, or a span of years YYYY-YYYY for a review.");
        }

        if (first >= last)
        {
            return (null, $"'{text}': a span of years runs from an earlier year to a later one (2016-2018).");
        }

        if (planYears(last) is not { } years || first < years.Start)
        {
            return (null, $"'{text}': no plan covers the years {first}-{last}.");
        }

        var end = Period.Annual(last);
        if (adHoc)
        {
            return (new ReportScope(ReportKind.AdHoc, first, end, request), null);
        }

        if (first != years.Start)
        {
            return (null, $"'{text}': a review starts in the plan's first year ({years.Start}); for another span add --ad-hoc.");
        }

        return (new ReportScope(last == years.End ? ReportKind.FinalReview : ReportKind.MidTermReview, first, end), null);
    }
}
