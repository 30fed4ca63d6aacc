using BenchmarkDotNet.Attributes;
using GenderPlan.Core.Rules;

namespace GenderPlan.Benchmarks;

/// <summary>Loading, validating and compiling the plan's rules from bytes already read (goal: at most 50 ms warm).</summary>
[MemoryDiagnoser]
public class RulesLoadBenchmarks
{
    private IReadOnlyList<RuleSource> _sources = null!;

    [GlobalSetup]
    public void Setup() => _sources = BenchmarkData.RuleSources();

    [Benchmark(Description = "load + validate + compile 28 rules")]
    public RulesLoadResult Load() => RuleBookLoader.Load(_sources.ToList());
}
