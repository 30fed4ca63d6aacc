using GenderPlan.Core.Domain;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;

namespace GenderPlan.Workflow.Tests;

/// <summary>"Current" is the report that arrived last, even when two arrive in the same second (the blob's time ties).</summary>
public sealed class ArrivalOrderTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    // Both orders: the report log once broke the tie by the uploads' hashes while the results kept whichever was scored last.
    [Theory]
    [InlineData("gddt/a.csv", "gddt/b.csv")]
    [InlineData("gddt/b.csv", "gddt/a.csv")]
    public async Task Of_two_uploads_in_the_same_second_the_later_arrival_is_current_in_the_scorecard_and_the_report_log_and_a_retry_of_the_earlier_does_not_overtake(
        string earlier, string later)
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportsInOneSecondAsync(earlier, Pipeline.Csv("2019,dak-to,G3.1,\"97,2\",,,"), later, Pipeline.Csv("2019,dak-to,G3.1,\"98,5\",,,"));

        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync(earlier, CancellationToken.None));
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync(later, CancellationToken.None));
        await AssertCurrentAsync(pipeline, later, 98.5m);

        await pipeline.FailLastStepAsync(earlier);
        Assert.Equal(ReportOutcome.Scored, await pipeline.Reports.ProcessAsync(earlier, CancellationToken.None));

        await AssertCurrentAsync(pipeline, later, 98.5m);
        var log = await pipeline.Get<ReportLog>().ForPeriodAsync(Period.Annual(2019), CancellationToken.None);
        Assert.Equal([earlier, later], log.Select(report => report.Blob));
        Assert.Equal(2, (await pipeline.Storage.ResultHistoryAsync("dak-to", "2019")).Select(result => result.Report).Distinct().Count());
    }

    [Fact]
    public async Task Every_upload_gets_its_own_arrival_number_even_at_once_and_a_retry_keeps_its_number()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        var names = Enumerable.Range(1, 12).Select(index => $"gddt/{index}.csv").ToList();
        foreach (var name in names)
        {
            await pipeline.UploadReportAsync(name, Pipeline.Csv("2019,dak-to,G3.1,\"97,2\",,,"));
        }

        var files = pipeline.Get<ReportStore>();
        var uploads = pipeline.Get<UploadLog>();
        var blobs = await Task.WhenAll(names.Select(name => files.FindAsync(name, CancellationToken.None)));
        var claims = await Task.WhenAll(blobs.Select(blob => uploads.BeginAsync(StorageNames.ReportsContainer, blob, CancellationToken.None)));

        Assert.All(claims, claim => Assert.True(claim.CanProceed));
        Assert.Equal(names.Count, claims.Select(claim => claim.Arrival).Distinct().Count());
        Assert.All(claims, claim => Assert.InRange(claim.Arrival, 1, names.Count));

        var first = claims[0];
        await uploads.TryEndFailedAttemptAsync(StorageNames.ReportsContainer, first.Key, "a fault");
        var retry = await uploads.BeginAsync(StorageNames.ReportsContainer, blobs[0], CancellationToken.None);
        Assert.Equal((2, first.Arrival), (retry.Attempt, retry.Arrival));

        await pipeline.UploadReportAsync(names[0], Pipeline.Csv("2019,dak-to,G3.1,\"98,5\",,,"));
        var corrected = await uploads.BeginAsync(StorageNames.ReportsContainer, await files.FindAsync(names[0], CancellationToken.None), CancellationToken.None);
        Assert.Equal(names.Count + 1, corrected.Arrival);
    }

    private static async Task AssertCurrentAsync(Pipeline pipeline, string blob, decimal value)
    {
        var current = await pipeline.Get<ReportLog>().CurrentAsync(Period.Annual(2019), "dak-to", "gddt", CancellationToken.None);
        Assert.Equal(blob, current!.Blob);
        var latest = Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        Assert.Equal((value, current.Key), (latest.Value, latest.Report));
        var scorecard = (await pipeline.Get<IScorecardQuery>().GetAsync("2019", "dak-to", CancellationToken.None))!;
        Assert.Equal(value, Assert.Single(scorecard.Results).Value);
        Assert.Equal(Path.GetFileName(blob), Path.GetFileName(scorecard.Reports[^1].File));
    }
}
