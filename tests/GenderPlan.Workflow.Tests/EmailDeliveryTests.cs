using System.Text.Json;
using GenderPlan.Testing;
using GenderPlan.Workflow.Notifications;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMockResponse = WireMock.ResponseBuilders.Response;

namespace GenderPlan.Workflow.Tests;

/// <summary>Delivery through SendGrid's real HTTP API, answered by a WireMock.Net server.</summary>
public sealed class EmailDeliveryTests(AzuriteFixture azurite) : AzuriteTest(azurite), IDisposable
{
    private readonly WireMockServer _sendGrid = WireMockServer.Start();

    public void Dispose() => _sendGrid.Stop();

    private IRequestBuilder MailSend => Request.Create().WithPath("/v3/mail/send").UsingPost();

    [Fact]
    public async Task Alert_goes_to_SendGrid_with_the_right_recipients_and_an_api_key()
    {
        _sendGrid.Given(MailSend).RespondWith(WireMockResponse.Create().WithStatusCode(202));
        await using var pipeline = Pipeline.Create(Azurite, _sendGrid.Url);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));

        await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);

        var request = Assert.Single(_sendGrid.LogEntries).RequestMessage;
        Assert.Equal("Bearer SG.test-key", request.Headers!["Authorization"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        var personalization = body.RootElement.GetProperty("personalizations")[0];
        Assert.Equal(["yte@example.org"], personalization.GetProperty("to").EnumerateArray().Select(to => to.GetProperty("email").GetString()));
        Assert.Equal(["hlhpn@example.org", "ubnd-xa@example.org", "ldtbxh@example.org"], personalization.GetProperty("cc").EnumerateArray().Select(cc => cc.GetProperty("email").GetString()));
        Assert.Equal("V/v đề nghị rà soát, đẩy nhanh tiến độ thực hiện chỉ tiêu tỷ số giới tính khi sinh", body.RootElement.GetProperty("subject").GetString());
        Assert.Equal("Phòng Lao động - Thương binh và Xã hội", body.RootElement.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(["text/plain", "text/html"], body.RootElement.GetProperty("content").EnumerateArray().Select(part => part.GetProperty("type").GetString()));
        Assert.Equal(0, await pipeline.Alerts.PendingCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Throttled_send_is_retried_after_Retry_After_and_sent_once()
    {
        _sendGrid.Given(MailSend).InScenario("throttle").WillSetStateTo("throttled")
            .RespondWith(WireMockResponse.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _sendGrid.Given(MailSend).InScenario("throttle").WhenStateIs("throttled")
            .RespondWith(WireMockResponse.Create().WithStatusCode(202));
        await using var pipeline = Pipeline.Create(Azurite, _sendGrid.Url);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));

        var processing = pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);
        await AdvanceUntilDoneAsync(pipeline, processing);

        Assert.Equal([429, 202], _sendGrid.LogEntries.Select(entry => (int)entry.ResponseMessage.StatusCode!));
        await pipeline.Alerts.WriteSentMarksAsync(CancellationToken.None);
        var alert = Assert.Single(await pipeline.Storage.AllAlertsAsync());
        Assert.Equal(AlertState.Sent, alert.State);
    }

    [Fact]
    public async Task SendGrid_down_leaves_the_alert_pending_and_the_next_sweep_delivers_it()
    {
        _sendGrid.Given(MailSend).RespondWith(WireMockResponse.Create().WithStatusCode(503));
        await using var pipeline = Pipeline.Create(Azurite, _sendGrid.Url, settings: new() { ["GenderPlan:Email:MaxAttemptsPerSend"] = "1" });
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));

        await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);
        var pending = Assert.Single(await pipeline.Storage.AllAlertsAsync());
        Assert.Equal((AlertState.Pending, 1), (pending.State, pending.Attempts));
        Assert.Contains("SendGrid answered 503", pending.LastError, StringComparison.Ordinal);

        // A sweep before the pause is over sends nothing; one after it delivers.
        Assert.Equal((0, 1), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));
        _sendGrid.Reset();
        _sendGrid.Given(MailSend).RespondWith(WireMockResponse.Create().WithStatusCode(202));
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((1, 0), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));
        Assert.Equal((0, 0), await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None));
        Assert.Single(_sendGrid.LogEntries);
        Assert.Equal(AlertState.Sent, Assert.Single(await pipeline.Storage.AllAlertsAsync()).State);
    }

    [Fact]
    public async Task Rejected_request_stays_pending_rather_than_lost()
    {
        _sendGrid.Given(MailSend).RespondWith(WireMockResponse.Create().WithStatusCode(400).WithBody("""{"errors":[{"message":"bad"}]}"""));
        await using var pipeline = Pipeline.Create(Azurite, _sendGrid.Url);
        await pipeline.PublishRulesAsync();
        await pipeline.UploadReportAsync("yte/2019.csv", Pipeline.Csv("2019,dak-to,G4.1,108/100,,,"));

        await pipeline.Reports.ProcessAsync("yte/2019.csv", CancellationToken.None);

        Assert.Single(_sendGrid.LogEntries);
        var alert = Assert.Single(await pipeline.Storage.AllAlertsAsync());
        Assert.Equal(AlertState.Pending, alert.State);
        Assert.Contains("400", alert.LastError, StringComparison.Ordinal);
    }

    /// <summary>The sender waits on the injected clock; move it until the work finishes.</summary>
    private static async Task AdvanceUntilDoneAsync(Pipeline pipeline, Task work)
    {
        // Keep moving the fake clock however slow the machine is; give up after a minute of real time.
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!work.IsCompleted && started.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
            pipeline.Clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.True(work.IsCompleted, "the send did not finish within a minute");
        await work;
    }
}
