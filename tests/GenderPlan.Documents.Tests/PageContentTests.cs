using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Dashboard;

namespace GenderPlan.Documents.Tests;

/// <summary>What the reporting grid covers, what a commune's page counts, and how values and headings read.</summary>
public sealed partial class PageContentTests
{
    private static readonly LocalizedText Why = new("giải thích", "explanation");

    private static DashboardInput Page(Plan plan, string place, IReadOnlyList<DashboardReport> reports, IReadOnlyList<DashboardResult>? results = null, DateOnly? today = null) =>
        new(TestRules.Book, plan, place, results ?? [], reports, today ?? new DateOnly(2020, 7, 1), DateTimeOffset.UnixEpoch, []);

    private static List<string> GridPeriods(string html) =>
        [.. Regex.Match(html, "<tr data-unit=\"ldtbxh\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value is var row
            ? Regex.Matches(row, "data-period=\"([^\"]+)\"").Select(match => match.Groups[1].Value) : []];

    [Fact]
    public void Reporting_grid_starts_at_the_first_report_received_not_at_the_plans_first_year()
    {
        var html = DashboardRenderer.Render(Page(TestRules.Plan, "dak-to", [new DashboardReport(Period.Annual(2019), "ldtbxh", "ldtbxh/2019.csv", DateTimeOffset.UnixEpoch, false, "dak-to")]));

        Assert.Equal(["2019", "2020-H1"], GridPeriods(html));
        Assert.DoesNotContain("data-period=\"2016", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reporting_grid_starts_at_the_plans_reporting_since_when_the_plan_names_it()
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["reportingSince"] = "2018-H1";
        var plan = TestRules.Load(workflow).RuleBook!.Plans[0];

        var html = DashboardRenderer.Render(Page(plan, "dak-to", [new DashboardReport(Period.Annual(2019), "ldtbxh", "ldtbxh/2019.csv", DateTimeOffset.UnixEpoch, false, "dak-to")]));

        Assert.Equal(Period.FirstHalf(2018), plan.ReportingSince);
        Assert.Equal(["2018-H1", "2018", "2019-H1", "2019", "2020-H1"], GridPeriods(html));
        Assert.Matches("<tr data-unit=\"ldtbxh\">.*?data-period=\"2018-H1\" data-state=\"missing\"", html);
    }

    [Theory]
    [InlineData("2015", "not within the plan's years")]
    [InlineData("2019-H2", "is not a period")]
    public void Reporting_since_outside_the_plan_or_malformed_is_refused(string written, string expected)
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["reportingSince"] = written;

        var loaded = TestRules.Load(workflow);

        Assert.Null(loaded.RuleBook);
        Assert.Contains(loaded.Problems, problem => problem.Text.En.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Reporting_grid_with_nothing_received_shows_only_the_period_due_last()
    {
        var html = DashboardRenderer.Render(Page(TestRules.Plan, "dak-to", []));

        Assert.Equal(["2020-H1"], GridPeriods(html));
    }

    [Fact]
    public void Commune_page_counts_only_the_indicators_a_commune_reports()
    {
        var html = DashboardRenderer.Render(Page(TestRules.Plan, "tan-canh", [], [new("G3.1", Period.FirstHalf(2020), Status.OffTrack, 90m, Why)]));

        var notReported = Regex.Matches(html, "<td data-status=\"not-reported\">(\\d+)</td>").Sum(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(14, notReported);   // 15 commune-level indicators, one reported
        Assert.Equal(15, Regex.Count(html, "<article class=\"indicator\""));
        Assert.DoesNotContain("id=\"G1.1a.district\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"G5.1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"G1.1a.commune\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Communes_compared_under_indicator_names_with_each_value_as_officials_write_it()
    {
        var communes = new Dictionary<string, IReadOnlyList<DashboardResult>>
        {
            ["tan-canh"] = [new("G4.1", Period.Annual(2019), Status.OffTrack, 112m, Why), new("G7.3", Period.Annual(2019), Status.Met, 1m, Why), new("G6.2a", Period.Annual(2019), Status.Missed, 200m / 3, Why)],
        };
        var input = Page(TestRules.Plan, "dak-to", [], [new("G3.1", Period.Annual(2019), Status.Met, 98m, Why)]) with { CommuneResults = communes };

        var table = Regex.Match(DashboardRenderer.Render(input), "<table class=\"communes\" id=\"commune-comparison\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;

        var headings = Regex.Matches(table, "<th scope=\"col\" data-indicator=\"[^\"]+\" title=\"[^\"]+\"><span lang=\"vi\">([^<]+)</span>").Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(15, headings.Count);
        Assert.Contains("Tỷ số giới tính khi sinh", headings);
        Assert.DoesNotContain(headings, heading => CodePattern().IsMatch(heading));
        Assert.Contains("<span lang=\"vi\">112 trẻ trai/100 trẻ gái</span>", table, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"vi\">Kiêm nhiệm</span>", table, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"vi\">66,7%</span>", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("G6.2a", "66.66666", "66,7%", "66.7%")]
    [InlineData("G3.1", "97.25", "97,3%", "97.3%")]
    [InlineData("G4.1", "108", "108 trẻ trai/100 trẻ gái", "108 boys per 100 girls")]
    [InlineData("G4.2", "45", "45 trên 100.000 trẻ đẻ sống", "")]
    [InlineData("G6.1", "1.8", "1,8 lần", "")]
    [InlineData("G7.3", "1", "Kiêm nhiệm", "concurrent")]
    [InlineData("G7.3", "0", "Chưa bố trí", "none")]
    public void Values_read_as_officials_write_them(string code, string value, string vi, string en)
    {
        var text = ValueText.Of(TestRules.Indicator(code), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(vi, text.Vi);
        if (en.Length > 0)
        {
            Assert.Equal(en, text.En);
        }
    }

    [Fact]
    public void Indicator_card_shows_a_rate_with_one_decimal()
    {
        var html = DashboardRenderer.Render(Page(TestRules.Plan, "dak-to", [], [new("G6.2a", Period.Annual(2019), Status.Missed, 200m / 3, Why)]));

        var card = Regex.Match(html, "<article class=\"indicator\" id=\"G6.2a\".*?</article>", RegexOptions.Singleline).Value;
        Assert.Contains("<dd><span lang=\"vi\">66,7%</span>", card, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^G\d")]
    private static partial Regex CodePattern();
}
