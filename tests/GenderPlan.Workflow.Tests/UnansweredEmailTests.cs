using GenderPlan.Testing;
using GenderPlan.Workflow.Notifications;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMockResponse = WireMock.ResponseBuilders.Response;

namespace GenderPlan.Workflow.Tests;

/// <summary>SendGrid accepts the connection and never answers: nothing hangs, nothing is lost, nothing goes twice.</summary>
[Trait("Category", "Slow")]
public sealed class UnansweredEmailTests(AzuriteFixture azurite) : AzuriteTest(azurite), IDisposable
{
    private readonly WireMockServer _sendGrid = WireMockServer.Start();

    public void Dispose() => _sendGrid.Stop();

    private static IRequestBuilder MailSend => Request.Create().WithPath("/v3/mail/send").UsingPost();

    [Fact]
    public async Task Pass_finishes_with_the_alerts_pending_and_a_later_pass_delivers_each_exactly_once()
    {
        await using var endpoint = new SwitchableEndpoint();
        // 27 November: no reminder, overdue notice or province report is due that day, so the pass sends only the report's alerts.
        await using var pipeline = Pipeline.Create(Azurite, endpoint.Url, new DateTimeOffset(2019, 11, 27, 1, 0, 0, TimeSpan.Zero), new()
        {
            ["GenderPlan:Email:AttemptTimeout"] = "00:00:01",
            ["GenderPlan:Email:TotalSendTimeout"] = "00:00:04",
            ["GenderPlan:Email:MaxAttemptsPerSend"] = "2",
            ["GenderPlan:Email:ClaimDuration"] = "01:00:00",
        });
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("ldtbxh/dak-to-2019.csv", await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", "samples", "dak-to-2019.csv")));

        var stalled = await Clock.AdvanceUntilDoneAsync(pipeline.Clock, pipeline.Runner.RunOnceAsync(CancellationToken.None));

        Assert.Equal((1, 0, 0), (stalled.Scored, stalled.Failed, stalled.EmailsSent));
        var pending = await pipeline.Storage.AllAlertsAsync();
        Assert.Equal(6, pending.Count);
        Assert.All(pending, alert => Assert.Equal(AlertState.Pending, alert.State));
        // Once the service is seen down, the rest of the batch is left untouched: one alert tried right after scoring, one by the sweep.
        Assert.Equal(2, pending.Count(alert => alert.Attempts == 1));
        Assert.All(pending.Where(alert => alert.Attempts == 1), alert => Assert.Contains("SendGrid did not answer", alert.LastError, StringComparison.Ordinal));
        // Two sends of at most two attempts each: the silence cost a bounded number of tries, not one per alert.
        Assert.InRange(endpoint.Unanswered, 2, 4);

        _sendGrid.Given(MailSend).RespondWith(WireMockResponse.Create().WithStatusCode(202));
        endpoint.ForwardTo(_sendGrid.Url!);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(10));
        // The clock stands still now: SendGrid answers at once, and a clock racing ahead would time out sends it had accepted.
        var recovered = await pipeline.Runner.RunOnceAsync(CancellationToken.None);
        var again = await pipeline.Runner.RunOnceAsync(CancellationToken.None);

        Assert.Equal((6, 0), (recovered.EmailsSent, recovered.EmailsPending));
        Assert.Equal(0, again.EmailsSent);
        var accepted = _sendGrid.LogEntries.Where(entry => entry.ResponseMessage.StatusCode is 202).Select(entry => AlertId(entry.RequestMessage.Body!)).ToList();
        Assert.Equal(6, accepted.Count);
        Assert.Equal(pending.Select(alert => alert.Message.Id).Order(), accepted.Order());
        Assert.All(await pipeline.Storage.AllAlertsAsync(), alert => Assert.Equal(AlertState.Sent, alert.State));
    }

    private static string AlertId(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty("alert_id").GetString()!;
    }
}
