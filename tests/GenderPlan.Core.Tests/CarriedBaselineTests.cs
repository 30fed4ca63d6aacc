using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Xã Đăk Tô was formed on 1 July 2025 and its 2021-2030 plan (<c>Rules/xa-dak-to-2021-2030.workflow.json</c>) has no
/// baselines: its 2020 figure is the sum of the four former units' 2020 reports under the 2016-2020 plan, for the
/// indicators whose rule names the former code (<c>"carriedFrom"</c>).
/// </summary>
public class CarriedBaselineTests
{
    private static RuleBook Rules => TestRules.Shipped;

    private static Plan CommunePlan => Rules.Plans.Single(plan => plan.Id == "xa-dak-to-2021-2030");

    private static CommuneFigure Births(string place, decimal boys, decimal girls) => new(place, "G4.1", boys / girls * 100, new Counts(boys, girls));

    [Fact]
    public void New_commune_reads_its_four_former_units_of_the_baseline_year()
    {
        var source = CarriedBaselines.SourceFor(Rules, CommunePlan, "xa-dak-to")!;

        Assert.Equal(Period.Annual(2020), source.Period);
        Assert.Equal(["tt-dak-to", "tan-canh", "po-ko", "dien-binh"], source.FormerPlaces.Select(place => place.Id));
        Assert.Null(CarriedBaselines.SourceFor(Rules, TestRules.Plan, "tan-canh"));
    }

    [Fact]
    public void Baseline_adds_up_the_former_units_births_and_names_the_one_missing()
    {
        var figures = new[] { Births("tt-dak-to", 64, 57), Births("tan-canh", 41, 38), Births("po-ko", 35, 31), Births("van-lem", 90, 10) };

        var carried = CarriedBaselines.Compute(Rules, CommunePlan, "xa-dak-to", figures);

        var sexRatio = carried["G4.1"];
        Assert.Equal((140m, 126m), (sexRatio.Score.Measurement.Counts!.Value.Numerator, sexRatio.Score.Measurement.Counts!.Value.Denominator));
        Assert.Equal(Math.Round(140m / 126m * 100, 6), Math.Round(sexRatio.Score.Value!.Value, 6));
        Assert.Equal((3, 4, "dien-binh"), (sexRatio.Coverage.Reported, sexRatio.Coverage.Expected, sexRatio.Coverage.Missing.Single()));
        Assert.Contains("thiếu: Xã Diên Bình", sexRatio.Explanation.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_indicators_whose_rule_names_the_former_code_are_carried()
    {
        // G2.1 meant new jobs in 2016-2020 and wage work in the strategy: the same code, never carried.
        var figures = new[] { new CommuneFigure("tt-dak-to", "G2.1", 40, new Counts(4, 10)), Births("tt-dak-to", 60, 50) };

        var carried = CarriedBaselines.Compute(Rules, CommunePlan, "xa-dak-to", figures);

        Assert.Equal(["G4.1"], carried.Keys);
    }

    [Fact]
    public void Former_code_under_another_name_is_carried_into_the_new_one()
    {
        // The strategy's G3.4 (trafficking victims supported) is the 2016-2020 plan's G6.3.
        var figures = new[] { new CommuneFigure("tan-canh", "G6.3", 50, new Counts(1, 2)), new CommuneFigure("po-ko", "G6.3", 100, new Counts(2, 2)) };

        var carried = CarriedBaselines.Compute(Rules, CommunePlan, "xa-dak-to", figures);

        Assert.Equal(75m, carried["G3.4"].Score.Value);
    }

    [Fact]
    public void Score_measures_from_the_carried_baseline_and_says_where_it_comes_from()
    {
        // A later milestone than the strategy's first, so that the period is judged on a path from the baseline.
        var indicator = CommunePlan.FindIndicator("G4.1")!;
        var carried = CarriedBaselines.Compute(Rules, CommunePlan, "xa-dak-to", [Births("tt-dak-to", 120, 100), Births("tan-canh", 120, 100), Births("po-ko", 120, 100), Births("dien-binh", 120, 100)])["G4.1"];

        var score = Scorer.ScoreOne(indicator, Measurement.Of(116), Period.Annual(2023), carried);
        var uncarried = Scorer.ScoreOne(indicator, Measurement.Of(116), Period.Annual(2023));

        Assert.Equal(StatusReason.NoBaseline, uncarried.Reason);
        Assert.Equal(StatusReason.PaceMeasured, score.Reason);
        Assert.Equal(120m, score.Baseline);
        // From 120 in 2020 to 111 in 2025 on the straight line: 114,6 due in 2023, so 116 is 4/5.4 of the fall due.
        Assert.Equal(114.6m, score.Expected);
        Assert.Equal(Status.FallingBehind, score.Status);
        var sentence = ScoreExplainer.Explain(score).Vi;
        Assert.Contains("từ 120 trẻ trai/100 trẻ gái năm 2020 (gộp từ 4 đơn vị cũ: Thị trấn Đăk Tô, Xã Tân Cảnh, Xã Pô Kô, Xã Diên Bình)", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Milestone_verdict_of_a_merged_commune_is_compared_with_its_former_units()
    {
        var indicator = CommunePlan.FindIndicator("G4.1")!;
        var carried = CarriedBaselines.Compute(Rules, CommunePlan, "xa-dak-to", [Births("tt-dak-to", 64, 57), Births("tan-canh", 41, 38), Births("po-ko", 35, 31), Births("dien-binh", 30, 29)])["G4.1"];

        var score = Scorer.ScoreOne(indicator, Measurement.Of(113.46m), Period.Annual(2025), carried);

        Assert.Equal(Status.Missed, score.Status);
        Assert.EndsWith("So với năm 2020 (gộp từ 4 đơn vị cũ: Thị trấn Đăk Tô, Xã Tân Cảnh, Xã Pô Kô, Xã Diên Bình): 109,68 trẻ trai/100 trẻ gái.", ScoreExplainer.Explain(score).Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_written_in_the_rule_is_never_replaced()
    {
        var indicator = TestRules.Indicator("G4.1");
        var carried = CarriedBaselines.Compute(Rules, CommunePlan, "xa-dak-to", [Births("tt-dak-to", 120, 100)])["G4.1"];

        var score = Scorer.ScoreOne(indicator, Measurement.Of(108), Period.Annual(2018), carried);

        Assert.Null(score.CarriedBaseline);
        Assert.Equal(indicator.Baseline, score.Baseline);
    }
}
