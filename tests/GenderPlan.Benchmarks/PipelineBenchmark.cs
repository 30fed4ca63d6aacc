using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Rules;
using GenderPlan.Testing;
using GenderPlan.Workflow;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Hosting;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Benchmarks;

/// <summary>
/// The workflow end to end against a real Azurite: N reports uploaded at once, then processed by the same
/// handlers the Functions and the local runner use, with emails written to a pickup folder. Reports the
/// throughput, the time from pick-up to email per report (no polling interval in it), that nothing was
/// lost, and how the pipeline's time compares with the time spent inside the storage requests it makes.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(int count, int parallelism)
    {
        var root = Path.GetDirectoryName(BenchmarkData.RulesDirectory)!;
        await using var azurite = await AzuriteProcess.StartAsync(root, TimeSpan.FromSeconds(60));
        var timing = new StorageTimingPolicy();
        var outbox = Directory.CreateTempSubdirectory("genderplan-bench-outbox-").FullName;
        var services = new ServiceCollection().AddLogging();
        services.AddGenderPlanWorkflow(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["GenderPlan:Email:PickupDirectory"] = outbox,
        }).Build());
        // The product's own clients (same retry policy), with the timing policy added to every one of them.
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(timing, HttpPipelinePosition.PerRetry)));
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<StorageClients>();
        await storage.EnsureCreatedAsync(CancellationToken.None);

        var sources = RuleSource.FromDirectory(BenchmarkData.RulesDirectory);
        var book = RuleBookLoader.Load(sources).RuleBook!;
        await provider.GetRequiredService<ActiveRules>().ActivateAsync(book, sources, "benchmark", CancellationToken.None);

        var reports = Reports(count);
        var container = storage.Container(StorageNames.ReportsContainer);
        var upload = Stopwatch.StartNew();
        await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (report, token) =>
            await container.GetBlobClient(report.Name).UploadAsync(BinaryData.FromString(report.Csv), new BlobUploadOptions(), token));
        upload.Stop();

        var intake = provider.GetRequiredService<IReportIntake>();
        timing.Reset();
        var latencies = new double[count];
        var outcomes = new ReportOutcome[count];
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (index, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            outcomes[index] = await intake.ProcessAsync(reports[index].Name, token);
            latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        clock.Stop();
        var storageTime = timing.Total;
        var requests = timing.Requests;

        var scored = outcomes.Count(outcome => outcome == ReportOutcome.Scored);
        var logged = 0;
        foreach (var period in reports.Select(report => report.Period).Distinct())
        {
            logged += (await provider.GetRequiredService<ReportLog>().ForPeriodAsync(GenderPlan.Core.Domain.Period.Parse(period), CancellationToken.None)).Count;
        }

        var alerts = await provider.GetRequiredService<StorageClients>().AllAlertsAsync();
        var emails = Directory.GetFiles(outbox, "*.eml").Length;
        Array.Sort(latencies);
        Console.WriteLine($"reports: {count}, processed {parallelism} at a time");
        Console.WriteLine($"upload of all reports: {upload.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"scored: {scored}, logged: {logged}, alerts stored: {alerts.Count}, sent: {alerts.Count(alert => alert.State == AlertState.Sent)}, .eml files: {emails}, pending: {alerts.Count(alert => alert.State != AlertState.Sent)}");
        Console.WriteLine($"pipeline wall time: {clock.Elapsed.TotalSeconds:0.00} s, throughput: {count / clock.Elapsed.TotalSeconds:0.0} reports/s");
        Console.WriteLine($"pick-up to email written, per report: median {latencies[count / 2]:0.0} ms, p95 {latencies[(int)(count * 0.95)]:0.0} ms");
        Console.WriteLine($"storage requests: {requests} ({requests / (double)count:0.0} per report), time inside them: {storageTime.TotalSeconds:0.00} s summed over all requests");
        if (parallelism == 1)
        {
            Console.WriteLine($"pipeline time / time inside storage requests: {clock.Elapsed.TotalSeconds / storageTime.TotalSeconds:0.00}");
        }

        var publisher = provider.GetRequiredService<DashboardPublisher>();
        await publisher.PublishAsync("dak-to", CancellationToken.None);
        var publish = Stopwatch.StartNew();
        await publisher.PublishAsync("dak-to", CancellationToken.None);
        publish.Stop();
        var history = 0;
        foreach (var place in reports.Select(report => report.Csv.Split('\n')[1].Split(',')[1]).Distinct())
        {
            foreach (var period in reports.Select(report => report.Period).Distinct())
            {
                history += (await provider.GetRequiredService<StorageClients>().ResultHistoryAsync(place, period)).Count;
            }
        }

        Console.WriteLine($"results stored: {history} in the history; scorecard page of dak-to read from storage, rendered and published in {publish.Elapsed.TotalMilliseconds:0} ms");
        await CommuneBurstAsync(provider, timing, book);
        Directory.Delete(outbox, recursive: true);
        return scored == count && logged == count && alerts.All(alert => alert.State == AlertState.Sent) && emails == alerts.Count ? 0 : 1;
    }

    private static readonly string[] Places = ["dak-to", "tt-dak-to", "dak-ro-nga", "dak-tram", "van-lem", "ngok-tu", "kon-dao", "tan-canh", "po-ko", "dien-binh"];

    /// <summary>The district's reports from the departments, each commune's from its own committee (the only sender it accepts).</summary>
    private static List<(string Name, string Period, string Csv)> Reports(int count)
    {
        var units = new[] { "ldtbxh", "yte", "gddt", "noivu", "vhtt" };
        var reports = new List<(string, string, string)>();
        for (var index = 0; index < count; index++)
        {
            var period = (2016 + (index % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture) + (index % 2 == 0 ? "" : "-H1");
            var place = Places[index % Places.Length];
            var unit = place == "dak-to" ? units[index % units.Length] : $"ubnd-{place}";
            reports.Add(($"{unit}/report-{index:D5}.csv", period, BenchmarkData.ReportFor(period, place)));
        }

        return reports;
    }

    /// <summary>
    /// A burst of the nine commune and town reports of one period, each with numerators and denominators, processed one
    /// at a time as they arrive; then the district's roll-up alone, as each accepted report runs it, to tell its
    /// share of the time per report.
    /// </summary>
    private static async Task CommuneBurstAsync(ServiceProvider provider, StorageTimingPolicy timing, GenderPlan.Core.Domain.RuleBook book)
    {
        var container = provider.GetRequiredService<StorageClients>().Container(StorageNames.ReportsContainer);
        var communes = Places.Skip(1).ToList();
        foreach (var (commune, index) in communes.Select((commune, index) => (commune, index)))
        {
            var csv = "period,jurisdiction,indicator,value,numerator,denominator\n"
                + $"2020-H1,{commune},G4.3a,,{80 + index},{100 + index}\n2020-H1,{commune},G4.1,,{50 + index},{48 + index}\n"
                + $"2020-H1,{commune},G3.1,,{950 + index},{970 + index}\n2020-H1,{commune},G6.2a,,{3 + index},{4 + index}\n";
            await container.GetBlobClient($"ubnd-{commune}/burst-2020-h1.csv").UploadAsync(BinaryData.FromString(csv), new BlobUploadOptions());
        }

        var intake = provider.GetRequiredService<IReportIntake>();
        var perReport = new List<double>();
        foreach (var commune in communes)
        {
            var started = Stopwatch.GetTimestamp();
            await intake.ProcessAsync($"ubnd-{commune}/burst-2020-h1.csv", CancellationToken.None);
            perReport.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var rollUp = provider.GetRequiredService<DistrictRollUp>();
        var plan = book.Plans[0];
        var period = GenderPlan.Core.Domain.Period.FirstHalf(2020);
        await rollUp.RecomputeAsync(book, plan, period, DateTimeOffset.UtcNow, CancellationToken.None);
        timing.Reset();
        var alone = Stopwatch.StartNew();
        foreach (var _ in communes)
        {
            await rollUp.RecomputeAsync(book, plan, period, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        alone.Stop();
        perReport.Sort();
        Console.WriteLine($"commune burst: {communes.Count} reports one at a time, median {perReport[perReport.Count / 2]:0.0} ms per report (roll-up included)");
        Console.WriteLine($"roll-up alone: {alone.Elapsed.TotalMilliseconds / communes.Count:0.0} ms per report, {timing.Requests / (double)communes.Count:0.0} storage requests per report");
    }

    /// <summary>Adds up the time spent inside each storage HTTP request.</summary>
    private sealed class StorageTimingPolicy : HttpPipelinePolicy
    {
        private long _ticks;
        private int _requests;

        public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public int Requests => _requests;

        public void Reset()
        {
            Interlocked.Exchange(ref _ticks, 0);
            Interlocked.Exchange(ref _requests, 0);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Stopwatch.GetTimestamp();
            ProcessNext(message, pipeline);
            Record(started);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Stopwatch.GetTimestamp();
            await ProcessNextAsync(message, pipeline);
            Record(started);
        }

        private void Record(long started)
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(started).Ticks);
            Interlocked.Increment(ref _requests);
        }
    }
}
