using System.Globalization;
using System.Text.RegularExpressions;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Dashboard;

namespace GenderPlan.Documents.Tests;

/// <summary>The indicator chart: the plan's path drawn as the scores measure it, numbers as officials write them, and no chart where one says nothing.</summary>
public partial class ProgressChartTests
{
    private static readonly LocalizedText Said = new("giải thích", "explanation");

    private static readonly Lazy<Plan> CompoundPlan = new(() =>
    {
        var workflow = TestRules.WorkflowJson();
        workflow["Plan"]!["path"] = "compound";
        return TestRules.Load(workflow).RuleBook!.Plans[0];
    });

    [Theory]
    [InlineData("linear", 16.42)]
    [InlineData("compound", 12.7429)]
    public void Chart_draws_the_path_the_scores_measure_against(string path, double expectedIn2019)
    {
        var indicator = (path == "compound" ? CompoundPlan.Value : TestRules.Plan).FindIndicator("G2.2")!;

        var drawn = ProgressChart.RequiredPath(indicator, 2015, 2020);
        var score = Scorer.ScoreOne(indicator, Measurement.Of(12m), Period.Annual(2019));

        Assert.Equal(expectedIn2019, drawn.Single(point => point.Time == 2019).Value, 4);
        Assert.Equal((double)score.Expected!.Value, drawn.Single(point => point.Time == 2019).Value, 4);
    }

    [Fact]
    public void Straight_line_path_is_drawn_straight_and_the_compound_one_bends()
    {
        var history = History("G2.2", (Period.Annual(2017), 6m), (Period.Annual(2019), 12m));

        var straight = PathPoints(ProgressChart.Render(TestRules.Indicator("G2.2"), history));
        var bent = PathPoints(ProgressChart.Render(CompoundPlan.Value.FindIndicator("G2.2")!, history));

        Assert.True(straight.Count > 3 && MaxDeviationFromChord(straight) < 0.2, $"the straight line strays {MaxDeviationFromChord(straight)} px");
        Assert.True(MaxDeviationFromChord(bent) > 5, $"the compound curve is nearly straight ({MaxDeviationFromChord(bent)} px)");
    }

    [Fact]
    public void Axis_and_target_labels_use_the_decimal_comma()
    {
        // 2 → 1,5 lần: the scale runs from 1 to 2,5
        var svg = ProgressChart.Render(TestRules.Indicator("G6.1"), History("G6.1", (Period.Annual(2016), 1.9m), (Period.Annual(2019), 1.8m)));

        var labels = AxisLabels().Matches(svg).Select(match => match.Groups[1].Value).ToList();
        Assert.Contains("2,5", labels);
        Assert.All(labels, label => Assert.DoesNotContain(".", label, StringComparison.Ordinal));
        Assert.Contains("Chỉ tiêu 1,5 / target 1.5", svg, StringComparison.Ordinal);
        Assert.Equal("1,5", ProgressChart.Short(1.5));
        Assert.Equal("96,5", ProgressChart.Short(96.54));
        Assert.Equal("1.500", ProgressChart.Short(1500));
    }

    [Fact]
    public void Category_indicator_and_a_single_value_get_no_chart_while_two_values_do()
    {
        var staffing = History("G7.3", (Period.Annual(2017), 0m), (Period.Annual(2019), 1m));
        var once = History("G3.1", (Period.Annual(2019), 97.2m));
        var twice = History("G3.1", (Period.Annual(2018), 96.9m), (Period.Annual(2019), 97.2m));

        Assert.Equal("", ProgressChart.Render(TestRules.Indicator("G7.3"), staffing).Trim());
        Assert.Equal("", ProgressChart.Render(TestRules.Indicator("G3.1"), once).Trim());
        Assert.StartsWith("<svg", ProgressChart.Render(TestRules.Indicator("G3.1"), twice), StringComparison.Ordinal);
    }

    [Fact]
    public void Page_shows_no_figure_for_a_category_or_a_single_value()
    {
        var results = History("G7.3", (Period.Annual(2017), 0m), (Period.Annual(2019), 1m))
            .Concat(History("G3.1", (Period.Annual(2019), 97.2m)))
            .Concat(History("G2.2", (Period.Annual(2017), 6m), (Period.Annual(2019), 12m)))
            .ToList();
        var html = DashboardRenderer.Render(new DashboardInput(TestRules.Book, TestRules.Plan, "dak-to", results, [], new DateOnly(2020, 1, 1), DateTimeOffset.UnixEpoch, []));

        Assert.DoesNotContain("<figure>", Article(html, "G7.3"), StringComparison.Ordinal);
        Assert.DoesNotContain("<figure>", Article(html, "G3.1"), StringComparison.Ordinal);
        Assert.Contains("<figure><svg class=\"chart\"", Article(html, "G2.2"), StringComparison.Ordinal);
        Assert.Contains("Bố trí đủ cán bộ", Article(html, "G7.3"), StringComparison.Ordinal);
    }

    private static List<DashboardResult> History(string code, params (Period Period, decimal Value)[] values) =>
        [.. values.Select(value => new DashboardResult(code, value.Period, Status.FallingBehind, value.Value, Said))];

    private static string Article(string html, string code) =>
        Regex.Match(html, $"<article class=\"indicator\" id=\"{Regex.Escape(code)}\"(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

    private static List<(double X, double Y)> PathPoints(string svg) =>
        [.. RequiredPathPoints().Match(svg).Groups[1].Value.Split(' ').Select(pair => pair.Split(','))
            .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))];

    // How far (in px) any sampled point lies from the chord joining the first and the last.
    private static double MaxDeviationFromChord(List<(double X, double Y)> points)
    {
        var (first, last) = (points[0], points[^1]);
        return points.Max(point => Math.Abs(first.Y + ((last.Y - first.Y) * (point.X - first.X) / (last.X - first.X)) - point.Y));
    }

    [GeneratedRegex("<polyline class=\"path\" points=\"([^\"]+)\"")]
    private static partial Regex RequiredPathPoints();

    [GeneratedRegex("<text class=\"axis\" x=\"[^\"]+\" y=\"[^\"]+\" text-anchor=\"end\">([^<]+)</text>")]
    private static partial Regex AxisLabels();
}
