using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GenderPlan.Core.Rules;
using GenderPlan.Workflow.Hosting;
using GenderPlan.Workflow.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// <c>genderplan serve</c>'s host as a person meets it: rules and a report uploaded, the background jobs
/// score it, and the page, the API and the health endpoint answer over real HTTP, the page in Chromium.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LocalHostTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Host_scores_an_upload_in_the_background_and_serves_the_page_the_api_and_health()
    {
        var address = $"127.0.0.1:{FreePort()}";
        var outbox = Directory.CreateTempSubdirectory("genderplan-host-outbox-").FullName;
        await using var app = LocalHost.Build(
            new Dictionary<string, string?>
            {
                ["Storage"] = Azurite.ConnectionString,
                ["GenderPlan:Email:PickupDirectory"] = outbox,
                ["GenderPlan:Local:PollInterval"] = "00:00:00.200",
            },
            address,
            LogLevel.Warning);
        await Azurite.Storage.EnsureCreatedAsync(CancellationToken.None);
        await app.Services.GetRequiredService<RuleSetStore>().PublishAsync(RuleSource.FromDirectory(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules")), author: null, CancellationToken.None);
        await using (var sample = File.OpenRead(Path.Combine(AzuriteFixture.RepositoryRoot, "Rules", "samples", "dak-to-2019.csv")))
        {
            await app.Services.GetRequiredService<ReportStore>().UploadAsync("ldtbxh", "dak-to-2019.csv", sample, CancellationToken.None);
        }

        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{address}") };
        var scorecard = await WaitForResultsAsync(http);

        Assert.Equal("falling-behind", scorecard.RootElement.GetProperty("results").EnumerateArray().Single(result => result.GetProperty("indicator").GetString() == "G3.1").GetProperty("status").GetString());
        Assert.All(scorecard.RootElement.GetProperty("results").EnumerateArray(), result => Assert.Equal("reported", result.GetProperty("source").GetString()));
        using var health = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"rules\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badPeriod = await http.GetAsync(new Uri("/api/scorecard/2019-H3/dak-to", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GENDERPLAN_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        // The shipped rules follow two plans (the district's 2016-2020, Xã Đăk Tô's 2021-2030): the home page lists them,
        // newest first, and each opens its place's live page.
        await page.GotoAsync($"http://{address}/");
        Assert.Equal("Các kế hoạch", await page.Locator("h1 [lang='vi']").InnerTextAsync());
        var plans = page.Locator(".plan-entry h2 a [lang='vi']");
        Assert.Equal(
            ["Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 của xã Đăk Tô", "Kế hoạch hành động bình đẳng giới huyện Đăk Tô giai đoạn 2016-2020"],
            await plans.AllInnerTextsAsync());
        await plans.Nth(1).ClickAsync();
        Assert.EndsWith("/api/page/dak-to", page.Url, StringComparison.Ordinal);
        Assert.Contains("Huyện Đăk Tô", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-indicator='G3.1'][data-status='falling-behind']").CountAsync());
        // The communes compared on the district's page link to their pages too; the places' menu is one way there.
        Assert.Equal(9, await page.Locator("#commune-comparison tbody th[scope='row']").CountAsync());
        Assert.Equal(1, await page.Locator("#commune-comparison").GetByRole(AriaRole.Link, new() { Name = "Xã Tân Cảnh" }).CountAsync());
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Xã Tân Cảnh" }).ClickAsync();
        Assert.EndsWith("/api/page/tan-canh", page.Url, StringComparison.Ordinal);
        Assert.Contains("Xã Tân Cảnh", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);

        var stopping = app.StopAsync();
        Assert.Same(stopping, await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(30))));
    }

    private static async Task<JsonDocument> WaitForResultsAsync(HttpClient http)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/scorecard/2019/dak-to", UriKind.Relative)));
            if (json.RootElement.GetProperty("results").GetArrayLength() > 0)
            {
                return json;
            }

            json.Dispose();
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "the background job did not score the upload within a minute");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
