using System.Diagnostics;
using Azure;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Storage;
using Xunit.Abstractions;

namespace GenderPlan.Workflow.Tests;

/// <summary>How the report log and the upload log are read and written at national scale, on the real Azurite.</summary>
public sealed class StoragePartitionTests(AzuriteFixture azurite, ITestOutputHelper output) : AzuriteTest(azurite)
{
    private static ReportRecord Report(string period, string place, string unit, long arrival) =>
        new(ReportLog.KeyOf(place, unit, arrival, new string('a', 16) + arrival), period, place, unit, $"{unit}/{period}.csv", "hash",
            new DateTimeOffset(2019, 11, 20, 3, 0, 0, TimeSpan.Zero), arrival, "v1", true, 3, 1);

    [Fact]
    public async Task A_places_reports_are_read_from_its_own_key_range_and_no_other_place_of_the_country_is_returned()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        // The rules place Đăk Tô's reports of 2019 under its plan, Đăk Tô: where the log finds them.
        await pipeline.PublishRulesAsync();
        var log = pipeline.Get<ReportLog>();
        var index = pipeline.Get<PlaceReportIndex>();
        // "dak-to-2" and "dak-to~x" start with "dak-to": only the place itself is its reports.
        var written = new[]
        {
            Report("2019", "dak-to", "yte", 1), Report("2019", "dak-to-2", "yte", 2), Report("2019-H1", "dak-to", "gddt", 3),
            Report("2019", "dak-ha", "yte", 4), Report("2021", "dak-to", "yte", 5), Report("2019", "dak-to~x", "yte", 6), Report("2019", "dak-to", "gddt", 7),
        };
        foreach (var report in written)
        {
            await log.RecordAsync(report, report.Jurisdiction == "dak-ha" ? "kon-tum" : "dak-to", CancellationToken.None);
        }

        var forPlace = await index.ForPlaceAsync("dak-to", "dak-to", CancellationToken.None);
        var forPeriod = await log.ForPlaceAndPeriodAsync(Period.Annual(2019), "dak-to", CancellationToken.None);

