using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Domain;
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
/// Issue 23's national burst against a real Azurite: the generated country (<see cref="NationalCountry"/>), every commune
/// and every province department sending its annual report within the hour, processed by the workflow's own services
/// (the DI of <c>serve</c> and the Functions) a few at a time, in waves with a sweep five minutes (on the clock) after
/// each, as the timer runs on the day, then until nothing is pending, alerts written to a pickup folder. One measured run, not BenchmarkDotNet iterations: a national run takes minutes. Earlier years, when asked,
/// are processed first the same way (the history a sweep may have to read); then an idle sweep with the clock past the
/// sums' recent window, and a rules change re-scoring one province. Prints a markdown summary to compare runs.
/// </summary>
internal static class NationalBenchmark
{
    private const int BurstYear = 2026;

    /// <summary>The timer's interval: the sweep after each wave of the burst runs this much later on the clock.</summary>
    private static readonly TimeSpan BurstSweepEvery = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(int provinces, int years, int parallelism, int waves)
    {
        var root = Path.GetDirectoryName(BenchmarkData.RulesDirectory)!;
        var built = Stopwatch.StartNew();
        var (country, sources) = NationalCountry.Build(Path.Combine(BenchmarkData.RulesDirectory, "strategy"), provinces);
        // A commune report's roll-up reads its province's communes, so its cost goes with its province's size: the
        // average province size seen by a commune report (sum of squares over sum) is what carries a run to the country.
        var all = NationalCountry.CommuneCounts();
        var seen = country.Sum(p => (double)p.Communes.Count * p.Communes.Count) / country.Sum(p => p.Communes.Count);
        Console.WriteLine($"province size seen by a commune report: {seen:0.0} communes in this run, {all.Sum(n => (double)n * n) / all.Sum():0.0} in the whole country ({string.Join(" ", all)})");
        var loaded = RuleBookLoader.Load(sources);
        var book = loaded.RuleBook ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems.Take(20)));
        built.Stop();
        var communes = country.Sum(province => province.Communes.Count);
        Console.WriteLine($"country: {country.Count} provinces, {communes} communes ({country.Min(p => p.Communes.Count)}-{country.Max(p => p.Communes.Count)} a province), "
            + $"{country.Sum(p => p.Departments.Count)} departments; {sources.Count} rules files ({sources.Sum(s => s.Content.Length) / 1024} KiB) built and loaded in {built.Elapsed.TotalSeconds:0.0} s");

        await using var azurite = await AzuriteProcess.StartAsync(root, TimeSpan.FromSeconds(60));
        var counter = new StorageRequestCounter(azurite.ConnectionString);
        var clock = new ShiftedClock();
        var outbox = Directory.CreateTempSubdirectory("genderplan-national-outbox-").FullName;
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddGenderPlanWorkflow(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
            ["GenderPlan:Email:PickupDirectory"] = outbox,
        }).Build());
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(counter, HttpPipelinePosition.PerRetry)));
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<StorageClients>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        await provider.GetRequiredService<ActiveRules>().ActivateAsync(book, sources, "benchmark", CancellationToken.None);
        using var memory = new MemorySampler();
        // Rules are activated long before a deadline: the sweep that brings every plan's results up to the new version
        // (none yet) and notes it runs then, not in the burst.
        await SweepUntilDoneAsync(provider, "activation");

        // Earlier years first, each as a burst of its own, so that the measured year finds them stored.
        var history = Stopwatch.StartNew();
        for (var year = BurstYear - years + 1; year < BurstYear; year++)
        {
            var reports = NationalCountry.Reports(country, year, book.Plans[0]);
            await UploadAsync(storage, reports, "history");
            await ProcessAsync(provider, reports, parallelism, _ => "history");
            // Swept five minutes on, as the waves are: a sweep at the reports' own instant would leave them inside the ten
            // seconds the next sweep looks back before it, and the first sweep of the burst would add them up again.
            clock.Shift += TimeSpan.FromMinutes(5);
            await SweepUntilDoneAsync(provider, "history");
            // Each year's reports were stored long before the next's: past the sweeps' look-back, as the history would be.
            clock.Shift += TimeSpan.FromHours(1);
            Console.WriteLine($"history {year}: {reports.Count} reports processed and swept ({history.Elapsed.TotalSeconds:0} s so far)");
        }

        history.Stop();

        // The measured year.
        var burst = NationalCountry.Reports(country, BurstYear, book.Plans[0]);
        var burstStart = clock.GetUtcNow();
        var emailsBefore = Directory.GetFiles(outbox, "*.eml").Length;
        var upload = Stopwatch.StartNew();
        await UploadAsync(storage, burst, "upload");
        upload.Stop();
        var lastUpload = DateTime.UtcNow;
        memory.Reset();
        // The hour's reports come in waves, in an order mixing the provinces, with a sweep (the 5-minute timer) after each:
        // each sweep adds up and republishes what its wave changed, as on the day.
        var arriving = burst.Select((report, index) => (report, index)).OrderBy(entry => Keys.Hash(entry.report.Blob), StringComparer.Ordinal).ToList();
        var outcomes = new ReportOutcome[burst.Count];
        var processing = new Stopwatch();
        var sweepClock = new Stopwatch();
        var sweeps = 0;
        foreach (var wave in arriving.Chunk((arriving.Count + waves - 1) / waves))
        {
            processing.Start();
            var done = await ProcessAsync(provider, [.. wave.Select(entry => entry.report)], parallelism, report => report.Commune ? "commune" : "department");
            processing.Stop();
            for (var at = 0; at < wave.Length; at++)
            {
                outcomes[wave[at].index] = done[at];
            }

            clock.Shift += BurstSweepEvery;
            sweepClock.Start();
            sweeps += await SweepUntilDoneAsync(provider, "sweep");
            sweepClock.Stop();
        }
        var burstPeak = memory.Peak;
        var emailFiles = Directory.GetFiles(outbox, "*.eml").Select(File.GetLastWriteTimeUtc).OrderBy(time => time).ToList();
        var burstEmails = emailFiles.Count - emailsBefore;
        var lastEmail = emailFiles.Count > 0 ? emailFiles[^1] : lastUpload;

        // One sweep with nothing to do, the clock past the sums' recent window: what every 5-minute timer costs.
        clock.Shift += DistrictSumsCatchUp.RecentWindow + TimeSpan.FromMinutes(1);
        var burstEnd = clock.GetUtcNow();
        // The first sweep after the jump still republishes the places of the last seconds before the previous sweep (its
        // margin); the one after it is the idle timer's.
        await SweepUntilDoneAsync(provider, "settling sweep");
        clock.Shift += TimeSpan.FromMinutes(5);
        var idle = Stopwatch.StartNew();
        await SweepUntilDoneAsync(provider, "idle sweep");
        idle.Stop();

        // A rules change in one province: G1.1's 2030 target lowered, published through the rules page's path, then swept.
        var intake = provider.GetRequiredService<RulesIntake>();
        var active = (await provider.GetRequiredService<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version;
        var changed = NationalCountry.WithLoweredTarget(sources, country[0].Id);
        var emailsBeforeChange = Directory.GetFiles(outbox, "*.eml").Length;
        var change = Stopwatch.StartNew();
        StorageRequestCounter.Phase = "rules change";
        var changeOutcome = await intake.ChangeAsync(changed, active, "benchmark", CancellationToken.None);
        await SweepUntilDoneAsync(provider, "rules change");
        change.Stop();
        var changeEmails = Directory.GetFiles(outbox, "*.eml").Length - emailsBeforeChange;
        StorageRequestCounter.Phase = "check";

        var alerts = await storage.AllAlertsAsync();
        // Sources name the place ("p01-x007~2026~..."), or start with what the email is about ("communes~p01~2026~...": a sum).
        var kinds = string.Join(", ", alerts.Where(alert => alert.CreatedAt >= burstStart && alert.CreatedAt < burstEnd)
            .GroupBy(alert => (alert.Kind, About: About(alert.Source.Split('~')[0])))
            .OrderByDescending(group => group.Count()).Select(group => $"{group.Key.Kind} ({group.Key.About}) {group.Count()}"));
        Console.WriteLine($"emails of the burst by kind (what they are about): {kinds}; examples of sources: "
            + string.Join(" ", alerts.Select(alert => alert.Source.Split('~')[0]).Distinct().Take(4).Select(first => alerts.First(alert => alert.Source.StartsWith(first, StringComparison.Ordinal)).Source)));
        var pending = alerts.Count(alert => alert.State != AlertState.Sent);
        var scored = outcomes.Count(outcome => outcome == ReportOutcome.Scored);
        var rejected = burst.Where((_, index) => outcomes[index] == ReportOutcome.Rejected).Take(3).ToList();
        foreach (var report in rejected)
        {
            var errors = storage.Container(StorageNames.RejectedContainer).GetBlobClient(report.Blob + ".errors.txt");
            Console.WriteLine($"rejected {report.Blob}: {(await errors.DownloadContentAsync()).Value.Content}");
        }

        var communeReports = burst.Count(report => report.Commune);
        var departmentReports = burst.Count - communeReports;
        var summary = new Summary(
            country.Count, communes, departmentReports, years, parallelism, burst.Count, scored, burstEmails, pending,
            upload.Elapsed, processing.Elapsed, sweepClock.Elapsed, sweeps, lastEmail - lastUpload, burstPeak,
            Process.GetCurrentProcess().PeakWorkingSet64, idle.Elapsed, change.Elapsed, changeOutcome.Outcome?.ToString() ?? "conflict", changeEmails,
            country[0].Communes.Count, history.Elapsed, waves);
        Print(summary, counter, communeReports);
        Directory.Delete(outbox, recursive: true);
        return scored == burst.Count && pending == 0 ? 0 : 1;
    }

    private static string About(string first) =>
        !first.StartsWith('p') ? first : first.Contains("-x", StringComparison.Ordinal) ? "commune" : "province";

    private static async Task UploadAsync(StorageClients storage, IReadOnlyList<NationalReport> reports, string phase)
    {
        var container = storage.Container(StorageNames.ReportsContainer);
        await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (report, token) =>
        {
            StorageRequestCounter.Phase = phase;
            await container.GetBlobClient(report.Blob).UploadAsync(BinaryData.FromString(report.Csv), new BlobUploadOptions(), token);
        });
    }

    private static async Task<ReportOutcome[]> ProcessAsync(IServiceProvider provider, IReadOnlyList<NationalReport> reports, int parallelism, Func<NationalReport, string> phase)
    {
        var intake = provider.GetRequiredService<IReportIntake>();
        var outcomes = new ReportOutcome[reports.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, reports.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (index, token) =>
        {
            StorageRequestCounter.Phase = phase(reports[index]);
            outcomes[index] = await intake.ProcessAsync(reports[index].Blob, token);
        });
        return outcomes;
    }

    /// <summary>Sweeps until nothing is pending (at most 20 times); returns how many sweeps ran.</summary>
    private static async Task<int> SweepUntilDoneAsync(IServiceProvider provider, string phase)
    {
        StorageRequestCounter.Phase = phase;
        var sweep = provider.GetRequiredService<Sweep>();
        for (var count = 1; ; count++)
        {
            var result = await sweep.RunAsync(CancellationToken.None);
            if (result.Pending == 0 || count == 20)
            {
                return count;
            }
        }
    }

    private sealed record Summary(
        int Provinces, int Communes, int Departments, int Years, int Parallelism, int Reports, int Scored, int Emails, int Pending,
        TimeSpan Upload, TimeSpan Processing, TimeSpan Sweep, int Sweeps, TimeSpan LastUploadToLastEmail, long BurstPeakWorkingSet,
        long ProcessPeakWorkingSet, TimeSpan IdleSweep, TimeSpan RulesChange, string RulesChangeOutcome, int RulesChangeEmails,
        int RulesChangeCommunes, TimeSpan History, int Waves);

    private static void Print(Summary s, StorageRequestCounter counter, int communeReports)
    {
        var commune = counter.Total("commune");
        var department = counter.Total("department");
        var sweep = counter.Total("sweep");
        var perCommune = commune / (double)Math.Max(1, communeReports);
        var sweepPerReport = sweep / (double)Math.Max(1, s.Reports);
        var allIn = perCommune + sweepPerReport;
        var mb = 1024.0 * 1024.0;
        var reportsPerSecond = s.Reports / (s.Processing + s.Sweep).TotalSeconds;
        string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

        Console.WriteLine();
        Console.WriteLine($"## National burst: {s.Provinces} provinces, {s.Communes} communes, {s.Departments} department reports, {s.Years} year(s) stored, {s.Parallelism} at a time");
        Console.WriteLine();
        Console.WriteLine("| | measured | goal | met |");
        Console.WriteLine("|---|---:|---:|---|");
        Console.WriteLine($"| reports in the burst (communes + departments) / scored | {s.Reports} ({communeReports} + {s.Reports - communeReports}) / {s.Scored} | all | {(s.Scored == s.Reports ? "yes" : "**no**")} |");
        Console.WriteLine($"| emails written in the burst / alerts still pending | {s.Emails} / {s.Pending} | 0 pending | {(s.Pending == 0 ? "yes" : "**no**")} |");
        Console.WriteLine($"| upload of all reports (16 at a time) | {F(s.Upload.TotalSeconds)} s | | |");
        Console.WriteLine($"| processing in {s.Waves} wave(s), {s.Parallelism} at a time / sweeps after each wave ({s.Sweeps} run(s), 5 minutes apart on the clock) | {F(s.Processing.TotalSeconds)} s / {F(s.Sweep.TotalSeconds)} s | | |");
        Console.WriteLine($"| throughput (processing + sweep) | {F(reportsPerSecond)} reports/s | | |");
        Console.WriteLine($"| last upload to last alert written | {F(s.LastUploadToLastEmail.TotalSeconds)} s | | |");
        Console.WriteLine($"| storage requests per commune report, processing (sums and alerts made inline included) | {F(perCommune)} | | |");
        Console.WriteLine($"| storage requests per department report, processing | {F(department / (double)Math.Max(1, s.Departments))} | | |");
        Console.WriteLine($"| the burst's sweeps, per report of the burst | {F(sweepPerReport)} ({sweep} in all) | | |");
        Console.WriteLine($"| **per commune report, all in (processing + its share of the sweeps)** | **{F(allIn)}** | ≤ 12 | {(allIn <= 12 ? "yes" : $"**no** ({F(allIn / 12, "0.0")}x)")} |");
        Console.WriteLine($"| peak working set during the burst (sampled) / whole process (VmHWM) | {F(s.BurstPeakWorkingSet / mb, "0")} MB / {F(s.ProcessPeakWorkingSet / mb, "0")} MB | ≤ 500 MB | {(s.ProcessPeakWorkingSet <= 500 * mb ? "yes" : "**no**")} |");
        Console.WriteLine($"| idle sweep (nothing new, clock past the 15-minute window) | {counter.Total("idle sweep")} requests, {F(s.IdleSweep.TotalSeconds, "0.00")} s | same with 1 and 5 years | compare runs |");
        Console.WriteLine($"| rules change re-scoring one province ({s.RulesChangeCommunes} communes; {s.RulesChangeOutcome}) + sweep | {F(s.RulesChange.TotalSeconds)} s, {counter.Total("rules change")} requests, {s.RulesChangeEmails} emails | | |");
        if (s.Years > 1)
        {
            Console.WriteLine($"| history loaded before the burst ({s.Years - 1} earlier year(s)) | {F(s.History.TotalSeconds, "0")} s, {counter.Total("history")} requests | | |");
        }

        foreach (var (phase, per) in new[] { ("commune", communeReports), ("department", s.Reports - communeReports), ("sweep", s.Reports), ("idle sweep", 0), ("rules change", 0), ("upload", s.Reports) })
        {
            Console.WriteLine();
            Console.WriteLine(per > 0 ? $"Storage requests, {phase} ({counter.Total(phase)} in all, per report of the burst):" : $"Storage requests, {phase} ({counter.Total(phase)} in all):");
            Console.WriteLine();
            Console.WriteLine(per > 0 ? "| target | requests | per report | methods |" : "| target | requests | methods |");
            Console.WriteLine(per > 0 ? "|---|---:|---:|---|" : "|---|---:|---|");
            foreach (var (target, requests, methods) in counter.ByTarget(phase))
            {
                Console.WriteLine(per > 0 ? $"| {target} | {requests} | {F(requests / (double)per, "0.00")} | {methods} |" : $"| {target} | {requests} | {methods} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"time inside storage requests, summed over all phases: {F(counter.Time.TotalSeconds, "0")} s");
    }

    /// <summary>The system clock moved forward on demand, to put stored reports outside the sums' recent window without waiting.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }

    /// <summary>Samples the process's working set four times a second; the largest since the last reset.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public MemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));

        public long Peak
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        public void Reset() => Interlocked.Exchange(ref _peak, 0);

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            using var process = Process.GetCurrentProcess();
            var current = process.WorkingSet64;
            long seen;
            while (current > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, seen) != seen)
            {
            }
        }
    }
}
