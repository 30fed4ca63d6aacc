using BenchmarkDotNet.Running;
using GenderPlan.Benchmarks;

// dotnet run -c Release --project tests/GenderPlan.Benchmarks -- generate DIR 10000   (files for the memory run)
// dotnet run -c Release --project tests/GenderPlan.Benchmarks -- pipeline 1000 4       (the workflow against Azurite)
// dotnet run -c Release --project tests/GenderPlan.Benchmarks -- national [--provinces N] [--years Y] [--parallel P] [--waves W]
//                                                                                      (issue 23: the national burst against Azurite; 34 provinces, 1 year, 4 at a time,
//                                                                                       12 waves with a sweep 5 minutes after each, an hour's timer, by default)
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

if (args is ["national", .. var options])
{
    int Option(string name, int fallback, int max)
    {
        var at = Array.IndexOf(options, name);
        var value = at >= 0 && at + 1 < options.Length ? int.Parse(options[at + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return value >= 1 && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is 1 to {max}");
    }

    return await NationalBenchmark.RunAsync(
        Option("--provinces", NationalCountry.Provinces, NationalCountry.Provinces), Option("--years", 1, 5), Option("--parallel", 4, 64), Option("--waves", 12, 120));
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
return 0;
