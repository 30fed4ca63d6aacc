using System.Text.Json;
using GenderPlan.Core.Domain;
using RulesEngine.Models;

namespace GenderPlan.Core.Tests;

/// <summary>
/// The rules file is a genuine RulesEngine workflow: RulesEngine itself loads it and, for every rule and
/// values around its target, reaches the same verdict as the product's compiled thresholds.
/// </summary>
public class RulesEngineConformanceTests
{
    [Fact]
    public async Task RulesEngine_and_the_compiled_thresholds_agree_on_every_rule()
    {
        var workflow = JsonSerializer.Deserialize<Workflow>(await File.ReadAllTextAsync(TestRules.WorkflowPath))!;
        var engine = new RulesEngine.RulesEngine([workflow], new ReSettings());
        var compared = 0;

        foreach (var indicator in TestRules.Plan.Indicators)
        {
            foreach (var value in ValuesAround(indicator))
            {
                var results = await engine.ExecuteAllRulesAsync(
                    workflow.WorkflowName,
                    new RuleParameter("value", value),
                    new RuleParameter("target", indicator.Target));
                var verdict = results.Single(result => result.Rule.RuleName == indicator.Code);

                // RulesEngine reports a failed rule by its ErrorMessage; anything else would be a parse or runtime fault.
                Assert.True(verdict.IsSuccess || verdict.ExceptionMessage == verdict.Rule.ErrorMessage, verdict.ExceptionMessage);
                Assert.Equal(indicator.MeetsTarget(value), verdict.IsSuccess);
                compared++;
            }
        }

        Assert.Equal(28 * 5, compared);
    }

    private static decimal[] ValuesAround(Indicator indicator)
    {
        var step = indicator.Unit.WholeNumbers ? 1m : 0.01m;
        return [indicator.Target - (10 * step), indicator.Target - step, indicator.Target, indicator.Target + step, indicator.Target + (10 * step)];
    }
}
