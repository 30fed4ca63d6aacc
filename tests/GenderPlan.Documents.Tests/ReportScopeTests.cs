using GenderPlan.Core.Domain;
using GenderPlan.Documents.ProvinceReports;

namespace GenderPlan.Documents.Tests;

/// <summary>What <c>--period</c> asks for: the regular report, the sơ kết or tổng kết of a span of years, or a report on request.</summary>
public sealed class ReportScopeTests
{
    private static (int Start, int End)? Plan2016To2020(int year) => year is >= 2016 and <= 2020 ? (2016, 2020) : null;

    [Theory]
    [InlineData("2019", false, ReportKind.Regular, 2019, "năm 2019", "2019")]
    [InlineData("2019-H1", false, ReportKind.Regular, 2019, "6 tháng đầu năm 2019", "2019-H1")]
    [InlineData("2016-2020", false, ReportKind.FinalReview, 2016, "giai đoạn 2016-2020", "2016-2020")]
    [InlineData("2016-2018", false, ReportKind.MidTermReview, 2016, "giai đoạn 2016-2018", "2016-2018")]
    [InlineData("2017-2019", true, ReportKind.AdHoc, 2017, "giai đoạn 2017-2019", "2017-2019")]
    [InlineData("2019-H1", true, ReportKind.AdHoc, 2019, "6 tháng đầu năm 2019", "2019-H1")]
    public void A_period_is_the_regular_report_and_a_span_from_the_first_year_a_review(string text, bool adHoc, ReportKind kind, int first, string label, string key)
    {
        var (scope, problem) = ReportScope.Parse(text, adHoc, null, Plan2016To2020);

        Assert.Null(problem);
        Assert.Equal((kind, first, label, key), (scope!.Kind, scope.FirstYear, scope.Label, scope.Key));
    }

    [Theory]
    [InlineData("2017-2019", "a review starts in the plan's first year (2016); for another span add --ad-hoc")]
    [InlineData("2020-2016", "a span of years runs from an earlier year to a later one")]
    [InlineData("2016-2021", "no plan covers the years 2016-2021")]
    [InlineData("2016/2020", "is not a period")]
    public void A_span_that_fits_no_review_is_refused_with_the_reason(string text, string reason)
    {
        var (scope, problem) = ReportScope.Parse(text, false, null, Plan2016To2020);

        Assert.Null(scope);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_reads_the_annual_reports_of_its_years_and_nothing_else()
    {
        var review = new ReportScope(ReportKind.MidTermReview, 2016, Period.Annual(2018));

        Assert.Equal([2016, 2017, 2018], review.Years);
        Assert.True(review.Covers(Period.Annual(2017)));
        Assert.False(review.Covers(Period.FirstHalf(2017)));
        Assert.False(review.Covers(Period.Annual(2019)));
        Assert.False(ReportScope.Regular(Period.Annual(2019)).Covers(Period.FirstHalf(2019)));
    }
}
