using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Azure;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The sweep's cost follows the work, not the history (issue 23): with nothing new it reads a few change-log buckets and
/// no result, and builds no page, whether one year or four are stored; after a commune's report it adds up and
/// republishes that report's district only.
/// </summary>
public sealed class SweepCostTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    private static Dictionary<string, string?> OnSweep => new() { ["GenderPlan:AddUpOnSweep"] = "true" };

    [Fact]
    public async Task Commune_report_leaves_the_district_sum_to_the_sweep_which_adds_up_every_report_of_those_minutes_once()
    {
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
        await pipeline.UploadReportAsync("ubnd-tan-canh/2019.csv", Pipeline.Csv("2019,tan-canh,G4.3a,,90,100"));
        await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        await pipeline.Reports.ProcessAsync("ubnd-tan-canh/2019.csv", CancellationToken.None);
        var results = pipeline.Get<ResultStore>();
        Assert.DoesNotContain(await results.LatestAsync("dak-to", "2019", CancellationToken.None), result => result.Indicator == "G4.3a");

        await pipeline.Get<Sweep>().RunAsync(CancellationToken.None);

        var sum = Assert.Single(await results.LatestAsync("dak-to", "2019", CancellationToken.None), result => result.Indicator == "G4.3a");
        // (66 + 90) / (75 + 100): both reports in the one sum the sweep added up.
        Assert.Equal((89.1m, 2), (Math.Round(sum.Value!.Value, 1), sum.Coverage!.Reported));
    }

    [Fact]
    public async Task Sweep_with_nothing_new_reads_no_results_and_builds_no_page_whatever_the_history()
    {
        var oneYear = await IdleSweepAsync(years: 1);
        var fourYears = await IdleSweepAsync(years: 4);

        Assert.Equal(oneYear.Count, fourYears.Count);
        Assert.DoesNotContain(fourYears, request => request.Contains("/Results", StringComparison.Ordinal) || request.Contains("$web", StringComparison.Ordinal));
        Assert.Contains(fourYears, request => request.Contains("/Changes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_after_a_communes_report_adds_up_and_republishes_its_district_only()
    {
        var requests = new RequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: services => services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(requests, HttpPipelinePosition.PerCall))));
        await pipeline.PublishRulesAsync();
        var sweep = pipeline.Get<Sweep>();
        await sweep.RunAsync(CancellationToken.None);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        await sweep.RunAsync(CancellationToken.None);

        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
        await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        requests.Clear();
        await sweep.RunAsync(CancellationToken.None);

        Assert.Contains(requests.Snapshot(), request => request.Contains("/Results", StringComparison.Ordinal));
        var pages = requests.Snapshot().Where(request => request.StartsWith("PUT", StringComparison.Ordinal) && request.Contains("$web", StringComparison.Ordinal)).ToList();
        Assert.Single(pages, page => page.Contains("/index.html", StringComparison.Ordinal) || page.Contains("/dak-to.html", StringComparison.Ordinal));
        Assert.DoesNotContain(pages, page => page.Contains("xa-dak-to", StringComparison.Ordinal));
    }

    /// <summary>The requests of a sweep with nothing new, after <paramref name="years"/> years of a district's and a commune's reports.</summary>
    private async Task<IReadOnlyList<string>> IdleSweepAsync(int years)
    {
        await Azurite.ResetAsync();
        var requests = new RequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: services => services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(requests, HttpPipelinePosition.PerCall))));
        await pipeline.PublishRulesAsync();
        for (var year = 2020 - years; year < 2020; year++)
        {
            await pipeline.UploadReportAsync($"ubnd-po-ko/{year}.csv", Pipeline.Csv($"{year},po-ko,G4.3a,,66,75"));
            await pipeline.Reports.ProcessAsync($"ubnd-po-ko/{year}.csv", CancellationToken.None);
            await pipeline.UploadReportAsync($"ldtbxh/{year}.csv", Pipeline.Csv($"{year},dak-to,G3.1,\"97,2\",,,"));
            await pipeline.Reports.ProcessAsync($"ldtbxh/{year}.csv", CancellationToken.None);
        }

        var sweep = pipeline.Get<Sweep>();
        await sweep.RunAsync(CancellationToken.None);
        // Past the change log's window: the sweep after that has nothing new to do.
        pipeline.Clock.Advance(DistrictSumsCatchUp.RecentWindow + TimeSpan.FromMinutes(5));
        await sweep.RunAsync(CancellationToken.None);
        requests.Clear();
        await sweep.RunAsync(CancellationToken.None);
        return requests.Snapshot();
    }

    /// <summary>Every storage request's method and path, as the product's own clients send them.</summary>
    private sealed class RequestLog : HttpPipelinePolicy
    {
        private readonly ConcurrentQueue<string> _requests = new();

        public void Clear() => _requests.Clear();

        public IReadOnlyList<string> Snapshot() => [.. _requests];

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Record(HttpMessage message) => _requests.Enqueue($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.Path)}");
    }
}
