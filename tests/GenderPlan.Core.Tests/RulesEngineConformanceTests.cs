using System.Text.Json;
using GenderPlan.Core.Rules;
using RulesEngine.Models;

namespace GenderPlan.Core.Tests;

/// <summary>
/// A plan file is a genuine RulesEngine workflow: RulesEngine itself runs a workflow written here, with the
/// threshold forms officials write, and reaches the same verdict as the product's compiled thresholds for
/// values around every target. (The shipped plan gets the same check in <see cref="DakTo2016To2020PlanTests"/>.)
/// </summary>
public class RulesEngineConformanceTests
{
    public static TheoryData<string, string> Thresholds => new()
    {
        // the plain forms, which skip the parser when rules load
        { "value >= target", ">=" },
        { "value <= target", "<=" },
        { "  value>=target ", ">=" },
        // forms that go through RulesEngine's parser and the allow-list
        { "Value >= Target", ">=" },
        { "value >= target && value <= 100", ">=" },
        { "(value - target) >= 0", ">=" },
        { "Math.Round(value, 2) <= target", "<=" },
        { "!(value > target)", "<=" },
        { "value * 1.0 >= target", ">=" },
    };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public async Task RulesEngine_and_the_compiled_threshold_agree_around_the_target(string expression, string direction)
    {
        var plan = SmallPlan.With(SmallPlan.Rule("G3.1", direction, baseline: 90m, target: 98m));
        plan.Rule("G3.1")["Expression"] = expression;
        var indicator = plan.Indicator("G3.1");
        var workflow = JsonSerializer.Deserialize<Workflow>(plan.Workflow.ToJsonString())!;
        var engine = new RulesEngine.RulesEngine([workflow], new ReSettings());

        foreach (var value in new[] { 0m, 97m, 97.99m, 98m, 98.01m, 99m, 100m })
        {
            var results = await engine.ExecuteAllRulesAsync(SmallPlan.Id, new RuleParameter("value", value), new RuleParameter("target", indicator.Target));
            var verdict = Assert.Single(results);

            // RulesEngine reports a failed rule by its ErrorMessage; anything else would be a parse or runtime fault.
            Assert.True(verdict.IsSuccess || verdict.ExceptionMessage == verdict.Rule.ErrorMessage, verdict.ExceptionMessage);
            Assert.Equal(indicator.MeetsTarget(value), verdict.IsSuccess);
        }
    }

    [Theory]
    [InlineData("value <= target")]
    [InlineData("value <= target + 1")]
    public async Task RulesEngine_given_the_milestone_in_force_as_target_agrees_with_the_score(string expression)
    {
        var plan = StrategyPlan.With(StrategyPlan.SexRatio());
        plan.Rule("G4.1")["Expression"] = expression;
        var indicator = plan.Indicator("G4.1");
        var workflow = JsonSerializer.Deserialize<Workflow>(plan.Workflow.ToJsonString())!;
        var engine = new RulesEngine.RulesEngine([workflow], new ReSettings());

        foreach (var period in new[] { "2024", "2025", "2026", "2030" })
        {
            var milestone = indicator.MilestoneFor(Domain.Period.Parse(period));
            foreach (var value in new[] { 108m, 109m, 110m, 110.5m, 111m, 112m })
            {
                var results = await engine.ExecuteAllRulesAsync(SmallPlan.Id, new RuleParameter("value", value), new RuleParameter("target", milestone.Target));
                var score = Scoring.Scorer.ScoreOne(indicator, Reports.Measurement.Of(value), Domain.Period.Parse(period));

                Assert.Equal(Assert.Single(results).IsSuccess, score.Status == Domain.Status.Met);
            }
        }
    }

    [Theory]
    [InlineData("value >= target")]
    [InlineData("value <= target")]
    [InlineData(" value<=target")]
    public void Plain_threshold_is_the_comparison_RulesEngine_parser_builds(string expression)
    {
        var plain = ThresholdCompiler.PlainComparison(expression);
        var (parsed, errors) = ThresholdCompiler.ParseAndCompile(expression);

        Assert.NotNull(plain);
        Assert.Empty(errors);
        foreach (var (value, target) in new[] { (97.99m, 98m), (98m, 98m), (98.01m, 98m), (0m, 0m), (-1m, 0m), (105m, 105.001m), (1e20m, 1e-20m) })
        {
            Assert.Equal(parsed!(value, target), plain(value, target));
        }
    }

    [Theory]
    [InlineData("Value >= target")]
    [InlineData("value >= targets")]
    [InlineData("value > target")]
    [InlineData("value >= target && value <= 100")]
    [InlineData("value = target")]
    [InlineData("value >= = target")]
    [InlineData("valuetarget")]
    public void Anything_but_a_plain_threshold_goes_through_the_parser(string expression)
    {
        Assert.Null(ThresholdCompiler.PlainComparison(expression));
    }
}
