using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The district's page served live (<c>genderplan serve --http</c>, the same handler as the Azure HTTP function): it opens
/// on the departments' 2019 results although a commune has reported the first half of 2020 since, and serves any period
/// with results when asked (<c>?period=</c>).
/// </summary>
public sealed class PagePeriodHttpTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    /// <summary>The host with the district's 2019 report and Tân Cảnh's report for the first half of 2020 scored.</summary>
    private async Task<UploadHost> ReportedAsync()
    {
        var host = await UploadHost.StartAsync(Azurite);
        foreach (var (unit, sample) in new[] { ("ldtbxh", "dak-to-2019.csv"), ("ubnd-tan-canh", "tan-canh-2020-H1.csv") })
        {
            var token = await host.TokenForAsync(unit);
            using var sent = await host.PostAsync(unit, token, sample, UploadHost.Sample(sample));
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            var id = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement.GetProperty("upload").GetString()!;
            Assert.Equal("scored", (await host.WaitUntilDoneAsync(id, token)).GetProperty("status").GetString());
        }

        return host;
    }

    [Fact]
    public async Task District_page_opens_on_its_own_2019_figures_and_serves_the_communes_newer_period_when_asked()
    {
        await using var host = await ReportedAsync();

        var opened = await host.Http.GetStringAsync(new Uri("/api/page/dak-to", UriKind.Relative));
        var asked = await host.Http.GetStringAsync(new Uri("/api/page/dak-to?period=2020-H1", UriKind.Relative));
        var again = await host.Http.GetStringAsync(new Uri("/api/page/dak-to?period=2019", UriKind.Relative));

        Assert.Contains("Số liệu năm 2019", opened, StringComparison.Ordinal);
        Assert.Contains("data-indicator=\"G3.1\" data-status=\"falling-behind\"", opened, StringComparison.Ordinal);
        Assert.Contains("<option value=\"?period=2020-H1\" data-period=\"2020-H1\">", opened, StringComparison.Ordinal);
        Assert.Contains("<option value=\"?period=2019\" data-period=\"2019\" selected>", opened, StringComparison.Ordinal);
        Assert.Contains("Số liệu 6 tháng đầu năm 2020", asked, StringComparison.Ordinal);
        Assert.Matches("<tr data-commune=\"tan-canh\">.*?<td data-indicator=\"G3.1\" data-status=\"(met|on-track|falling-behind|off-track|missed)\"", asked);
        Assert.Contains("<option value=\"?period=2019\" data-period=\"2019\" selected>", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019-H3", "'2019-H3' không phải là kỳ báo cáo")]
    [InlineData("2030", "Kế hoạch đang áp dụng không có năm 2030")]
    public async Task Period_that_is_not_one_or_outside_the_plan_is_refused_saying_why(string period, string message)
    {
        await using var host = await UploadHost.StartAsync(Azurite);

        using var response = await host.Http.GetAsync(new Uri($"/api/page/dak-to?period={period}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Choosing_a_period_on_the_page_opens_that_periods_results()
    {
        await using var host = await ReportedAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{host.BaseUrl}/api/page/dak-to");
        Assert.Contains("năm 2019", await page.Locator(".as-of").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Label = "6 tháng đầu năm 2020" });

        await page.WaitForURLAsync("**/api/page/dak-to?period=2020-H1");
        Assert.Contains("6 tháng đầu năm 2020", await page.Locator(".as-of").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2020-H1", await page.Locator("#period option:checked").GetAttributeAsync("data-period"));
        Assert.Equal("off-track", await page.Locator("#commune-comparison tr[data-commune='tan-canh'] td[data-indicator='G4.1']").GetAttributeAsync("data-status"));
    }
}

/// <summary>What the upload page says when a file is wrong: the codes the unit may send, an example of a period, on a phone.</summary>
public sealed class UploadErrorTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Unknown_code_is_answered_with_only_the_codes_the_unit_may_report()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("yte");
        var file = Encoding.UTF8.GetBytes("period,jurisdiction,indicator,value\n2019,dak-to,G9.9,1\n");

        using var response = await host.PostAsync("yte", token, "yte.csv", file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.StartsWith("không có chỉ tiêu 'G9.9'; Phòng Y tế báo cáo các chỉ tiêu: G4.1, G4.2", message, StringComparison.Ordinal);
        Assert.DoesNotContain("G3.1", message, StringComparison.Ordinal);   // the education division's
        Assert.DoesNotContain("G1.2", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Errors_wrap_inside_their_box_on_a_phone_and_a_missing_period_gives_an_example()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("ldtbxh");
        var noPeriod = Encoding.UTF8.GetBytes("period,jurisdiction,indicator,value\n,dak-to,G3.1,97\n");
        var longCode = Encoding.UTF8.GetBytes("period,jurisdiction,indicator,value\n2019,dak-to,G9.9_khongphaimotmachitieunaotrongkehoach,1\n");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 } });
        await page.GotoAsync($"{host.BaseUrl}/upload?unit=ldtbxh&token={token}");
        Assert.Contains("2020-H1", await page.Locator("#howto").InnerTextAsync(), StringComparison.Ordinal);

        var first = await SendAsync(page, noPeriod);
        Assert.Contains("Ví dụ: 2019 hoặc 2020-H1", first, StringComparison.Ordinal);
        var second = await SendAsync(page, longCode);
        Assert.Contains("G9.9_khongphaimotmachitieu", second, StringComparison.Ordinal);
        Assert.Contains("Phòng Lao động", second, StringComparison.Ordinal);
        // Neither the page nor the errors' box scrolls sideways: every message wraps inside its cell.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        Assert.True(await page.EvaluateAsync<bool>("() => { const box = document.getElementById('errors').parentElement; return box.scrollWidth <= box.clientWidth; }"), "the errors' box scrolls sideways");
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('#errors td')].every(cell => cell.scrollWidth <= cell.clientWidth + 1)"), "a message runs out of its cell");
    }

    /// <summary>Sends <paramref name="file"/> from the page and returns the messages of the errors' table once it shows them.</summary>
    private static async Task<string> SendAsync(IPage page, byte[] file)
    {
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "bao-cao.csv", MimeType = "text/csv", Buffer = file });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-state", "rejected");
        await Assertions.Expect(page.Locator("#errors")).ToBeVisibleAsync();
        return string.Join("\n", await page.Locator("#errors tbody td:nth-child(4)").AllInnerTextsAsync());
    }
}
