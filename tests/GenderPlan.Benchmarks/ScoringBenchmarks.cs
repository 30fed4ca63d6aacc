using System.Text.Json;
using BenchmarkDotNet.Attributes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using RulesEngine.Models;

namespace GenderPlan.Benchmarks;

/// <summary>
/// Scoring one parsed 28-indicator report three ways: the product's compiled rules, a hand-written C#
/// scorer, and RulesEngine's own <c>ExecuteAllRulesAsync</c> on the same rules followed by the same progress
/// arithmetic. Each rule has its own value and target, so RulesEngine runs the workflow's rules one
/// single-rule workflow at a time (the rule JSON unchanged).
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private Report _report = null!;
    private RulesEngine.RulesEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = BenchmarkData.Rules();
        _report = BenchmarkData.Report(rules);
        var workflow = JsonSerializer.Deserialize<RulesEngine.Models.Workflow>(File.ReadAllText(Path.Combine(BenchmarkData.RulesDirectory, "dak-to-2016-2020.workflow.json")))!;
        var perRule = workflow.Rules.Select(rule => new RulesEngine.Models.Workflow { WorkflowName = rule.RuleName, Rules = [rule] }).ToArray();
        _engine = new RulesEngine.RulesEngine(perRule, new ReSettings());
        if (Compiled().Scores.Count != 28 || Compiled().Scores.Select(score => score.Status).SequenceEqual(HandWritten().Scores.Select(score => score.Status)) is false)
        {
            throw new InvalidOperationException("the scorers disagree");
        }
    }

    [Benchmark(Baseline = true, Description = "compiled rules (product)")]
    public Scorecard Compiled() => Scorer.Score(_report);

    [Benchmark(Description = "hand-written C#")]
    public Scorecard HandWritten() => HandWrittenScorer.Score(_report);

    [Benchmark(Description = "RulesEngine ExecuteAllRulesAsync")]
    public async Task<int> RulesEngineExecuteAll()
    {
        var met = 0;
        foreach (var reported in _report.Values)
        {
            if (reported.Measurement.Kind == MeasurementKind.NotApplicable)
            {
                continue;
            }

            var results = await _engine.ExecuteAllRulesAsync(
                reported.Indicator.Code,
                new RuleParameter("value", reported.Measurement.Value),
                new RuleParameter("target", reported.Indicator.Target));
            if (results[0].IsSuccess)
            {
                met++;
            }
            else
            {
                // The same progress arithmetic the product does after a miss.
                _ = Scorer.ScoreOne(reported.Indicator, reported.Measurement, _report.Period);
            }
        }

        return met;
    }
}
