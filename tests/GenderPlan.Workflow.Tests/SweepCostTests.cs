using GenderPlan.Core.Domain;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;

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
        // The follow-up clock went through the cases on the day's first sweep: not again the same day.
        Assert.DoesNotContain(fourYears, request => request.Contains("/FollowUps", StringComparison.Ordinal));
        Assert.Contains(fourYears, request => request.Contains("/Changes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_after_a_communes_report_adds_up_and_republishes_its_district_only()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: requests.AddTo);
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

    [Fact]
    public async Task Sweep_adds_up_a_report_once_and_the_next_sweep_with_nothing_new_reads_no_result()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        var sweep = pipeline.Get<Sweep>();
        await sweep.RunAsync(CancellationToken.None);
        // Past the minutes after an activation in which the re-scoring reads the reports that came in.
        pipeline.Clock.Advance(DistrictSumsCatchUp.RecentWindow);
        await sweep.RunAsync(CancellationToken.None);
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
        await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        await sweep.RunAsync(CancellationToken.None);
        Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None), result => result.Indicator == "G4.3a");

        // Five minutes on, still inside the window a first sweep looks back over: this process added that report up already.
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        requests.Clear();
        await sweep.RunAsync(CancellationToken.None);

        Assert.DoesNotContain(requests.Snapshot(), request => request.Contains("/Results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_reads_again_only_the_communes_that_reported_since_the_last_one_and_adds_up_the_same_sum()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        var sweep = pipeline.Get<Sweep>();
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
        await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        await pipeline.UploadReportAsync("ubnd-tan-canh/2019.csv", Pipeline.Csv("2019,tan-canh,G4.3a,,90,100"));
        await pipeline.Reports.ProcessAsync("ubnd-tan-canh/2019.csv", CancellationToken.None);
        // A minute on, past the ten seconds the next sweep looks back before this one.
        pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        await sweep.RunAsync(CancellationToken.None);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        await pipeline.UploadReportAsync("ubnd-dak-ro-nga/2019.csv", Pipeline.Csv("2019,dak-ro-nga,G4.3a,,30,50"));
        await pipeline.Reports.ProcessAsync("ubnd-dak-ro-nga/2019.csv", CancellationToken.None);
        Assert.False((await pipeline.Storage.Container(StorageNames.WebsiteContainer).GetBlobClient("dak-ro-nga.html").ExistsAsync()).Value);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));

        requests.Clear();
        await sweep.RunAsync(CancellationToken.None);

        var sum = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None), result => result.Indicator == "G4.3a");
        // (66 + 90 + 30) / (75 + 100 + 50), two of the three figures taken from what the first sweep stored.
        Assert.Equal((82.7m, 3), (Math.Round(sum.Value!.Value, 1), sum.Coverage!.Reported));
        var results = requests.Snapshot().Where(request => request.Contains("/Results", StringComparison.Ordinal)).ToList();
        // Đăk Rơ Nga's results are read once, every period in one range, both to add it up and for its page, which the
        // sweep publishes: the report itself published none.
        Assert.Single(results, request => request.Contains("'dak-ro-nga~", StringComparison.Ordinal));
        Assert.DoesNotContain(results, request => request.Contains("po-ko~", StringComparison.Ordinal) || request.Contains("tan-canh~", StringComparison.Ordinal));
        var page = (await pipeline.Storage.Container(StorageNames.WebsiteContainer).GetBlobClient("dak-ro-nga.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("data-indicator=\"G4.3a\"", page, StringComparison.Ordinal);
        Assert.Single(requests.Snapshot(), request => request.StartsWith("PUT ", StringComparison.Ordinal) && request.Contains("/dak-ro-nga", StringComparison.Ordinal));
        // The plan's reports: one read for the district's page and the pages of every commune the sweep publishes.
        Assert.Equal(1, requests.Snapshot().Count(request => request.Contains("/ReportsByPlan", StringComparison.Ordinal)));
        // The communes' stored figures: one read for the roll-up, which the district's page then compares from, as stored.
        Assert.Equal(1, requests.Snapshot().Count(request => request.StartsWith("GET ", StringComparison.Ordinal) && request.Contains("/CommuneFigures", StringComparison.Ordinal)));
        // The period's returns: one read for the sweep, however many plans it adds up.
        Assert.Equal(1, requests.Snapshot().Count(request => request.Contains("/ReportDecisions", StringComparison.Ordinal) && request.Contains("returned", StringComparison.Ordinal)));
        var whole = await pipeline.Get<DistrictRollUp>().RecomputeAsync(
            (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!, (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!.Plans[0], Period.Annual(2019),
            pipeline.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Empty(whole);
        Assert.Equal(sum.Value, Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None), result => result.Indicator == "G4.3a").Value);
    }

    [Fact]
    public async Task Sweep_reads_every_commune_again_once_the_stored_figures_were_read_whole_six_hours_ago()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        var sweep = pipeline.Get<Sweep>();
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
        await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        await sweep.RunAsync(CancellationToken.None);
        for (var hours = 0; hours < 6; hours++)
        {
            pipeline.Clock.Advance(TimeSpan.FromHours(1));
            await sweep.RunAsync(CancellationToken.None);
        }

        await pipeline.UploadReportAsync("ubnd-dak-ro-nga/2019.csv", Pipeline.Csv("2019,dak-ro-nga,G4.3a,,30,50"));
        await pipeline.Reports.ProcessAsync("ubnd-dak-ro-nga/2019.csv", CancellationToken.None);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        requests.Clear();
        await sweep.RunAsync(CancellationToken.None);

        Assert.Contains(requests.Snapshot(), request => request.Contains("/Results", StringComparison.Ordinal) && request.Contains("'po-ko~2019'", StringComparison.Ordinal));
        var sum = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None), result => result.Indicator == "G4.3a");
        Assert.Equal(2, sum.Coverage!.Reported);
    }

    [Fact]
    public async Task New_instance_sweeping_an_hour_after_the_last_sweep_adds_up_and_publishes_what_was_reported_since()
    {
        await using (var first = Pipeline.Create(Azurite, settings: OnSweep))
        {
            await first.PublishRulesAsync();
            await first.Get<Sweep>().RunAsync(CancellationToken.None);
            first.Clock.Advance(TimeSpan.FromMinutes(1));
            await first.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
            await first.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        }

        // No sweep for an hour (an outage, or the app asleep), then a new instance's first: past the 15 minutes a first
        // sweep looked back, it starts where the last sweep stored it got.
        await using var pipeline = Pipeline.Create(Azurite, now: new DateTimeOffset(2019, 11, 20, 4, 0, 0, TimeSpan.Zero), settings: OnSweep);
        await pipeline.Get<Sweep>().RunAsync(CancellationToken.None);

        var sum = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None), result => result.Indicator == "G4.3a");
        Assert.Equal((88.0m, 1), (Math.Round(sum.Value!.Value, 1), sum.Coverage!.Reported));
        var page = (await pipeline.Storage.Container(StorageNames.WebsiteContainer).GetBlobClient("po-ko.html").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("data-indicator=\"G4.3a\"", page, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2019, 11, 20, 4, 0, 0, TimeSpan.Zero), await Pipeline.Create(Azurite, settings: OnSweep).Get<SweepWatermarks>().GetAsync("sums", CancellationToken.None));
    }

    [Fact]
    public async Task Roll_up_reads_only_the_communes_that_reported_when_it_is_the_first_of_the_period()
    {
        await using (var first = Pipeline.Create(Azurite, settings: OnSweep))
        {
            await first.PublishRulesAsync();
            // Reported to another process, whose sweep added it up a minute later and stored how far it got.
            await first.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
            await first.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
            first.Clock.Advance(TimeSpan.FromMinutes(1));
            await first.Get<Sweep>().RunAsync(CancellationToken.None);
        }

        // Over six hours on, the figures stored then are too old to stand in: the district is read whole again, and Pô Kô,
        // which reported before the last sweep, is not among the places that changed since.
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, now: new DateTimeOffset(2019, 11, 20, 9, 30, 0, TimeSpan.Zero), settings: OnSweep, configure: requests.AddTo);
        await pipeline.UploadReportAsync("ubnd-tan-canh/2019.csv", Pipeline.Csv("2019,tan-canh,G4.3a,,90,100"));
        await pipeline.Reports.ProcessAsync("ubnd-tan-canh/2019.csv", CancellationToken.None);
        Assert.True(pipeline.Clock.GetUtcNow() - (await pipeline.Get<CommuneFigures>().FindAsync("dak-to", Period.Annual(2019), CancellationToken.None))!.ReadWholeAt > DistrictRollUp.ReadWholeEvery);
        var communes = (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!.Plans[0].Communes.Select(place => place.Id).ToList();
        requests.Clear();

        await pipeline.Get<Sweep>().RunAsync(CancellationToken.None);

        var results = requests.Snapshot().Where(request => request.StartsWith("GET", StringComparison.Ordinal) && request.Contains("/Results()", StringComparison.Ordinal)).ToList();
        // Two of the district's nine communes reported: their results are read, Po Kô's once, and no other commune's.
        Assert.Equal(9, communes.Count);
        Assert.Equal(
            ["po-ko", "tan-canh"],
            communes.Where(place => results.Any(request => request.Contains($"'{place}~", StringComparison.Ordinal))).Order());
        Assert.Single(results, request => request.Contains("eq 'po-ko~2019'", StringComparison.Ordinal));
        // Learned from the district's report index: its rows of the period only, their place only.
        Assert.Contains(requests.Snapshot(), request => request.StartsWith("GET", StringComparison.Ordinal) && request.Contains("/ReportsByPlan()", StringComparison.Ordinal)
            && request.Contains("$select=Jurisdiction", StringComparison.Ordinal) && request.Contains("PartitionKey eq 'dak-to' and Period eq '2019'", StringComparison.Ordinal));
        // Po Kô's report counts though this process never saw it come in: (66 + 90) / (75 + 100).
        var sum = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None), result => result.Indicator == "G4.3a");
        Assert.Equal((89.1m, 2), (Math.Round(sum.Value!.Value, 1), sum.Coverage!.Reported));
    }

    [Fact]
    public async Task First_sweep_of_a_new_process_reads_no_result_when_another_brought_every_plan_up_to_date()
    {
        await using (var first = Pipeline.Create(Azurite, settings: OnSweep))
        {
            await first.PublishRulesAsync();
            await first.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
            await first.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
            await first.Get<Sweep>().RunAsync(CancellationToken.None);
        }

        var requests = new StorageRequestLog();
        // A cold instance, an hour on: nothing new, and the page's daily republish and the change log's window behind it.
        await using var started = Pipeline.Create(
            Azurite, now: new DateTimeOffset(2019, 11, 20, 4, 0, 0, TimeSpan.Zero), settings: OnSweep,
            configure: requests.AddTo);
        var rescoring = started.Get<IEnumerable<ISweepCatchUp>>().OfType<RulesRescoring>().Single();

        Assert.Equal(0, await rescoring.CatchUpAsync(CancellationToken.None));

        Assert.DoesNotContain(requests.Snapshot(), request => request.Contains("/Results", StringComparison.Ordinal));
        Assert.Contains(requests.Snapshot(), request => request.Contains("/RulesVersions", StringComparison.Ordinal) && request.Contains("rescored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commune_page_reads_the_cases_of_its_committee_only_not_every_units()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        foreach (var commune in new[] { "po-ko", "tan-canh" })
        {
            await pipeline.UploadReportAsync($"ubnd-{commune}/2019.csv", Pipeline.Csv($"2019,{commune},G4.3a,,30,75,", $"2019,{commune},G4.1,,60,49,"));
            await pipeline.Reports.ProcessAsync($"ubnd-{commune}/2019.csv", CancellationToken.None);
        }

        requests.Clear();
        var input = (await pipeline.Get<DashboardPublisher>().BuildAsync("po-ko", PageLinks.Published, CancellationToken.None))!;

        Assert.Equal(["G4.1", "G4.3a"], input.FollowUps!.Select(found => found.Indicator).Order());
        Assert.All(input.FollowUps!, found => Assert.Equal("po-ko", found.Place));
        var reads = requests.Snapshot().Where(request => request.Contains("/FollowUps", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["PartitionKey eq 'ubnd-po-ko'"],
            reads.Select(request => System.Text.RegularExpressions.Regex.Match(request, "PartitionKey eq '[^']*'").Value));

        // The scorecard API (serve --http, the Functions) reads them the same way.
        requests.Clear();
        var scorecard = await pipeline.Get<GenderPlan.Workflow.Web.IScorecardQuery>().GetAsync("2019", "po-ko", CancellationToken.None);
        Assert.Equal(2, scorecard!.Results.Sum(result => result.FollowUps!.Count));
        Assert.Equal(
            ["PartitionKey eq 'ubnd-po-ko'"],
            requests.Snapshot().Where(request => request.Contains("/FollowUps", StringComparison.Ordinal))
                .Select(request => System.Text.RegularExpressions.Regex.Match(request, "PartitionKey eq '[^']*'").Value));
    }

    [Fact]
    public async Task District_page_compares_its_communes_from_the_stored_figures_without_reading_a_communes_results()
    {
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: requests.AddTo);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
        await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        await pipeline.UploadReportAsync("ubnd-tan-canh/2019.csv", Pipeline.Csv("2019,tan-canh,G4.3a,,90,100"));
        await pipeline.Reports.ProcessAsync("ubnd-tan-canh/2019.csv", CancellationToken.None);
        await pipeline.Get<Sweep>().RunAsync(CancellationToken.None);
        var publisher = pipeline.Get<DashboardPublisher>();
        var readEachCommune = await publisher.BuildAsync(
            (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!, (await pipeline.Get<ActiveRules>().GetAsync(CancellationToken.None))!.Plans[0], "dak-to", PageLinks.Published, CancellationToken.None, explained: true);

        requests.Clear();
        var input = (await publisher.BuildAsync("dak-to", PageLinks.Published, CancellationToken.None))!;

        var resultReads = requests.Snapshot().Where(request => request.Contains("/Results", StringComparison.Ordinal)).ToList();
        Assert.Single(resultReads);
        Assert.Contains("dak-to~", resultReads[0], StringComparison.Ordinal);
        Assert.Equal(Compared(readEachCommune), Compared(input));
        Assert.Equal(2, Compared(input).Count);
    }

    [Fact]
    public async Task District_page_of_periods_reported_before_the_figures_were_stored_reads_each_commune_once_and_stores_them()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ubnd-po-ko/2019.csv", Pipeline.Csv("2019,po-ko,G4.3a,,66,75"));
        await pipeline.Reports.ProcessAsync("ubnd-po-ko/2019.csv", CancellationToken.None);
        var figures = pipeline.Get<CommuneFigures>();
        var stored = await figures.ForPlanAsync("dak-to", CancellationToken.None);
        var compared = Assert.Single(stored[Period.Annual(2019)]);
        Assert.Equal(("po-ko", "G4.3a"), (compared.Place, compared.Indicator));
        // As a deployment older than the stored figures: the results are there, the figures are not.
        await pipeline.Storage.Table(StorageNames.CommuneFiguresTable).DeleteEntityAsync("dak-to", "2019");

        var input = (await pipeline.Get<DashboardPublisher>().BuildAsync("dak-to", PageLinks.Published, CancellationToken.None))!;

        Assert.Equal([("po-ko", "G4.3a", compared.Status)], Compared(input));
        var filledIn = Assert.Single((await figures.ForPlanAsync("dak-to", CancellationToken.None))[Period.Annual(2019)]);
        Assert.Equal((compared.Place, compared.Indicator, compared.Status, compared.Value), (filledIn.Place, filledIn.Indicator, filledIn.Status, filledIn.Value));
    }

    private static List<(string Place, string Indicator, Status Status)> Compared(DashboardInput input) =>
        [.. input.CommuneResults!.SelectMany(place => place.Value.Where(result => result.Period == Period.Annual(2019)).Select(result => (place.Key, result.Indicator, result.Status))).Order()];

    /// <summary>The requests of a sweep with nothing new, after <paramref name="years"/> years of a district's and a commune's reports.</summary>
    private async Task<IReadOnlyList<string>> IdleSweepAsync(int years)
    {
        await Azurite.ResetAsync();
        var requests = new StorageRequestLog();
        await using var pipeline = Pipeline.Create(Azurite, settings: OnSweep, configure: requests.AddTo);
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
}
