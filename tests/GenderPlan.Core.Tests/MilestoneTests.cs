using System.Globalization;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Indicators with several targets (<c>"milestones"</c>), as the national strategy 2021-2030 sets them: a period is judged
/// against the next milestone not yet passed, on the plan's path from the previous milestone's target (or the baseline)
/// to it; at a milestone's year a figure short of it is missed, and the next stretch starts from the milestone's target.
/// Every expected value below is worked out by hand on the straight line.
/// </summary>
public class MilestoneTests
{
    // Sex ratio at birth: 115 in 2020, at most 111 in 2025 and 109 in 2030 (NQ 28/NQ-CP); a share: 40% → 60% → 75%.
    // Sex ratio at birth 115 → 111 (2025) → 109 (2030), a share 40% → 60% → 75%, every-year and elected shares, one plain target.
    private static SmallPlan Strategy() => StrategyPlan.With(
        StrategyPlan.SexRatio(),
        StrategyPlan.WomenLeaders(),
        SmallPlan.WithMilestones(SmallPlan.EveryYear(SmallPlan.Rule("G2.1", ">=", baseline: 45m, target: 50m, lead: "ldtbxh")), 2020, (2025, 50m), (2030, 60m)),
        SmallPlan.WithMilestones(SmallPlan.Elected(SmallPlan.Rule("G1.1b.district", ">=", baseline: 28m, target: 30m, lead: "noivu"), 2021, 2026), 2020, (2025, 30m), (2030, 35m)),
        StrategyPlan.Literacy());

    private static readonly Lazy<Plan> Plan = new(() => Strategy().Plan());

