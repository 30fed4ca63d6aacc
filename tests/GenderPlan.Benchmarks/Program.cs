using BenchmarkDotNet.Running;
using GenderPlan.Benchmarks;

// dotnet run -c Release --project tests/GenderPlan.Benchmarks -- generate DIR 10000   (files for the memory run)
// dotnet run -c Release --project tests/GenderPlan.Benchmarks -- pipeline 1000 4       (the workflow against Azurite)
// dotnet run -c Release --project tests/GenderPlan.Benchmarks -- --filter '*'          (BenchmarkDotNet)
if (args is ["generate", var directory, var count])
{
    ReportGenerator.Write(directory, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"Wrote {count} reports to {directory}");
    return 0;
}

if (args is ["pipeline", var reports, var parallel])
{
    return await PipelineBenchmark.RunAsync(int.Parse(reports, System.Globalization.CultureInfo.InvariantCulture), int.Parse(parallel, System.Globalization.CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
return 0;
