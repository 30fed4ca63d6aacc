using BenchmarkDotNet.Running;
using GenderPlan.Benchmarks;

// dotnet run -c Release --project tests/GenderPlan.Benchmarks -- generate DIR 10000   (files for the memory run)
// dotnet run -c Release --project tests/GenderPlan.Benchmarks -- --filter '*'          (BenchmarkDotNet)
if (args is ["generate", var directory, var count])
{
    ReportGenerator.Write(directory, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"Wrote {count} reports to {directory}");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
return 0;
