using System.Text.RegularExpressions;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Dashboard;

namespace GenderPlan.Documents.Tests;

/// <summary>Which period the district's and communes' pages show, and the choice of the others.</summary>
public sealed class PagePeriodTests
{
    private static readonly LocalizedText Why = new("giải thích", "explanation");

    /// <summary>The departments reported 2019; Tân Cảnh alone reported the first half of 2020, which the roll-up added up.</summary>
    private static DashboardInput District(Period? period = null, PeriodLinks? links = null) =>
        new(TestRules.Book, TestRules.Plan, "dak-to",
            [
                new("G3.1", Period.Annual(2019), Status.FallingBehind, 97.2m, Why),
                new("G4.3a", Period.Annual(2019), Status.OnTrack, 88m, Why),
                new("G4.3a", Period.FirstHalf(2020), Status.OffTrack, 84.5m, Why, FigureSource.Communes, new Coverage(1, 9, [])),
            ],
            [], new DateOnly(2020, 7, 1), DateTimeOffset.UnixEpoch, [],
            new Dictionary<string, IReadOnlyList<DashboardResult>> { ["tan-canh"] = [new("G4.3a", Period.FirstHalf(2020), Status.OffTrack, 84.5m, Why)] },
            Period: period, PeriodLinks: links);

    [Fact]
    public void District_page_opens_on_the_latest_period_with_its_own_figures_not_on_a_communes_newer_report()
    {
        var html = DashboardRenderer.Render(District());

        Assert.Contains("Số liệu năm 2019", html, StringComparison.Ordinal);
        Assert.Contains("id=\"G3.1\" data-indicator=\"G3.1\" data-status=\"falling-behind\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"G4.3a\" data-indicator=\"G4.3a\" data-status=\"on-track\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Period_asked_for_is_shown_with_the_communes_compared_for_it()
    {
        var html = DashboardRenderer.Render(District(Period.FirstHalf(2020), PeriodLinks.Files("dak-to")));

        Assert.Contains("Số liệu 6 tháng đầu năm 2020", html, StringComparison.Ordinal);
        // No department reported G3.1 for it; G4.3a is the communes' sum.
        Assert.Contains("id=\"G3.1\" data-indicator=\"G3.1\" data-status=\"not-reported\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"G4.3a\" data-indicator=\"G4.3a\" data-status=\"off-track\"", html, StringComparison.Ordinal);
        Assert.Contains("theo báo cáo của UBND các xã, thị trấn, 6 tháng đầu năm 2020", html, StringComparison.Ordinal);
        Assert.Matches("<tr data-commune=\"tan-canh\">.*?<td data-indicator=\"G4.3a\" data-status=\"off-track\"", html);
    }

    [Theory]
    [InlineData(null, "2019", "dak-to-2020-H1.html", "dak-to-2019.html")]
    [InlineData("2020-H1", "2020-H1", "dak-to-2020-H1.html", "dak-to-2019.html")]
    public void Static_page_offers_every_period_with_results_newest_first_as_links_to_its_files(string? asked, string selected, string first, string second)
    {
        var html = DashboardRenderer.Render(District(asked is null ? null : Period.Parse(asked), PeriodLinks.Files("dak-to")));

        var select = Regex.Match(html, "<select id=\"period\" class=\"period-choice\">(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal([first, second], Regex.Matches(select, "<option value=\"([^\"]+)\"").Select(match => match.Groups[1].Value));
        Assert.Equal(selected, Regex.Match(select, "data-period=\"([^\"]+)\" selected").Groups[1].Value);
        Assert.Contains(">6 tháng đầu năm 2020</option>", select, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_place_page_offers_every_period_the_one_it_shows_leading_to_itself()
    {
        var html = DashboardRenderer.Render(District(links: PeriodLinks.Files("dak-to", "index.html")));

        var select = Regex.Match(html, "<select id=\"period\" class=\"period-choice\">(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["dak-to-2020-H1.html", "index.html"], Regex.Matches(select, "<option value=\"([^\"]+)\"").Select(match => match.Groups[1].Value));
        Assert.DoesNotContain("Xem kỳ báo cáo khác", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_period_file_leads_back_to_the_place_page_instead_of_listing_the_periods()
    {
        var html = DashboardRenderer.Render(District(Period.FirstHalf(2020), PeriodLinks.Files("dak-to", "index.html")));

        Assert.DoesNotContain("<select id=\"period\"", html, StringComparison.Ordinal);
        Assert.Matches("<a href=\"index.html\"><span lang=\"vi\">Xem kỳ báo cáo khác</span>", html);
        Assert.Contains("Số liệu 6 tháng đầu năm 2020", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_page_offers_the_periods_as_queries_of_its_own_address()
    {
        var html = DashboardRenderer.Render(District(links: PeriodLinks.Query));

        Assert.Contains("<option value=\"?period=2020-H1\" data-period=\"2020-H1\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"?period=2019\" data-period=\"2019\" selected>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_with_one_period_offers_no_choice()
    {
        var input = District(links: PeriodLinks.Query) with { Results = [new("G3.1", Period.Annual(2019), Status.FallingBehind, 97.2m, Why)], CommuneResults = null };

        Assert.DoesNotContain("<select id=\"period\"", DashboardRenderer.Render(input), StringComparison.Ordinal);
    }
}
