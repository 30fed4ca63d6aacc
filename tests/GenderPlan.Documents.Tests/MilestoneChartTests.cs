using System.Globalization;
using System.Text.RegularExpressions;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Core.Tests;
using GenderPlan.Documents.Dashboard;

namespace GenderPlan.Documents.Tests;

/// <summary>The chart of an indicator with several milestones: the path bends at each milestone's target, and each milestone has its mark.</summary>
public partial class MilestoneChartTests
{
    // Sex ratio at birth 115 (2020) → at most 111 (2025) → at most 109 (2030).
    private static readonly Lazy<Indicator> SexRatio = new(() => StrategyPlan.With(StrategyPlan.SexRatio()).Indicator("G4.1"));

    public static TheoryData<double, double> PathPoints => new()
    {
        // time, where the path stands: 115 − 4 × (t − 2020)/5 to 2025, then 111 − 2 × (t − 2025)/5
        { 2020, 115 }, { 2022.5, 113 }, { 2025, 111 }, { 2026, 110.6 }, { 2027.5, 110 }, { 2030, 109 },
    };

    [Theory]
    [MemberData(nameof(PathPoints))]
    public void Path_runs_through_every_milestone_s_target(double time, double value)
    {
        var path = ProgressChart.RequiredPath(SexRatio.Value, 2020, 2030);

        Assert.Equal(value, path.Single(point => Math.Abs(point.Time - time) < 1e-9).Value, 6);
        Assert.Equal(21, path.Count); // every half year from 2020 to 2030, the milestone once
    }

    [Theory]
    [InlineData("2023", "112.6")]
    [InlineData("2026", "110.6")]
    [InlineData("2028-H1", "110")]
    public void Path_stands_where_the_scores_expect(string period, string value)
    {
        var parsed = Period.Parse(period);
        var score = Scorer.ScoreOne(SexRatio.Value, Measurement.Of(decimal.Parse(value, CultureInfo.InvariantCulture) + 0.1m), parsed);
        var path = ProgressChart.RequiredPath(SexRatio.Value, 2020, 2030);

        Assert.Equal((double)score.Expected!.Value, path.Single(point => Math.Abs(point.Time - (double)parsed.TimePoint) < 1e-9).Value, 6);
    }

    [Fact]
    public void Each_milestone_has_a_mark_titled_with_its_year_and_target()
    {
        var history = new List<DashboardResult>
        {
            new("G4.1", Period.Annual(2022), Status.OnTrack, 113m, new("", "")),
            new("G4.1", Period.Annual(2026), Status.OnTrack, 110.5m, new("", "")),
        };

        var svg = ProgressChart.Render(SexRatio.Value, history);

        Assert.Equal(["2025", "2030"], MilestoneMarks().Matches(svg).Select(match => match.Groups[1].Value));
        Assert.Contains("Mốc năm 2025: 111 trẻ trai/100 trẻ gái / 2025 milestone: 111 boys per 100 girls", svg, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(svg, "<circle class=\"point"));
    }

    [Fact]
    public void One_target_has_no_milestone_mark_beside_its_target_line()
    {
        var indicator = SmallPlan.With(SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m)).Indicator("G3.1");
        var history = new List<DashboardResult>
        {
            new("G3.1", Period.Annual(2017), Status.OnTrack, 97m, new("", "")),
            new("G3.1", Period.Annual(2018), Status.OnTrack, 97.5m, new("", "")),
        };

        var svg = ProgressChart.Render(indicator, history);

        Assert.Empty(MilestoneMarks().Matches(svg));
        Assert.Contains("<line class=\"target\"", svg, StringComparison.Ordinal);
    }

    [GeneratedRegex("<polygon class=\"milestone\" data-year=\"([0-9]+)\"")]
    private static partial Regex MilestoneMarks();
}
