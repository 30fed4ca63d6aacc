using System.Text.RegularExpressions;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Dashboard;

namespace GenderPlan.Documents.Tests;

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
    public void Commune_page_lists_its_committee_and_the_units_that_reported_for_it_not_the_departments()
    {
        var input = new DashboardInput(TestRules.Book, TestRules.Plan, "tan-canh", [],
            [new DashboardReport(Period.FirstHalf(2016), "ubnd-tan-canh", "ubnd-tan-canh/tan-canh.csv", DateTimeOffset.UnixEpoch, true, "tan-canh"),
             new DashboardReport(Period.FirstHalf(2016), "yte", "yte/tan-canh.csv", DateTimeOffset.UnixEpoch, true, "tan-canh")],
            new DateOnly(2016, 12, 1), DateTimeOffset.UnixEpoch, []);

        var html = DashboardRenderer.Render(input);

        Assert.Matches("<tr data-unit=\"ubnd-tan-canh\">.*?data-period=\"2016-H1\" data-state=\"on-time\".*?data-period=\"2016\" data-state=\"missing\"", html);
        Assert.Contains("<tr data-unit=\"yte\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-unit=\"gddt\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-unit=\"ubnd-po-ko\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void District_timeliness_grid_lists_each_commune_committee_for_its_own_commune()
    {
        var input = new DashboardInput(TestRules.Book, TestRules.Plan, "dak-to", [],
            [new DashboardReport(Period.FirstHalf(2016), "ubnd-po-ko", "ubnd-po-ko/h1.csv", DateTimeOffset.UnixEpoch, false, "po-ko")],
            new DateOnly(2016, 12, 1), DateTimeOffset.UnixEpoch, []);

        var html = DashboardRenderer.Render(input);

        Assert.Matches("<tr data-unit=\"ubnd-po-ko\"><th scope=\"row\"><span lang=\"vi\">UBND xã Pô Kô</span>.*?data-period=\"2016-H1\" data-state=\"late\"", html);
        Assert.Matches("<tr data-unit=\"ubnd-tan-canh\">.*?data-period=\"2016-H1\" data-state=\"missing\"", html);
        Assert.Equal(18, Regex.Matches(html, "<tr data-unit=").Count);
        Assert.DoesNotContain("data-unit=\"ubnd-xa\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void District_page_compares_communes_by_status_word_and_symbol_and_shows_the_sum_beside_the_reported_figure()
    {
        var explanation = new LocalizedText("giải thích", "explanation");
        var results = new List<DashboardResult>
        {
            new("G4.3a", Period.Annual(2019), Status.FallingBehind, 86.6m, explanation),
            new("G4.3a", Period.Annual(2019), Status.OffTrack, 84.1m, explanation, FigureSource.Communes, new Coverage(7, 9, ["kon-dao", "po-ko"])),
        };
        var communes = new Dictionary<string, IReadOnlyList<DashboardResult>>
        {
            ["tan-canh"] = [new("G4.3a", Period.Annual(2019), Status.Met, 91m, explanation), new("G3.1", Period.Annual(2019), Status.OffTrack, 90m, explanation)],
            ["po-ko"] = [new("G4.3a", Period.Annual(2018), Status.Met, 95m, explanation)],
        };
        var input = new DashboardInput(TestRules.Book, TestRules.Plan, "dak-to", results, [], new DateOnly(2020, 1, 1), DateTimeOffset.UnixEpoch,
            [("tan-canh", "tan-canh.html")], communes);

        var html = DashboardRenderer.Render(input);

        var table = Regex.Match(html, "<table class=\"communes\" id=\"commune-comparison\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<caption><span lang=\"vi\">Đánh giá từng chỉ tiêu cấp xã theo báo cáo của UBND các xã, thị trấn, năm 2019</span>", table, StringComparison.Ordinal);
        Assert.Equal(16, Regex.Matches(table, "<th scope=\"col\"").Count);   // the communes' column and 15 commune-level indicators
        Assert.Equal(9, Regex.Matches(table, "<th scope=\"row\">").Count);
        Assert.Contains("<th scope=\"row\"><a href=\"tan-canh.html\">Xã Tân Cảnh</a></th>", table, StringComparison.Ordinal);
        Assert.Contains("<td data-indicator=\"G4.3a\" data-status=\"met\" class=\"status s-met\"><span class=\"icon\" aria-hidden=\"true\">✔</span> <span lang=\"vi\">Đã đạt</span>", table, StringComparison.Ordinal);
        Assert.Contains("<td data-indicator=\"G3.1\" data-status=\"off-track\" class=\"status s-off-track\"><span class=\"icon\" aria-hidden=\"true\">✖</span>", table, StringComparison.Ordinal);
        // Pô Kô's 2018 figure is not a 2019 result: not reported for the period shown.
        Assert.Matches("<tr data-commune=\"po-ko\">.*?<td data-indicator=\"G4.3a\" data-status=\"not-reported\"", table);
        Assert.DoesNotContain("G1.1a.district", table, StringComparison.Ordinal);

        var card = Regex.Match(html, "<article class=\"indicator\" id=\"G4.3a\".*?</article>", RegexOptions.Singleline).Value;
        Assert.Contains("data-status=\"falling-behind\"", card, StringComparison.Ordinal);
        Assert.Contains("86,6%", card, StringComparison.Ordinal);
        Assert.Contains("Tổng hợp từ các xã, thị trấn", card, StringComparison.Ordinal);
        Assert.Contains("84,1%", card, StringComparison.Ordinal);
        Assert.Contains("7/9 xã, thị trấn; thiếu: Kon Đào, Pô Kô", card, StringComparison.Ordinal);
        Assert.Contains("Có nguy cơ không đạt", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Commune_page_lists_what_its_committee_owes_and_what_it_sent()
    {
        var input = new DashboardInput(TestRules.Book, TestRules.Plan, "tan-canh", [],
            [new DashboardReport(Period.FirstHalf(2019), "ubnd-tan-canh", "ubnd-tan-canh/2019-h1.csv", new DateTimeOffset(2019, 6, 10, 20, 0, 0, TimeSpan.Zero), true, "tan-canh"),
             new DashboardReport(Period.Annual(2018), "ubnd-tan-canh", "ubnd-tan-canh/2018.csv", new DateTimeOffset(2018, 11, 30, 2, 0, 0, TimeSpan.Zero), false, "tan-canh")],
            new DateOnly(2019, 7, 1), DateTimeOffset.UnixEpoch, []);

        var html = DashboardRenderer.Render(input);

        Assert.Contains("Báo cáo của UBND xã Tân Cảnh", html, StringComparison.Ordinal);
        Assert.Contains("Phải gửi: báo cáo năm 2019, trước ngày 25/11/2019, gồm 15 chỉ tiêu:", html, StringComparison.Ordinal);
        var owed = Regex.Match(html, "<ul class=\"owed\" id=\"owed\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<span class=\"code\">G1.1a.commune</span>", owed, StringComparison.Ordinal);
        Assert.DoesNotContain("G1.1a.district", owed, StringComparison.Ordinal);
        // Newest first; dates in Vietnam time (10 June 20:00 UTC is 11 June there).
        Assert.Matches(new Regex("<tr data-state=\"on-time\"><th scope=\"row\"><span lang=\"vi\">6 tháng đầu năm 2019</span>.*?<td><span lang=\"vi\">UBND xã Tân Cảnh</span><span lang=\"en\">[^<]+</span></td><td>11/06/2019</td><td><span lang=\"vi\">✔ đúng hạn</span>.*?<tr data-state=\"late\">.*?<td>30/11/2018</td><td><span lang=\"vi\">⚠ trễ hạn</span>", RegexOptions.Singleline), html);
        Assert.DoesNotContain("id=\"commune-comparison\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2019-h1.csv", html, StringComparison.Ordinal);   // a public page: file names can name people
    }

    private static string[] GoalRow(string html, int goal)
    {
        var row = Regex.Match(html, $"<tr data-goal=\"{goal}\">(.*?)</tr>").Groups[1].Value;
        return CountPattern().Matches(row).Select(match => match.Groups[1].Value).ToArray();
    }

    [GeneratedRegex("<td data-status=\"[a-z-]+\">(\\d+)</td>")]
    private static partial Regex CountPattern();
}
