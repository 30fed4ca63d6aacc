using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The scoring method on rules written here, every status and reason worked out by hand from the figures
/// below: on the straight line (the default path) and, where the plan says <c>"path": "compound"</c>, on the UN SDG
/// compound-growth path. The shipped plan's own golden cases are in <see cref="DakTo2016To2020PlanTests"/>.
/// </summary>
public class ScoringTests
{
    /// <summary>Baselines of 2015, targets of 2020: the shape of every rule of the 2016-2020 plan.</summary>
    private static readonly SmallPlan Rules = SmallPlan.With(
        SmallPlan.Rule("G1.1b.district", ">=", baseline: 32m, target: 36.7m),
        SmallPlan.Rule("G1.3", ">=", baseline: null, target: 70m),
        SmallPlan.Rule("G2.1", ">=", baseline: 49m, target: 50m),
        SmallPlan.Rule("G2.2", ">=", baseline: 2.1m, target: 20m),
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m),
        SmallPlan.Rule("G4.1", "<=", baseline: 105m, target: 105m, unit: "per-100", unitVi: "trẻ trai/100 trẻ gái", unitEn: "boys per 100 girls"),
        SmallPlan.Rule("G4.3a", ">=", baseline: 77.37m, target: 90m),
        SmallPlan.Rule("G4.4", "<=", baseline: 40m, target: 25m, unit: "per-100", unitVi: "trên 100 trẻ đẻ sống", unitEn: "per 100 live births"),
        SmallPlan.Rule("G6.1", "<=", baseline: 2m, target: 1.5m, unit: "times", unitVi: "lần", unitEn: "times"),
        SmallPlan.Rule("G6.3", ">=", baseline: null, target: 100m),
        SmallPlan.Rule("G7.4", ">=", baseline: 100m, target: 100m),
        SmallPlan.Staffing("G7.3"),
        SmallPlan.EveryYear(SmallPlan.Rule("G5.2", ">=", baseline: 90m, target: 100m)),
        SmallPlan.EveryYear(SmallPlan.Rule("G5.3", "<=", baseline: null, target: 0m, unit: "count", unitVi: "vụ", unitEn: "cases")));

    private static readonly Lazy<Plan> Plan = new(Rules.Plan);

    /// <summary>The same rules on the compound path: the figures of the UN SDG method, as scored before the straight line was the default.</summary>
    private static readonly Lazy<Plan> CompoundPlan = new(() => Rules.Copy().OnPath("compound").Plan());

    public static TheoryData<string, string, string, Status, StatusReason> Statuses => new()
    {
        // met, each direction and unit
        { "G1.1b.district", "2020", "36.7", Status.Met, StatusReason.TargetMet },
        { "G1.3", "2017", "70", Status.Met, StatusReason.TargetMet },
        { "G2.1", "2019", "52.3", Status.Met, StatusReason.TargetMet },
        { "G4.1", "2019", "105", Status.Met, StatusReason.TargetMet },
        { "G6.1", "2020", "1.5", Status.Met, StatusReason.TargetMet },
        { "G7.3", "2019", "1", Status.Met, StatusReason.TargetMet },
        { "G7.3", "2019", "2", Status.Met, StatusReason.TargetMet },
        // on track: ratio >= 0.95 (G4.3a: 77,37 + 12,63·4/5 = 87,474 due, 88 reported)
        { "G4.3a", "2019", "88", Status.OnTrack, StatusReason.PaceMeasured },
        // falling behind: 0.5 <= ratio < 0.95 (G2.2: 9,9 of the 14,32 due; G6.1: 1,8 is exactly half of the way from 2 to 1,6)
        { "G2.2", "2019", "12", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G6.1", "2019", "1.8", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G1.1b.district", "2019", "34.5", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G3.1", "2019", "97.2", Status.FallingBehind, StatusReason.PaceMeasured },
        { "G4.3a", "2020-H1", "84.5", Status.FallingBehind, StatusReason.PaceMeasured },
        // off track: ratio < 0.5, moving away, or not measurable (G6.1: 0,15 of the 0,4 due)
        { "G6.1", "2019", "1.85", Status.OffTrack, StatusReason.PaceMeasured },
        { "G3.1", "2019", "96", Status.OffTrack, StatusReason.PaceMeasured },
        { "G2.1", "2019", "45", Status.OffTrack, StatusReason.PaceMeasured },
        { "G1.3", "2019", "65", Status.OffTrack, StatusReason.NoBaseline },
        { "G4.1", "2019", "108", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G7.4", "2019", "95", Status.OffTrack, StatusReason.SlippedFromBaseline },
        { "G7.3", "2019", "0", Status.OffTrack, StatusReason.CategoryBelowTarget },
        // missed: the target year has come (the annual report of 2020) and the target is not met, whatever the kind
        { "G3.1", "2020", "97.9", Status.Missed, StatusReason.TargetYearReached },
        { "G1.3", "2020", "65", Status.Missed, StatusReason.TargetYearReached },
        { "G7.4", "2020", "95", Status.Missed, StatusReason.TargetYearReached },
        { "G4.1", "2020", "108", Status.Missed, StatusReason.TargetYearReached },
        { "G7.3", "2020", "0", Status.Missed, StatusReason.TargetYearReached },
        // ... but the first half of 2020 still measures the pace
        { "G3.1", "2020-H1", "97.9", Status.OnTrack, StatusReason.PaceMeasured },
        // every year: met when met; a year's report that misses it is missed; half a year is falling behind
        { "G5.2", "2018", "100", Status.Met, StatusReason.TargetMet },
        { "G5.2", "2018-H1", "100", Status.Met, StatusReason.TargetMet },
        { "G5.2", "2018", "95", Status.Missed, StatusReason.YearNotMet },
        { "G5.2", "2016", "99.9", Status.Missed, StatusReason.YearNotMet },
        { "G5.2", "2018-H1", "95", Status.FallingBehind, StatusReason.YearNotMetYet },
        { "G5.2", "2020", "95", Status.Missed, StatusReason.YearNotMet },
        { "G5.2", "2020-H1", "40", Status.FallingBehind, StatusReason.YearNotMetYet },
        { "G5.3", "2017", "0", Status.Met, StatusReason.TargetMet },
        { "G5.3", "2017", "2", Status.Missed, StatusReason.YearNotMet },
        { "G5.3", "2017-H1", "2", Status.FallingBehind, StatusReason.YearNotMetYet },
    };

    [Theory]
    [InlineData("2018", "95")]
    [InlineData("2018-H1", "95")]
    public void Every_year_target_measures_no_pace_and_expects_the_target_itself(string period, string value)
    {
        var score = Scorer.ScoreOne(Indicator("G5.2"), Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Null(score.ProgressRatio);
        Assert.Equal(100m, score.Expected);
    }

    [Theory]
    [InlineData(Status.Missed, true)]
    [InlineData(Status.OffTrack, true)]
    [InlineData(Status.FallingBehind, true)]
    [InlineData(Status.OnTrack, false)]
    [InlineData(Status.Met, false)]
    [InlineData(Status.NotApplicable, false)]
    public void Missed_off_track_and_falling_behind_need_attention(Status status, bool needsAttention)
    {
        Assert.Equal(needsAttention, status.NeedsAttention());
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Indicator_gets_the_status_the_progress_method_gives(string code, string period, string value, Status status, StatusReason reason)
    {
        var score = Scorer.ScoreOne(Indicator(code), Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal((status, reason), (score.Status, score.Reason));
    }

    [Theory]
    // G2.2 (the issue's case): 2,1 + (20 − 2,1)·4/5 = 16,42 due in 2019; (12 − 2,1)/(16,42 − 2,1) = 9,9/14,32
    [InlineData("G2.2", "2019", "12", "16.42", 9.9 / 14.32, Status.FallingBehind)]
    // the same value half a year earlier: 2,1 + 17,9·3,5/5 = 14,63; 9,9/12,53
    [InlineData("G2.2", "2019-H1", "12", "14.63", 9.9 / 12.53, Status.FallingBehind)]
    [InlineData("G3.1", "2019", "97.2", "97.7", 0.7 / 1.2, Status.FallingBehind)]
    [InlineData("G3.1", "2019", "97.7", "97.7", 1.0, Status.OnTrack)]
    // the first half of the target year: 77,37 + 12,63·4,5/5 = 88,737; 7,13/11,367
    [InlineData("G4.3a", "2020-H1", "84.5", "88.737", 7.13 / 11.367, Status.FallingBehind)]
    // "at most" indicators come down the line: 2 − 0,5·4/5 = 1,6 and 1,8 made 0,2 of the 0,4 due, exactly half
    [InlineData("G6.1", "2019", "1.8", "1.6", 0.5, Status.FallingBehind)]
    [InlineData("G6.1", "2017", "1.8", "1.8", 1.0, Status.OnTrack)]
    // 40 − 15·4/5 = 28 due in 2019; 31 made 9 of the 12; at 2018-H1, 40 − 15·2,5/5 = 32,5 and 9 of 7,5
    [InlineData("G4.4", "2019", "31", "28", 9.0 / 12.0, Status.FallingBehind)]
    [InlineData("G4.4", "2018-H1", "31", "32.5", 9.0 / 7.5, Status.OnTrack)]
    // moving away: negative
    [InlineData("G2.1", "2019", "45", "49.8", -4 / 0.8, Status.OffTrack)]
    public void Straight_line_expects_an_equal_step_each_year_and_measures_the_share_of_the_change_due_that_was_made(
        string code, string period, string value, string expected, double ratio, Status status)
    {
        var score = Scorer.ScoreOne(Indicator(code), Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal(Parse(expected), score.Expected);
        Assert.Equal(ratio, score.ProgressRatio!.Value, 10);
        Assert.Equal(status, score.Status);
    }

    [Fact]
    public void Plan_that_names_no_path_is_measured_on_the_straight_line()
    {
        Assert.Null(Rules.Workflow["Plan"]!["path"]);
        Assert.Equal(ProgressPath.Linear, Plan.Value.Path);
        Assert.All(Plan.Value.Indicators, indicator => Assert.Equal(ProgressPath.Linear, indicator.Definition.Path));
        Assert.Equal(ProgressPath.Compound, CompoundPlan.Value.Path);
    }

    public static TheoryData<string, string, string, Status> CompoundStatuses => new()
    {
        // the compound path rises slowly at first, so it calls on track what the straight line calls falling behind
        { "G2.2", "2019", "12", Status.OnTrack },
        // ... and its ratio of growth rates calls off track what is half the way down the line
        { "G6.1", "2019", "1.8", Status.OffTrack },
        { "G4.3a", "2019", "88", Status.OnTrack },
        { "G3.1", "2019", "97.2", Status.FallingBehind },
        { "G3.1", "2019", "96", Status.OffTrack },
    };

    [Theory]
    [MemberData(nameof(CompoundStatuses))]
    public void Compound_path_keeps_the_statuses_of_the_UN_SDG_method(string code, string period, string value, Status status)
    {
        var score = Scorer.ScoreOne(CompoundIndicator(code), Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal((status, StatusReason.PaceMeasured), (score.Status, score.Reason));
    }

    [Theory]
    [InlineData("G3.1", "2019", "97.2", 0.5854)]
    [InlineData("G1.1b.district", "2019", "34.5", 0.6832)]
    [InlineData("G6.1", "2019", "1.8", 0.4649)]
    [InlineData("G2.1", "2019", "45", -5.2027)]
    [InlineData("G4.3a", "2020-H1", "84.5", 0.6443)]
    public void Compound_progress_ratio_is_actual_over_required_compound_growth(string code, string period, string value, double ratio)
    {
        var score = Scorer.ScoreOne(CompoundIndicator(code), Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal(ratio, score.ProgressRatio!.Value, 3);
    }

    [Fact]
    public void Compound_semi_annual_report_sits_half_a_year_before_its_annual_one()
    {
        var indicator = CompoundIndicator("G3.1");

        var firstHalf = Scorer.ScoreOne(indicator, Measurement.Of(97.4m), Period.FirstHalf(2019));
        var annual = Scorer.ScoreOne(indicator, Measurement.Of(97.4m), Period.Annual(2019));

        // (97.4/96.5)^(1/3.5) - 1 over (98/96.5)^(1/5) - 1, against the same over 4 years.
        Assert.Equal(0.8596, firstHalf.ProgressRatio!.Value, 3);
        Assert.Equal(0.7520, annual.ProgressRatio!.Value, 3);
    }

    [Fact]
    public void Compound_expected_value_is_where_the_growth_path_from_baseline_to_target_stands_now()
    {
        var score = Scorer.ScoreOne(CompoundIndicator("G3.1"), Measurement.Of(97.2m), Period.Annual(2019));

        // 96.5 * (98/96.5)^(4/5)
        Assert.Equal(97.6981m, score.Expected);
    }

    [Fact]
    public void Compound_zero_baseline_counts_as_a_thousandth()
    {
        var plan = SmallPlan.With(SmallPlan.Rule("G2.2", ">=", baseline: 0m, target: 20m)).OnPath("compound").Plan();

        var score = Scorer.ScoreOne(plan.FindIndicator("G2.2")!, Measurement.Of(10m), Period.Annual(2019));

        // (10/0.001)^(1/4) - 1 = 9; (20/0.001)^(1/5) - 1 = 6.2478
        Assert.Equal(9.0 / 6.24780, score.ProgressRatio!.Value, 3);
        Assert.Equal(Status.OnTrack, score.Status);
    }

    [Fact]
    public void Straight_line_from_a_zero_baseline_needs_no_stand_in()
    {
        var plan = SmallPlan.With(SmallPlan.Rule("G2.2", ">=", baseline: 0m, target: 20m)).Plan();

        var score = Scorer.ScoreOne(plan.FindIndicator("G2.2")!, Measurement.Of(10m), Period.Annual(2019));

        // 0 + 20·4/5 = 16 due; 10 of 16 made
        Assert.Equal(16m, score.Expected);
        Assert.Equal(10.0 / 16.0, score.ProgressRatio!.Value, 10);
        Assert.Equal(Status.FallingBehind, score.Status);
    }

    [Fact]
    public void Zero_value_counts_as_a_thousandth()
    {
        var score = Scorer.ScoreOne(CompoundIndicator("G2.2"), Measurement.Of(0m), Period.Annual(2019));

        Assert.Equal(Status.OffTrack, score.Status);
        Assert.True(score.ProgressRatio < 0);
    }

    [Fact]
    public void Zero_over_zero_rate_is_not_applicable()
    {
        var score = Scorer.ScoreOne(Indicator("G6.3"), Measurement.NotApplicable, Period.Annual(2019));

        Assert.Equal(Status.NotApplicable, score.Status);
        Assert.Null(score.Value);
    }

    [Fact]
    public void Scorecard_lists_results_in_the_plan_order_and_names_the_rules_version()
    {
        var plan = Plan.Value;
        var report = new Report("r.csv", Period.Annual(2019), "dak-to", plan,
        [
            new ReportedValue(plan.FindIndicator("G7.4")!, Measurement.Of(100m), 2, null),
            new ReportedValue(plan.FindIndicator("G3.1")!, Measurement.Of(97.2m), 3, null),
            new ReportedValue(plan.FindIndicator("G1.3")!, Measurement.Of(72m), 4, null),
        ]);

        var card = Scorer.Score(report);

        Assert.Equal(["G1.3", "G3.1", "G7.4"], card.Scores.Select(score => score.Indicator.Code));
        Assert.Equal(plan.Version, card.RulesVersion);
        Assert.StartsWith(SmallPlan.Id + "@", card.RulesVersion, StringComparison.Ordinal);
        Assert.True(card.NeedsAttention);
    }

    private static Indicator Indicator(string code) => Plan.Value.FindIndicator(code) ?? throw new ArgumentException(code);

    private static Indicator CompoundIndicator(string code) => CompoundPlan.Value.FindIndicator(code) ?? throw new ArgumentException(code);

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
