using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Storage;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

/// <summary>A report whose processing killed the process is set aside before anyone reads it again.</summary>
public sealed class PoisonReportTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Report_whose_last_attempt_died_is_set_aside_unread_and_the_sender_and_coordinator_are_told()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));
        // An attempt starts and its process dies: nothing ends it.
        var blob = await pipeline.Get<ReportStore>().FindAsync("yte/2019.csv", CancellationToken.None);
        await pipeline.Get<UploadLog>().BeginAsync(StorageNames.ReportsContainer, blob, CancellationToken.None);

        // While the mark is fresh another worker may still be on it: the trigger must come back, so this is not "done".
        await Assert.ThrowsAsync<UploadBusyException>(() => pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None));
        pipeline.Clock.Advance(UploadLog.InFlightLimit + TimeSpan.FromMinutes(1));
        var afterDeath = await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);
        var again = await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);

        Assert.Equal((ReportOutcome.Failed, ReportOutcome.AlreadyProcessed), (afterDeath, again));
        Assert.Empty(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
        var notice = MimeMessage.Load(Assert.Single(pipeline.EmailFiles()));
        Assert.Equal(["ldtbxh@example.org", "yte@example.org"], notice.To.Mailboxes.Select(to => to.Address));
        Assert.Contains("dừng đột ngột", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_that_failed_with_an_error_is_retried_not_set_aside()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));
        await pipeline.Storage.Table(StorageNames.ResultsTable).DeleteAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None));
        await pipeline.Storage.EnsureCreatedAsync(CancellationToken.None);
        var retried = await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);

        Assert.Equal(ReportOutcome.Scored, retried);
        Assert.Single(await pipeline.Get<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None));
    }
}
