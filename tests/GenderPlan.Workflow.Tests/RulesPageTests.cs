using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The rules page in Chromium: the coordinator edits a target the Vietnamese way, previews which verdicts change,
/// applies; the verdict is stored and the history names the coordinator. Another unit's link reads but cannot apply.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RulesPageTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Coordinator_edits_a_target_previews_the_changed_verdict_and_applies_it()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("ldtbxh");
        using (var report = await host.PostAsync("gddt", token, "g31.csv", Encoding.UTF8.GetBytes("period,jurisdiction,indicator,value\n2019,dak-to,G3.1,\"98,5\"\n")))
        {
            await host.WaitUntilDoneAsync(System.Text.Json.JsonDocument.Parse(await report.Content.ReadAsStringAsync()).RootElement.GetProperty("upload").GetString()!, token);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{host.BaseUrl}/rules?token={token}");

        var target = page.GetByLabel("G3.1 chỉ tiêu");
        Assert.Equal("98", await target.InputValueAsync());
        await target.FillAsync("99,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();

        var change = page.Locator("#changes tr[data-indicator='G3.1']");
        await Assertions.Expect(change).ToContainTextAsync("✔ Đã đạt");
        await Assertions.Expect(change).ToContainTextAsync("▲ Chậm tiến độ");
        await Assertions.Expect(page.Locator("#diff")).ToContainTextAsync("G3.1: chỉ tiêu 98% → 99,5%");
        Assert.Equal("met", (await host.Services.GetRequiredService<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None)).Single().Status.Word());

        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("Đã áp dụng");

        Assert.Equal("falling-behind", (await host.Services.GetRequiredService<ResultStore>().LatestAsync("dak-to", "2019", CancellationToken.None)).Single().Status.Word());
        var history = await host.Services.GetRequiredService<ActiveRules>().HistoryAsync(CancellationToken.None);
        Assert.Equal("ldtbxh", history[0].Uploader);
    }

    [Fact]
    public async Task Another_units_link_reads_the_rules_but_cannot_apply_a_change()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var health = await host.TokenForAsync("yte");
        var version = (await host.Services.GetRequiredService<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{host.BaseUrl}/rules?token={health}");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/rules/apply", UriKind.Relative))
        {
            Content = new StringContent("{\"indicators\":[{\"code\":\"G3.1\",\"target\":\"50\"}]}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", health);
        using var apply = await host.Http.SendAsync(request);

        Assert.True(await page.GetByLabel("G3.1 chỉ tiêu").IsDisabledAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).CountAsync());
        Assert.Contains("chỉ xem", await page.Locator(".as-of").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, apply.StatusCode);
        Assert.Equal(version, (await host.Services.GetRequiredService<ActiveRules>().GetActiveInfoAsync(CancellationToken.None))!.Version);
    }
}
