using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.Tests;

/// <summary>
/// Figures that change only when a body is elected (women in the People's Councils elected in 2016 for 2016-2021):
/// judged on the election's result, with no expected value between elections, and alerted only in an election year.
/// </summary>
public class ElectedIndicatorTests
{
    private static readonly Lazy<Plan> Plan = new(SmallPlan.With(
        SmallPlan.Elected(SmallPlan.Rule("G1.1b.district", ">=", baseline: 32m, target: 36.7m, lead: "noivu"), 2016, 2021),
        // a plan whose election falls inside its years: before it, the figure is still the previous term's
        SmallPlan.Elected(SmallPlan.Rule("G1.1b.commune", ">=", baseline: 29.22m, target: 35m, lead: "noivu"), 2018, 2023),
        SmallPlan.Rule("G3.1", ">=", baseline: 96.5m, target: 98m)).OnPath("linear").Plan);

    public static TheoryData<string, string, string, Status, StatusReason> Verdicts => new()
    {
        // met by the election's result, in any period of the term
        { "G1.1b.district", "2016", "36.7", Status.Met, StatusReason.TargetMet },
        { "G1.1b.district", "2019-H1", "38", Status.Met, StatusReason.TargetMet },
        // below the target after the election: final for the term, not "falling behind" against a line nobody can climb
        { "G1.1b.district", "2016", "34.5", Status.Missed, StatusReason.ElectionResultBelowTarget },
        { "G1.1b.district", "2018-H1", "34.5", Status.Missed, StatusReason.ElectionResultBelowTarget },
        { "G1.1b.district", "2020", "34.5", Status.Missed, StatusReason.ElectionResultBelowTarget },
        // before the plan's election the previous term's figure stands: off track until the election, missed if none comes by the target year
        { "G1.1b.commune", "2017", "30", Status.OffTrack, StatusReason.ElectionAhead },
        { "G1.1b.commune", "2018", "30", Status.Missed, StatusReason.ElectionResultBelowTarget },
        { "G1.1b.commune", "2018", "35", Status.Met, StatusReason.TargetMet },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Elected_figure_is_judged_on_the_election_s_result_against_the_target(string code, string period, string value, Status status, StatusReason reason)
    {
        var score = Score(code, period, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((status, reason), (score.Status, score.Reason));
        Assert.Null(score.ProgressRatio);
    }

    [Theory]
    [InlineData("2017")]
    [InlineData("2019-H1")]
    public void Elected_figure_has_no_expected_value_between_elections_where_an_ordinary_one_has(string period)
    {
        var elected = Score("G1.1b.district", period, 34.5m);
        var ordinary = Score("G3.1", period, 97m);

        Assert.Null(elected.Expected);
        Assert.NotNull(ordinary.Expected);
        Assert.DoesNotContain("cần đạt", ScoreExplainer.Explain(elected).Vi, StringComparison.Ordinal);
        Assert.Contains("kết quả bầu cử nhiệm kỳ 2016-2021", ScoreExplainer.Explain(elected).Vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2016-H1", true)]
    [InlineData("2016", true)]
    [InlineData("2017", false)]
    [InlineData("2019-H1", false)]
    [InlineData("2020", false)]
    public void Elected_figure_below_target_is_alerted_only_in_an_election_year(string period, bool alerted)
    {
        var card = Card(period, Score("G1.1b.district", period, 34.5m), Score("G3.1", period, 96m));

        var plan = AlertPlanner.Plan(card, new Dictionary<string, Status>());

        Assert.Equal(alerted, plan.Behind.Any(score => score.Indicator.Code == "G1.1b.district"));
        Assert.Equal(alerted, plan.States.ContainsKey("G1.1b.district"));
        // an ordinary indicator off track in the same report is alerted whatever the year
        Assert.Contains(plan.Behind, score => score.Indicator.Code == "G3.1");
    }

    [Fact]
    public void Elected_figure_alerted_at_the_election_and_then_met_is_resolved()
    {
        var card = Card("2016", Score("G1.1b.district", "2016", 37m));

        var plan = AlertPlanner.Plan(card, new Dictionary<string, Status> { ["G1.1b.district"] = Status.Missed });

        Assert.Equal("G1.1b.district", Assert.Single(plan.Recovered).Indicator.Code);
    }

    private static IndicatorScore Score(string code, string period, decimal value) =>
        Scorer.ScoreOne(Plan.Value.FindIndicator(code)!, Measurement.Of(value), Period.Parse(period));

    private static Scorecard Card(string period, params IndicatorScore[] scores) =>
        new("b.csv", Period.Parse(period), "dak-to", Plan.Value.Id, Plan.Value.Version, scores);
}
