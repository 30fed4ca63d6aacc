using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GenderPlan.Workflow.Tests;

/// <summary>The approvals page as the coordinator uses it on a phone, in Chromium: return a report with a reason, see "Trả lại".</summary>
[Trait("Category", "Browser")]
public sealed class ApprovalPageTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Coordinator_returns_a_report_from_the_page_and_the_page_shows_it_returned()
    {
        await using var host = await UploadHost.StartAsync(Azurite, districtWorkflow: ReportApprovalTests.ApprovalPlan());
        var committee = await host.TokenForAsync("ubnd-tan-canh");
        await ReportApprovalTests.SendAsync(host, "ubnd-tan-canh", committee, "tan-canh-2020.csv", UploadHost.Sample("tan-canh-2020.csv"));
        var coordinator = await host.TokenForAsync("ldtbxh");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var errors = UploadPageTests.ConsoleErrors(page);

        var response = await page.GotoAsync($"{host.BaseUrl}/approvals?token={coordinator}");
        Assert.Equal(200, response!.Status);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        var report = page.Locator("#pending .report").First;
        await report.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(report.Locator(".outcome")).ToContainTextAsync("lý do");
        await report.Locator("textarea").FillAsync("Số liệu chưa có chữ ký của lãnh đạo UBND xã.");
        await report.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();

        var decided = page.Locator("#decided .report").First;
        await Assertions.Expect(decided.Locator(".state")).ToContainTextAsync("Trả lại", new() { Timeout = 60_000 });
        Assert.Contains("Số liệu chưa có chữ ký", await decided.InnerTextAsync(), StringComparison.Ordinal);
        var key = (await host.Services.GetRequiredService<ReportLog>().ForPeriodAsync(Period.Annual(2020), CancellationToken.None)).Single().Key;
        Assert.Equal(Core.Approval.ApprovalState.Returned, (await host.Services.GetRequiredService<ReportDecisionStore>().FindAsync("2020", key, CancellationToken.None))!.Stamp.State);

        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#pending .report").CountAsync());
        Assert.Contains("Trả lại", await page.Locator("#decided").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
