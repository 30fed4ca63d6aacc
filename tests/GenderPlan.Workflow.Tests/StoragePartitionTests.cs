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
        var log = pipeline.Get<ReportLog>();
        // "dak-to-2" and "dak-to~x" start with "dak-to": only the place itself is its reports.
        var written = new[]
        {
            Report("2019", "dak-to", "yte", 1), Report("2019", "dak-to-2", "yte", 2), Report("2019-H1", "dak-to", "gddt", 3),
            Report("2019", "dak-ha", "yte", 4), Report("2021", "dak-to", "yte", 5), Report("2019", "dak-to~x", "yte", 6), Report("2019", "dak-to", "gddt", 7),
        };
        foreach (var report in written)
        {
            await log.RecordAsync(report, CancellationToken.None);
        }

        var forPlace = await log.ForPlaceAsync("dak-to", 2016, 2020, CancellationToken.None);
        var forPeriod = await log.ForPlaceAndPeriodAsync(Period.Annual(2019), "dak-to", CancellationToken.None);

        Assert.Equal([1L, 3L, 7L], forPlace.Select(report => report.Arrival));
        Assert.Equal([1L, 7L], forPeriod.Select(report => report.Arrival));
        Assert.Equal(5, (await log.ForPeriodAsync(Period.Annual(2019), CancellationToken.None)).Count);
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