    public static TheoryData<string, string, string, Status, string?> Verdicts => new()
    {
        // code, period, value, status, expected now ("" for none)
        // first stretch, 115 (2020) → 111 (2025): 2023 expects 115 − 4 × 3/5 = 112,6
        { "G4.1", "2023", "112.6", Status.OnTrack, "112.6" },
        { "G4.1", "2023", "113.8", Status.FallingBehind, "112.6" }, // (113,8 − 115)/(112,6 − 115) = 0,5
        { "G4.1", "2023", "114.5", Status.OffTrack, "112.6" },      // 0,21
        { "G4.1", "2025-H1", "111.4", Status.OnTrack, "111.4" },   // t = 2024,5: 115 − 4 × 4,5/5
        // at the milestone's year a figure short of it is missed for that milestone; meeting it is met
        { "G4.1", "2025", "112", Status.Missed, "111" },
        { "G4.1", "2025", "111", Status.Met, null },
        // second stretch, from the 2025 target 111 (not the figure reached) to 109 in 2030: 2026 expects 111 − 2 × 1/5 = 110,6
        { "G4.1", "2026", "110.6", Status.OnTrack, "110.6" },
        { "G4.1", "2026", "110.8", Status.FallingBehind, "110.6" }, // (110,8 − 111)/(110,6 − 111) = 0,5
        { "G4.1", "2026", "112", Status.OffTrack, "110.6" },        // still above 111: moving away from the stretch's start
        { "G4.1", "2026", "110.5", Status.OnTrack, "110.6" },       // would meet 111, but 109 is the target in force
        { "G4.1", "2028-H1", "110", Status.OnTrack, "110" },        // t = 2027,5: 111 − 2 × 2,5/5
        { "G4.1", "2026", "109", Status.Met, null },
        { "G4.1", "2030", "109.5", Status.Missed, "109" },
        // a share going up: 40 → 60 (2025) → 75 (2030); 2022 expects 40 + 20 × 2/5 = 48, 2027 expects 60 + 15 × 2/5 = 66
        { "G1.2", "2022", "48", Status.OnTrack, "48" },
        { "G1.2", "2022", "44", Status.FallingBehind, "48" },
        { "G1.2", "2022", "42", Status.OffTrack, "48" },
        { "G1.2", "2024-H1", "54", Status.OnTrack, "54" },            // t = 2023,5: 40 + 20 × 3,5/5
        { "G1.2", "2025", "62", Status.Met, null },                   // meets 60, the milestone in force, though short of 75
        { "G1.2", "2025", "58", Status.Missed, "60" },
        { "G1.2", "2027", "66", Status.OnTrack, "66" },
        { "G1.2", "2027", "63", Status.FallingBehind, "66" },         // (63 − 60)/(66 − 60) = 0,5
        { "G1.2", "2027", "58", Status.OffTrack, "66" },              // below the 2025 target: moving away
        { "G1.2", "2030", "74", Status.Missed, "75" },
        // every year: each milestone is the target for the years up to it
        { "G2.1", "2024", "52", Status.Met, null },
        { "G2.1", "2025", "49", Status.Missed, "50" },
        { "G2.1", "2027", "55", Status.Missed, "60" },
        { "G2.1", "2027-H1", "55", Status.FallingBehind, "60" },
        // elected: each term's result against the milestone in force at its report
        { "G1.1b.district", "2021", "32", Status.Met, null },
        { "G1.1b.district", "2026", "32", Status.Missed, null },
        { "G1.1b.district", "2027", "36", Status.Met, null },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Period_is_judged_against_the_next_milestone_on_the_stretch_from_the_previous_one(string code, string period, string value, Status status, string? expected)
    {
        var score = Score(code, period, Parse(value));

        Assert.Equal(status, score.Status);
        Assert.Equal(expected is null ? null : Parse(expected), score.Expected);
    }

    [Theory]
    [InlineData("2021", 2025)]
    [InlineData("2025-H1", 2025)]
    [InlineData("2025", 2025)]
    [InlineData("2026-H1", 2030)]
    [InlineData("2030", 2030)]
    public void Milestone_in_force_is_the_first_whose_year_is_not_before_the_period_s(string period, int year)
    {
        var indicator = Plan.Value.FindIndicator("G4.1")!;

        Assert.Equal(year, indicator.MilestoneFor(Period.Parse(period)).Year);
        Assert.Equal(year, Score("G4.1", period, 120m).Milestone.Year);
    }

    [Fact]
    public void Stretch_after_a_missed_milestone_starts_from_its_target_not_from_the_figure_reached()
    {
        var missed = Score("G4.1", "2025", 113m);
        var after = Score("G4.1", "2026", 112.2m);

        Assert.Equal(Status.Missed, missed.Status);
        Assert.Equal(new Stretch(2025, 111m, new Milestone(2030, 109m), FromMilestone: true), after.Stretch);
        // from the figure (113 → 109) 2026 would expect 112,2 and call this on track; from the target, 110,6 is due
        Assert.Equal(110.6m, after.Expected);
        Assert.Equal(Status.OffTrack, after.Status);
    }

    [Fact]
    public void Compound_path_runs_from_the_previous_milestone_s_target()
    {
        var plan = Strategy().OnPath("compound");
        var indicator = plan.Plan().FindIndicator("G4.1")!;

        var score = Scorer.ScoreOne(indicator, Measurement.Of(110.5m), Period.Parse("2026"));

        // 111 × (109/111)^(1/5), one year along the 2025 → 2030 stretch
        Assert.Equal(111 * Math.Pow(109.0 / 111.0, 0.2), (double)score.Expected!.Value, 3);
        Assert.Equal(Status.OnTrack, score.Status);
    }

    // The README's worked example ("Milestones"), sentence for sentence.
    public static TheoryData<string, string, string> Sentences => new()
    {
        {
            "2023", "113.8",
            "Kết quả 113,8 trẻ trai/100 trẻ gái chưa đạt chỉ tiêu; mốc năm 2025: không quá 111 trẻ trai/100 trẻ gái; theo lộ trình đều từ 115 trẻ trai/100 trẻ gái "
            + "năm 2020 đến mốc năm 2025 (111 trẻ trai/100 trẻ gái), kỳ này cần đạt 112,6 trẻ trai/100 trẻ gái, mới thực hiện được 50% mức giảm cần đạt."
        },
        {
            "2025", "112",
            "Kết quả 112 trẻ trai/100 trẻ gái không đạt chỉ tiêu mốc năm 2025 (không quá 111 trẻ trai/100 trẻ gái). Lộ trình đến mốc năm 2030 tính từ chỉ tiêu "
            + "111 trẻ trai/100 trẻ gái của mốc này, không từ kết quả đạt được."
        },
        {
            "2026", "110.8",
            "Kết quả 110,8 trẻ trai/100 trẻ gái chưa đạt chỉ tiêu; mốc năm 2030: không quá 109 trẻ trai/100 trẻ gái; theo lộ trình đều từ "
            + "mốc năm 2025 (111 trẻ trai/100 trẻ gái) đến mốc năm 2030 (109 trẻ trai/100 trẻ gái), kỳ này cần đạt 110,6 trẻ trai/100 trẻ gái, "
            + "mới thực hiện được 50% mức giảm cần đạt."
        },
        { "2027", "109", "Kết quả 109 trẻ trai/100 trẻ gái đạt chỉ tiêu mốc năm 2030 (không quá 109 trẻ trai/100 trẻ gái)." },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Explanation_names_the_milestone_in_force_and_the_stretch(string period, string value, string sentence)
    {
        Assert.Equal(sentence, ScoreExplainer.Explain(Score("G4.1", period, Parse(value))).Vi);
    }

    [Fact]
    public void English_explanation_names_the_milestone_and_the_stretch_too()
    {
        var text = ScoreExplainer.Explain(Score("G4.1", "2026", 110.8m));

        Assert.Equal("110.8 boys per 100 girls > 109 boys per 100 girls: falling behind, only 50% of the fall due by now (expected now on the straight line "
            + "from the 2025 milestone (111 boys per 100 girls) to the 2030 milestone (109 boys per 100 girls): 110.6 boys per 100 girls).", text.En);
    }

    [Fact]
    public void Explanation_of_the_first_stretch_starts_from_the_baseline_and_a_missed_milestone_says_where_the_next_starts()
    {
        var first = ScoreExplainer.Explain(Score("G1.2", "2022", 44m));
        var missed = ScoreExplainer.Explain(Score("G1.2", "2025", 58m));

        Assert.Contains("theo lộ trình đều từ 40% năm 2020 đến mốc năm 2025 (60%), kỳ này cần đạt 48%", first.Vi, StringComparison.Ordinal);
        Assert.Equal("Kết quả 58% không đạt chỉ tiêu mốc năm 2025 (60%). Lộ trình đến mốc năm 2030 tính từ chỉ tiêu 60% của mốc này, không từ kết quả đạt được.", missed.Vi);
        Assert.Contains("the 2025 milestone has come and its target is not met", missed.En, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> OneTargetCases => new()
    {
        { "2021", "96.6" }, { "2023-H1", "97" }, { "2025", "96" }, { "2027", "97.9" }, { "2030", "97.9" }, { "2030", "98" },
    };

    [Theory]
    [MemberData(nameof(OneTargetCases))]
    public void One_target_scores_and_reads_as_one_milestone(string period, string value)
    {
        var single = Plan.Value.FindIndicator("G3.1")!;
        var plan = Strategy();
        SmallPlan.WithMilestones(plan.Rule("G3.1"), 2020, (2030, 98m));
        var listed = plan.Plan().FindIndicator("G3.1")!;

        var one = Scorer.ScoreOne(single, Measurement.Of(Parse(value)), Period.Parse(period));
        var other = Scorer.ScoreOne(listed, Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal([new Milestone(2030, 98m)], single.Milestones);
        Assert.Equal((one.Status, one.Expected, one.ProgressRatio), (other.Status, other.Expected, other.ProgressRatio));
        Assert.Equal(ScoreExplainer.Explain(one), ScoreExplainer.Explain(other));
        Assert.DoesNotContain("mốc", ScoreExplainer.Explain(one).Vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025", "112", true)]   // 112 ≤ 111 + 1
    [InlineData("2025", "112.5", false)]
    [InlineData("2026", "110", true)]  // 110 ≤ 109 + 1: the expression's target is the 2030 milestone
    [InlineData("2026", "110.5", false)]
    public void Expression_s_target_is_the_milestone_in_force(string period, string value, bool met)
    {
        var plan = Strategy();
        plan.Rule("G4.1")["Expression"] = "value <= target + 1";
        var indicator = plan.Plan().FindIndicator("G4.1")!;

        var score = Scorer.ScoreOne(indicator, Measurement.Of(Parse(value)), Period.Parse(period));

        Assert.Equal(met, score.Status == Status.Met);
    }

    private static IndicatorScore Score(string code, string period, decimal value) =>
        Scorer.ScoreOne(Plan.Value.FindIndicator(code)!, Measurement.Of(value), Period.Parse(period));

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
