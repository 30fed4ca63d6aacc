using System.Text.Json;
using Azure.Storage.Blobs;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Hosting;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using GenderPlan.Workflow.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace GenderPlan.Functions.Tests;

/// <summary>Each function called as the host calls it, with a Moq-built context, handing off to its handler.</summary>
public class FunctionInvocationTests
{
    private readonly CancellationTokenSource _cancellation = new();

    private FunctionContext Context()
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.CancellationToken).Returns(_cancellation.Token);
        context.SetupGet(c => c.InstanceServices).Returns(new ServiceCollection().BuildServiceProvider());
        return context.Object;
    }

    private static BlobClient Blob(string container, string name) =>
        new(new Uri($"http://127.0.0.1:10000/devstoreaccount1/{container}/{name}"));

    [Fact]
    public async Task ScoreReport_hands_the_blob_name_to_the_report_intake()
    {
        var intake = new Mock<IReportIntake>();
        intake.Setup(i => i.ProcessAsync("yte/2019.csv", _cancellation.Token)).ReturnsAsync(ReportOutcome.Scored);

        await new ScoreReportFunction(intake.Object, NullLogger<ScoreReportFunction>.Instance).RunAsync(Blob("reports", "yte/2019.csv"), "yte/2019.csv", Context());

        intake.Verify(i => i.ProcessAsync("yte/2019.csv", _cancellation.Token), Times.Once);
    }

    [Fact]
    public async Task ScoreReport_lets_a_failure_reach_the_host_so_the_trigger_retries()
    {
        var intake = new Mock<IReportIntake>();
        intake.Setup(i => i.ProcessAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new Azure.RequestFailedException(503, "storage busy"));

        var function = new ScoreReportFunction(intake.Object, NullLogger<ScoreReportFunction>.Instance);

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => function.RunAsync(Blob("reports", "yte/2019.csv"), "yte/2019.csv", Context()));
    }

    [Fact]
    public async Task AcceptRules_hands_the_blob_name_to_the_rules_intake()
    {
        var intake = new Mock<IRulesIntake>();
        intake.Setup(i => i.ProcessAsync("units.json", _cancellation.Token)).ReturnsAsync(RulesOutcome.Activated);

        await new AcceptRulesFunction(intake.Object, NullLogger<AcceptRulesFunction>.Instance).RunAsync(Blob("rules", "units.json"), "units.json", Context());

        intake.Verify(i => i.ProcessAsync("units.json", _cancellation.Token), Times.Once);
    }

    [Fact]
    public async Task Timers_run_the_sweep_the_page_refresh_and_the_reminder_job()
    {
        var dispatcher = new Mock<IAlertDispatcher>();
        dispatcher.Setup(d => d.SendPendingAsync(_cancellation.Token)).ReturnsAsync((2, 1));
        var reminders = new Mock<IReminderService>();
        reminders.Setup(r => r.RunAsync(_cancellation.Token)).ReturnsAsync(9);
        var dashboard = new Mock<IDashboardPublisher>();
        var rescoring = new Mock<ISweepCatchUp>();
        var sums = new Mock<ISweepCatchUp>();
        // The catch-ups are mocks that note no watermark, so the sweep stores none: these clients are never called.
        var unused = new StorageClients(new Azure.Storage.Blobs.BlobServiceClient("UseDevelopmentStorage=true"), new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true"));
        var sweep = new Sweep([rescoring.Object, sums.Object], dispatcher.Object, dashboard.Object, NullLogger<Sweep>.Instance, new SweepWatermarks(unused));
        var timers = new TimerFunctions(sweep, reminders.Object, NullLogger<TimerFunctions>.Instance);

        await timers.SendPendingAlertsAsync(new TimerInfo(), Context());
        await timers.DeadlineRemindersAsync(new TimerInfo(), Context());

        dispatcher.Verify(d => d.SendPendingAsync(_cancellation.Token), Times.Once);
        rescoring.Verify(r => r.CatchUpAsync(_cancellation.Token), Times.Once);
        sums.Verify(s => s.CatchUpAsync(_cancellation.Token), Times.Once);
        reminders.Verify(r => r.RunAsync(_cancellation.Token), Times.Once);
        dashboard.Verify(d => d.TryPublishDistrictsAsync(_cancellation.Token), Times.Once);
    }

    [Fact]
    public async Task The_province_report_timer_runs_the_province_report_job()
    {
        var job = new Mock<IProvinceReportService>();
        job.Setup(j => j.RunAsync(_cancellation.Token)).ReturnsAsync(1);

        await new ProvinceReportFunction(job.Object, NullLogger<ProvinceReportFunction>.Instance).RunAsync(new TimerInfo(), Context());

        job.Verify(j => j.RunAsync(_cancellation.Token), Times.Once);
    }

    [Fact]
    public async Task Scorecard_answers_200_with_the_stored_results_and_400_for_a_bad_period()
    {
        var view = new ScorecardResponse("2019", "dak-to", "Huyện Đăk Tô", "abc",
            [new ResultResponse("G3.1", Status.FallingBehind, 97.2m, 98m, 95m, 0.59, 97.7m, "gddt", [], new LocalizedText("vi", "en"), "gddt", DateTimeOffset.UnixEpoch)], []);
        var scorecards = new Mock<IScorecardQuery>();
        scorecards.Setup(s => s.GetAsync("2019", "dak-to", _cancellation.Token)).ReturnsAsync(view);
        scorecards.Setup(s => s.GetAsync("2019-H3", "dak-to", _cancellation.Token)).ReturnsAsync((ScorecardResponse?)null);
        using var provider = Services(services => services.AddSingleton(scorecards.Object));
        var http = ActivatorUtilities.CreateInstance<HttpFunctions>(provider);

        var (okStatus, okBody) = await ExecuteAsync(provider, await http.ScorecardAsync(new DefaultHttpContext().Request, "2019", "dak-to", Context()));
        var (badStatus, badBody) = await ExecuteAsync(provider, await http.ScorecardAsync(new DefaultHttpContext().Request, "2019-H3", "dak-to", Context()));
        var english = new DefaultHttpContext().Request;
        english.Headers.AcceptLanguage = "en-GB,en;q=0.9";
        var (_, badBodyInEnglish) = await ExecuteAsync(provider, await http.ScorecardAsync(english, "2019-H3", "dak-to", Context()));

        Assert.Equal(200, okStatus);
        using var json = JsonDocument.Parse(okBody);
        Assert.Equal("falling-behind", json.RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal("Huyện Đăk Tô", json.RootElement.GetProperty("jurisdictionName").GetString());
        Assert.Equal(400, badStatus);
        Assert.Contains("'2019-H3' không phải là kỳ", badBody, StringComparison.Ordinal);
        Assert.Contains("'2019-H3' is not a period", badBodyInEnglish, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HealthStatus.Healthy, 200)]
    [InlineData(HealthStatus.Unhealthy, 503)]
    public async Task Health_answers_503_when_a_check_fails(HealthStatus outcome, int status)
    {
        var health = new Mock<HealthCheckService>();
        var entries = new Dictionary<string, HealthReportEntry> { ["rules"] = new(outcome, outcome == HealthStatus.Healthy ? "version x" : "no rules version is active", TimeSpan.Zero, null, null) };
        health.Setup(h => h.CheckHealthAsync(It.IsAny<Func<HealthCheckRegistration, bool>?>(), _cancellation.Token)).ReturnsAsync(new HealthReport(entries, TimeSpan.Zero));
        using var provider = Services(services => services.AddSingleton(health.Object));

        var (answered, body) = await ExecuteAsync(provider, await ActivatorUtilities.CreateInstance<HttpFunctions>(provider).HealthAsync(new DefaultHttpContext().Request, Context()));

        Assert.Equal(status, answered);
        Assert.Contains(outcome == HealthStatus.Healthy ? "version x" : "no rules version is active", body, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Action<IServiceCollection> replace)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage"] = "UseDevelopmentStorage=true" }).Build();
        var services = new ServiceCollection().AddLogging().AddGenderPlanWorkflow(configuration);
        replace(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Runs what a function returned on a real response, as the Functions host does.</summary>
    private static async Task<(int Status, string Body)> ExecuteAsync(IServiceProvider services, IActionResult result)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext { HttpContext = http });
        return (http.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public void Functions_resolve_from_the_workflow_registration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage"] = "UseDevelopmentStorage=true" }).Build();
        var services = new ServiceCollection().AddLogging().AddGenderPlanWorkflow(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.NotNull(ActivatorUtilities.CreateInstance<ScoreReportFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<AcceptRulesFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<TimerFunctions>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<HttpFunctions>(provider));
        Assert.IsType<GenderPlan.Workflow.Notifications.Email.PickupFolderEmailSender>(provider.GetRequiredService<GenderPlan.Documents.Email.IEmailSender>());
    }

    [Fact]
    public void SendGrid_is_used_when_its_key_is_configured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = "UseDevelopmentStorage=true",
            ["GenderPlan:Email:SendGridApiKey"] = "SG.key",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddGenderPlanWorkflow(configuration).BuildServiceProvider();

        Assert.IsType<GenderPlan.Workflow.Notifications.Email.SendGridEmailSender>(provider.GetRequiredService<GenderPlan.Documents.Email.IEmailSender>());
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/sendgrid/)", true)]
    [InlineData("SG.real-key", false)]
    [InlineData(null, false)]
    public void Start_fails_when_the_Key_Vault_reference_did_not_resolve(string? key, bool fails)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GenderPlan:Email:SendGridApiKey"] = key }).Build();

        var exception = Record.Exception(() => StartupChecks.ThrowIfMisconfigured(configuration));

        Assert.Equal(fails, exception is InvalidOperationException);
    }

    [Fact]
    public void Storage_without_any_setting_fails_with_a_clear_message()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddLogging().AddGenderPlanWorkflow(configuration).BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<StorageClients>());
        Assert.Contains("Storage__blobServiceUri", exception.Message, StringComparison.Ordinal);
    }
}