        Assert.Equal([1L, 3L, 5L, 7L], forPlace.Select(report => report.Arrival));
        Assert.Equal(written[0], forPlace[0]);
        Assert.Equal([1L, 7L], forPeriod.Select(report => report.Arrival));
        // Every report of the period, under every plan's place; and under one plan's place, the re-scoring's read.
        Assert.Equal([1L, 2L, 4L, 6L, 7L], (await log.ForPeriodAsync(Period.Annual(2019), CancellationToken.None)).Select(report => report.Arrival));
        Assert.Equal([1L, 2L, 6L, 7L], (await log.ForPlanAndPeriodAsync("dak-to", Period.Annual(2019), CancellationToken.None)).Select(report => report.Arrival));
        Assert.Equal(7L, (await log.CurrentAsync(Period.Annual(2019), "dak-to", "gddt", CancellationToken.None))?.Arrival);
        Assert.Equal(written[3], await log.FindAsync(written[3].Key, CancellationToken.None));
        // One write per report, to the index alone: the log by period is no longer written.
        var former = pipeline.Storage.Table(StorageNames.ReportsTable);
        await former.CreateIfNotExistsAsync();
        Assert.Empty(former.Query<Azure.Data.Tables.TableEntity>());
        Assert.Equal([1L, 2L, 3L, 5L, 6L, 7L], (await index.ForPlanAsync("dak-to", CancellationToken.None)).Select(report => report.Arrival));
        Assert.Equal([4L], (await index.ForPlanAsync("kon-tum", CancellationToken.None)).Select(report => report.Arrival));
    }

    [Fact]
    public async Task Reports_logged_before_the_index_existed_are_copied_into_it_once_under_their_plans_place()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var log = pipeline.Get<ReportLog>();
        // As rows of a deployment older than the index: in the log by period, not in the index.
        var older = Enumerable.Range(1, 130).Select(arrival => Report(arrival % 2 == 0 ? "2019" : "2019-H1", $"xa-{arrival % 7}", "ubnd", arrival)).ToList();
        var former = pipeline.Storage.Table(StorageNames.ReportsTable);
        await former.CreateIfNotExistsAsync();
        foreach (var report in older)
        {
            await former.AddEntityAsync(ReportEntity.From(report));
        }

        var index = pipeline.Get<PlaceReportIndex>();
        Assert.Empty(await index.ForPlanAsync("dak-to", CancellationToken.None));

        var asked = 0;
        await index.EnsureBuiltAsync(log, record => { asked++; return record.Jurisdiction == "xa-0" ? null : "dak-to"; }, CancellationToken.None);
        await index.EnsureBuiltAsync(log, _ => throw new InvalidOperationException("copied twice"), CancellationToken.None);

        Assert.Equal(130, asked);
        var copied = await index.ForPlanAsync("dak-to", CancellationToken.None);
        Assert.Equal(older.Where(report => report.Jurisdiction != "xa-0").Select(report => report.Arrival), copied.Select(report => report.Arrival));
        Assert.Equal(older.Where(report => report.Jurisdiction == "xa-3"), await index.ForPlaceAsync("dak-to", "xa-3", CancellationToken.None));
    }

    [Fact]
    public async Task The_largest_provinces_figures_are_stored_in_parts_and_read_back_whole_and_a_row_over_an_entity_is_refused()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var figures = pipeline.Get<CommuneFigures>();
        var province = (
            from commune in Enumerable.Range(1, 170)
            from indicator in Enumerable.Range(1, 12)
            select new ComparedFigure($"p08-x{commune:D3}", $"G{indicator}.1a", Status.FallingBehind, 97.25m + indicator, 9_725 + commune, 10_000, 1_000_000 + (commune * 12) + indicator)).ToList();

        Assert.True(await figures.SaveAsync("p08", Period.Annual(2026), province, basis: 42, readWholeAt: pipeline.Clock.GetUtcNow(), replacing: null, CancellationToken.None));
        var stored = await figures.FindAsync("p08", Period.Annual(2026), CancellationToken.None);

        Assert.Equal(province, stored!.Figures);
        Assert.Equal((42L, pipeline.Clock.GetUtcNow()), (stored.Basis, stored.ReadWholeAt));
        Assert.Equal(new Core.Reports.Counts(9_726, 10_000), stored.Figures[0].Counts);
        // Adding again over the row is refused, replacing it on the ETag read is not, and an older ETag is refused.
        Assert.False(await figures.SaveAsync("p08", Period.Annual(2026), province, 43, pipeline.Clock.GetUtcNow(), replacing: null, CancellationToken.None));
        Assert.True(await figures.SaveAsync("p08", Period.Annual(2026), province[..10], 43, pipeline.Clock.GetUtcNow(), stored, CancellationToken.None));
        Assert.False(await figures.SaveAsync("p08", Period.Annual(2026), province, 44, pipeline.Clock.GetUtcNow(), stored, CancellationToken.None));
        var tooMany = Enumerable.Range(1, 8_000).Select(index => new ComparedFigure(new string('x', 60) + index, "G1.1", Status.Met, index)).ToList();
        await Assert.ThrowsAsync<InvalidOperationException>(() => figures.SaveAsync("p08", Period.Annual(2025), tooMany, 1, pipeline.Clock.GetUtcNow(), replacing: null, CancellationToken.None));
    }

    [Fact]
    public async Task Two_processes_claiming_in_turn_get_every_arrival_number_once_though_each_remembers_the_counter()
    {
        await using var first = Pipeline.Create(Azurite);
        await using var second = Pipeline.Create(Azurite);
        var logs = new[] { first.Get<UploadLog>(), second.Get<UploadLog>() };
        var claims = new List<long>();
        for (var index = 1; index <= 40; index++)
        {
            // In turn, and now and then twice running on the same one: each claim by the other process outdates the counter remembered.
            var log = logs[(index / 3) % 2];
            var blob = new StoredBlob($"ubnd-{index:D4}/2019.csv", new ETag($"\"0x{index:X8}\""), 100, first.Clock.GetUtcNow(), new Dictionary<string, string>());
            claims.Add((await log.BeginAsync(StorageNames.ReportsContainer, blob, CancellationToken.None)).Arrival);
        }

        Assert.Equal(Enumerable.Range(1, 40).Select(number => (long)number), claims);
    }

    [Fact]
    public async Task A_burst_of_uploads_claimed_sixteen_at_a_time_gets_every_arrival_number_once_from_the_one_counter()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var uploads = pipeline.Get<UploadLog>();
        const int count = 320;
        var blobs = Enumerable.Range(1, count)
            .Select(index => new StoredBlob($"ubnd-{index:D4}/2019.csv", new ETag($"\"0x{index:X8}\""), 100, pipeline.Clock.GetUtcNow(), new Dictionary<string, string>()))
            .ToList();

        var watch = Stopwatch.StartNew();
        var claims = new List<UploadAttempt>();
        foreach (var wave in blobs.Chunk(16))
        {
            claims.AddRange(await Task.WhenAll(wave.Select(blob => uploads.BeginAsync(StorageNames.ReportsContainer, blob, CancellationToken.None))));
        }

        watch.Stop();
        output.WriteLine($"{count} claims, 16 at a time: {watch.Elapsed.TotalSeconds:F1} s, {count / watch.Elapsed.TotalSeconds:F0} claims/s");
        Assert.Equal(Enumerable.Range(1, count).Select(number => (long)number), claims.Select(claim => claim.Arrival).Order());
    }
}
