using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>Golden cases: every indicator of the plan, and every status and reason, worked out by hand.</summary>
public class ScoringTests
{
    public static TheoryData<string, string, string, Status, StatusReason> Golden => new()
    {
        // met, each direction and unit
        { "G1.1a.district", "2019", "16.1", Status.Met, StatusReason.TargetMet },
        { "G1.1b.district", "2020", "36.7", Status.Met, StatusReason.TargetMet },
        { "G1.1b.commune", "2018", "35", Status.Met, StatusReason.TargetMet },
        { "G1.2", "2017", "70", Status.Met, StatusReason.TargetMet },
        { "G2.1", "2019", "52.3", Status.Met, StatusReason.TargetMet },
        { "G2.4", "2020", "100", Status.Met, StatusReason.TargetMet },
        { "G3.2b", "2018", "0", Status.Met, StatusReason.TargetMet },
        { "G4.1", "2019", "105", Status.Met, StatusReason.TargetMet },
        { "G4.2", "2019", "45", Status.Met, StatusReason.TargetMet },
        { "G4.4", "2016", "18", Status.Met, StatusReason.TargetMet },
        { "G5.1", "2019", "0", Status.Met, StatusReason.TargetMet },
        { "G5.2", "2019-H1", "100", Status.Met, StatusReason.TargetMet },
        { "G6.1", "2020", "1.5", Status.Met, StatusReason.TargetMet },
        { "G6.2a", "2019", "100", Status.Met, StatusReason.TargetMet },
        { "G7.1", "2019", "100", Status.Met, StatusReason.TargetMet },
        { "G7.2", "2019", "100", Status.Met, StatusReason.TargetMet },
        { "G7.3", "2019", "1", Status.Met, StatusReason.TargetMet },
        { "G7.3", "2019", "2", Status.Met, StatusReason.TargetMet },
        // on track: CR >= 0.95
        { "G1.1b.commune", "2019", "34.2", Status.OnTrack, StatusReason.PaceMeasured },
        { "G2.2", "2019", "12", Status.OnTrack, StatusReason.PaceMeasured },
        { "G2.4", "2019", "96", Status.OnTrack, StatusReason.PaceMeasured },
        { "G4.3a", "2019", "88", Status.OnTrack, StatusReason.PaceMeasured },
        { "G6.2b", "2019", "85", Status.OnTrack, StatusReason.PaceMeasured },
        // falling behind: 0.5 <= CR < 0.95
        { "G1.1b.district", "2019", "34.5", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G2.3", "2019", "38", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G3.1", "2019", "97.2", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G3.2a", "2019", "61.5", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G4.3a", "2020-H1", "84.5", Status.FallingBehind, StatusReason.PaceMeasured },
        // off track: CR < 0.5, moving away, or not measurable
        { "G6.1", "2019", "1.8", Status.OffTrack, StatusReason.PaceMeasured },
        { "G3.1", "2019", "96", Status.OffTrack, StatusReason.PaceMeasured },
        { "G2.1", "2019", "45", Status.OffTrack, StatusReason.PaceMeasured },
        { "G1.3", "2019", "65", Status.OffTrack, StatusReason.NoBaseline },
        { "G1.2", "2016", "10", Status.OffTrack, StatusReason.NoBaseline },
        { "G4.2", "2019", "60", Status.OffTrack, StatusReason.NoBaseline },
        { "G4.3b", "2019", "80", Status.OffTrack, StatusReason.NoBaseline },
        { "G5.1", "2019", "2", Status.OffTrack, StatusReason.NoBaseline },
        { "G6.3", "2019", "50", Status.OffTrack, StatusReason.NoBaseline },
        { "G1.1a.district", "2019", "15", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G1.1a.commune", "2019", "25.9", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G4.1", "2019", "108", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G4.4", "2019", "26", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G6.2a", "2019", "95", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G7.4", "2019", "95", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G3.1", "2020", "97.9", Status.OffTrack, StatusReason.TargetYearReached },
        { "G7.3", "2019", "0", Status.OffTrack, StatusReason.CategoryBelowTarget },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Indicator_gets_the_status_the_progress_method_gives(string code, string period, string value, Status status, StatusReason reason)
    {
        var score = Scorer.ScoreOne(TestRules.Indicator(code), Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal((status, reason), (score.Status, score.Reason));
    }

    [Theory]
    [InlineData("G3.1", "2019", "97.2", 0.5854)]
    [InlineData("G1.1b.district", "2019", "34.5", 0.6832)]
    [InlineData("G6.1", "2019", "1.8", 0.4649)]
    [InlineData("G2.1", "2019", "45", -5.2027)]
    [InlineData("G4.3a", "2020-H1", "84.5", 0.6443)]
    public void Progress_ratio_is_actual_over_required_compound_growth(string code, string period, string value, double ratio)
    {
        var score = Scorer.ScoreOne(TestRules.Indicator(code), Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal(ratio, score.ProgressRatio!.Value, 3);
    }

    [Fact]
    public void Semi_annual_report_sits_half_a_year_before_its_annual_one()
    {
        var indicator = TestRules.Indicator("G3.1");

        var firstHalf = Scorer.ScoreOne(indicator, Measurement.Of(97.4m), Period.FirstHalf(2019));
        var annual = Scorer.ScoreOne(indicator, Measurement.Of(97.4m), Period.Annual(2019));

        // (97.4/96.5)^(1/3.5) - 1 over (98/96.5)^(1/5) - 1, against the same over 4 years.
        Assert.Equal(0.8596, firstHalf.ProgressRatio!.Value, 3);
        Assert.Equal(0.7520, annual.ProgressRatio!.Value, 3);
    }

    [Fact]
    public void Expected_value_is_where_the_path_from_baseline_to_target_stands_now()
    {
        var score = Scorer.ScoreOne(TestRules.Indicator("G3.1"), Measurement.Of(97.2m), Period.Annual(2019));

        // 96.5 * (98/96.5)^(4/5)
        Assert.Equal(97.6981m, score.Expected);
    }

    [Fact]
    public void Zero_baseline_counts_as_a_thousandth()
    {
        var (plan, code) = PlanWith("G2.2", baseline: 0m);

        var score = Scorer.ScoreOne(plan.FindIndicator(code)!, Measurement.Of(10m), Period.Annual(2019));

        // (10/0.001)^(1/4) - 1 = 9; (20/0.001)^(1/5) - 1 = 6.2478
        Assert.Equal(9.0 / 6.24780, score.ProgressRatio!.Value, 3);
        Assert.Equal(Status.OnTrack, score.Status);
    }

    [Fact]
    public void Zero_value_counts_as_a_thousandth()
    {
        var score = Scorer.ScoreOne(TestRules.Indicator("G2.2"), Measurement.Of(0m), Period.Annual(2019));

        Assert.Equal(Status.OffTrack, score.Status);
        Assert.True(score.ProgressRatio < 0);
    }

    [Fact]
    public void Zero_over_zero_rate_is_not_applicable()
    {
        var score = Scorer.ScoreOne(TestRules.Indicator("G6.3"), Measurement.NotApplicable, Period.Annual(2019));

        Assert.Equal(Status.NotApplicable, score.Status);
        Assert.Null(score.Value);
    }

    [Fact]
    public void Scorecard_lists_results_in_the_plan_order_and_names_the_rules_version()
    {
        var plan = TestRules.Plan;
        var report = new Report("r.csv", Period.Annual(2019), "dak-to", plan,
        [
            new ReportedValue(plan.FindIndicator("G7.4")!, Measurement.Of(100m), 2, null),
            new ReportedValue(plan.FindIndicator("G3.1")!, Measurement.Of(97.2m), 3, null),
            new ReportedValue(plan.FindIndicator("G1.2")!, Measurement.Of(72m), 4, null),
        ]);

        var card = Scorer.Score(report);

        Assert.Equal(["G1.2", "G3.1", "G7.4"], card.Scores.Select(score => score.Indicator.Code));
        Assert.Equal(plan.Version, card.RulesVersion);
        Assert.StartsWith("dak-to-2016-2020@", card.RulesVersion, StringComparison.Ordinal);
        Assert.True(card.NeedsAttention);
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static (Plan Plan, string Code) PlanWith(string code, decimal baseline)
    {
        var workflow = TestRules.WorkflowJson();
        TestRules.Rule(workflow, code)["Properties"]!["baseline"] = baseline;
        return (TestRules.Load(workflow).RuleBook!.Plans[0], code);
    }
}
