using System.Text.RegularExpressions;
using GenderPlan.Core.Dashboard;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

public partial class DashboardRendererTests
{
    private static string Render(IReadOnlyList<Scorecard> cards, string file = "dak-to-2019.csv") =>
        DashboardRenderer.Render(OfflineDashboard.Build(TestRules.Book, TestRules.Plan, "dak-to", cards, DateTimeOffset.UnixEpoch, new DateOnly(2020, 1, 1)));

    private static Scorecard Card(string file, params string[] rows) =>
        Scorer.Score(ReportFiles.ReadCsv(ReportFiles.Csv(rows), file).Report!);

    [Fact]
    public void Goal_summary_counts_the_latest_period_and_unreported_indicators()
    {
        var html = Render([Card("a.csv", "2019,dak-to,G3.1,\"97,2\",,,", "2019,dak-to,G3.2a,70,,,", "2019,dak-to,G4.1,108/100,,,", "2019,dak-to,G4.3b,0/0,,,")]);

        // met, on track, falling behind, off track, missed, not applicable (0/0: its own column), not reported
        Assert.Equal(["0", "0", "0", "0", "0", "0", "6"], GoalRow(html, 1));
        Assert.Equal(["1", "0", "1", "0", "0", "0", "1"], GoalRow(html, 3));
        Assert.Equal(["0", "0", "0", "1", "0", "1", "3"], GoalRow(html, 4));
    }

    [Fact]
    public void Every_year_target_has_no_climbing_path_on_its_chart_while_a_target_for_2020_has_one()
    {
        var html = Render([Card("a.csv", "2018,dak-to,G5.2,95,,,", "2018,dak-to,G3.1,\"97,2\",,,"), Card("b.csv", "2019,dak-to,G5.2,100,,,", "2019,dak-to,G3.1,\"97,5\",,,")]);

        Assert.DoesNotContain("class=\"path\"", Article(html, "G5.2"), StringComparison.Ordinal);
        Assert.Contains("class=\"path\"", Article(html, "G3.1"), StringComparison.Ordinal);
        Assert.Contains("data-period=\"2018\" data-status=\"missed\"", Article(html, "G5.2"), StringComparison.Ordinal);
    }

    private static string Article(string html, string code) =>
        Regex.Match(html, $"<article class=\"indicator\" id=\"{Regex.Escape(code)}\"(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void Later_period_is_the_one_summarised_and_every_period_is_a_chart_point()
    {
        var html = Render([Card("a.csv", "2018,dak-to,G3.1,\"96,9\",,,"), Card("b.csv", "2019,dak-to,G3.1,\"98,2\",,,")]);

        Assert.Equal(["1", "0", "0", "0", "0", "0", "2"], GoalRow(html, 3));
        Assert.Equal(2, Regex.Count(html, "class=\"point s-"));
        Assert.Contains("data-period=\"2018\"", html, StringComparison.Ordinal);
        Assert.Contains("Số liệu năm 2019", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_is_self_contained_and_escapes_what_came_from_files()
    {
        var html = Render([Card("<i>bao-cao.csv", "2019,dak-to,G3.1,97,,,")]);

        // The only link is an empty inline icon, so browsers do not ask the server for /favicon.ico.
        Assert.DoesNotMatch(@"<script[^>]+src=|<link[^>]+href=""(?!data:)|@import|url\(", html);
        Assert.Contains("&lt;i&gt;bao-cao.csv", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>bao-cao", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\" data-lang=\"vi\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_missing_a_past_deadline_are_marked_missing()
    {
        var input = new DashboardInput(TestRules.Book, TestRules.Plan, "dak-to", [],
            [new DashboardReport(Period.FirstHalf(2016), "yte", "yte/2016-h1.csv", DateTimeOffset.UnixEpoch, true),
             new DashboardReport(Period.Annual(2016), "yte", "yte/2016.csv", DateTimeOffset.UnixEpoch, false)],
            new DateOnly(2016, 12, 1), DateTimeOffset.UnixEpoch, []);

        var html = DashboardRenderer.Render(input);

        Assert.Contains("<tr data-unit=\"yte\">", html, StringComparison.Ordinal);
        Assert.Matches("data-unit=\"yte\">.*?data-period=\"2016-H1\" data-state=\"on-time\".*?data-period=\"2016\" data-state=\"late\"", html);
        Assert.Matches("data-unit=\"gddt\">.*?data-period=\"2016-H1\" data-state=\"missing\"", html);
        Assert.DoesNotContain("data-period=\"2017-H1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Commune_page_lists_only_the_units_that_reported_for_it()
    {
        var input = new DashboardInput(TestRules.Book, TestRules.Plan, "tan-canh", [],
            [new DashboardReport(Period.FirstHalf(2016), "ubnd-xa", "ubnd-xa/tan-canh.csv", DateTimeOffset.UnixEpoch, true)],
            new DateOnly(2016, 12, 1), DateTimeOffset.UnixEpoch, []);

        var html = DashboardRenderer.Render(input);

        Assert.Contains("<tr data-unit=\"ubnd-xa\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-unit=\"yte\">", html, StringComparison.Ordinal);
    }

    private static string[] GoalRow(string html, int goal)
    {
        var row = Regex.Match(html, $"<tr data-goal=\"{goal}\">(.*?)</tr>").Groups[1].Value;
        return CountPattern().Matches(row).Select(match => match.Groups[1].Value).ToArray();
    }

    [GeneratedRegex("<td data-status=\"[a-z-]+\">(\\d+)</td>")]
    private static partial Regex CountPattern();
}
