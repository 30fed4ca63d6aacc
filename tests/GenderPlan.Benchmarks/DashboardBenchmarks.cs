using BenchmarkDotNet.Attributes;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Dashboard;

namespace GenderPlan.Benchmarks;

/// <summary>Rendering the scorecard page from 10,000 stored results (goal: under a second).</summary>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private DashboardInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = BenchmarkData.Rules();
        var report = BenchmarkData.Report(rules);
        var plan = report.Plan;
        var periods = Enumerable.Range(plan.StartYear, plan.EndYear - plan.StartYear + 1).SelectMany(year => new[] { Period.FirstHalf(year), Period.Annual(year) }).ToList();
        var random = new Random(7);
        var results = new List<DashboardResult>(10_000);
        var reports = new List<DashboardReport>();
        while (results.Count < 10_000)
        {
            var period = periods[random.Next(periods.Count)];
            foreach (var value in report.Values)
            {
                var measurement = value.Measurement.Kind == MeasurementKind.Number
                    ? Measurement.Of(Math.Max(0, value.Measurement.Value + (decimal)(random.NextDouble() - 0.5)))
                    : value.Measurement;
                var score = Scorer.ScoreOne(value.Indicator, value.Indicator.Unit.IsCategory ? value.Measurement : measurement, period);
                results.Add(new DashboardResult(score.Indicator.Code, period, score.Status, score.Value, ScoreExplainer.Explain(score)));
            }

            reports.Add(new DashboardReport(period, "ldtbxh", $"report-{reports.Count}.csv", DateTimeOffset.UtcNow, true));
        }

        _input = new DashboardInput(rules, plan, "dak-to", results, reports, new DateOnly(2021, 1, 1), DateTimeOffset.UtcNow, []);
    }

    [Benchmark(Description = "render the page from 10,000 results")]
    public string Render() => DashboardRenderer.Render(_input);
}
