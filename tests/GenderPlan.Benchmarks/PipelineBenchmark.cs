using Microsoft.Extensions.Azure;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Rules;
using GenderPlan.Workflow;
using GenderPlan.Workflow.Handlers;
using GenderPlan.Workflow.Local;
using GenderPlan.Testing;
using GenderPlan.Workflow.Storage;
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
        Directory.Delete(outbox, recursive: true);
        return scored == count && logged == count && alerts.All(alert => alert.State == AlertState.Sent) && emails == alerts.Count ? 0 : 1;
    }

    private static List<(string Name, string Period, string Csv)> Reports(int count)
    {
        var lines = BenchmarkData.FullReport.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var units = new[] { "ldtbxh", "yte", "gddt", "noivu", "vhtt" };
        var places = new[] { "dak-to", "tt-dak-to", "dak-ro-nga", "dak-tram", "van-lem", "ngok-tu", "kon-dao", "tan-canh", "po-ko", "dien-binh" };
        var reports = new List<(string, string, string)>();
        for (var index = 0; index < count; index++)
        {
            var period = (2016 + (index % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture) + (index % 2 == 0 ? "" : "-H1");
            var place = places[index % places.Length];
            var csv = string.Join('\n', lines.Select((line, row) => row == 0 ? line : line.Replace("2019,dak-to,", $"{period},{place},", StringComparison.Ordinal))) + "\n";
            reports.Add(($"{units[index % units.Length]}/report-{index:D5}.csv", period, csv));
        }

        return reports;
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
