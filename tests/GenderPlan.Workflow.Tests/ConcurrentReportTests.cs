using GenderPlan.Workflow.Application;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// Reports for the same place and period scored at the same time (the same file sent twenty times, or several
/// units' files at once) alert each status once: the once-per-status state is claimed before anything is queued.
/// </summary>
public sealed class ConcurrentReportTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Same_report_uploaded_twenty_times_at_once_sends_one_alert_per_lead(bool figuresDiffer)
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await pipeline.PublishRulesAsync();
        // The coordinator's file: G4.1 is yte's, G3.1 gddt's, both behind whichever copy is scored.
        var names = Enumerable.Range(1, 20).Select(copy => $"ldtbxh/bao-cao-2019 ({copy}).csv").ToList();
        foreach (var (name, copy) in names.Select((name, index) => (name, index)))
        {
            var births = figuresDiffer && copy % 2 == 1 ? "116/100" : "115/100";
            await pipeline.UploadReportAsync(name, Pipeline.Csv($"2019,dak-to,G4.1,{births},,,", "2019,dak-to,G3.1,90,,,"));
        }

        var outcomes = await Task.WhenAll(names.Select(name => Task.Run(() => pipeline.Reports.ProcessAsync(name, CancellationToken.None))));

        Assert.All(outcomes, outcome => Assert.Equal(ReportOutcome.Scored, outcome));
        var alerts = pipeline.EmailFiles()
            .Where(file => Path.GetFileName(file).StartsWith("alert-", StringComparison.Ordinal))
            .Select(file => MimeMessage.Load(file))
            .Select(email => string.Join(",", email.To.Mailboxes.Select(to => to.Address)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["gddt@example.org", "yte@example.org"], alerts);
        Assert.Equal(0, await pipeline.Alerts.PendingCountAsync(CancellationToken.None));
    }
}
