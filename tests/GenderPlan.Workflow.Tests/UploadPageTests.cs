using System.Text;
using Microsoft.Playwright;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The upload page as an official uses it, in Chromium: open the unit's link, choose the Excel file, send,
/// read "đã nhận" and then each indicator's status; a bad row's message beside its row number; another
/// unit's link refused with nothing stored.
/// </summary>
[Trait("Category", "Browser")]
public sealed class UploadPageTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Units_link_opens_its_page_and_a_valid_workbook_shows_received_then_each_status_with_its_sentence()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("gddt");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var errors = ConsoleErrors(page);

        var response = await page.GotoAsync($"{host.BaseUrl}/upload?unit=gddt&token={token}");
        Assert.Equal(200, response!.Status);
        Assert.Contains("Gửi báo cáo – Phòng Giáo dục và Đào tạo", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "bao-cao-2019.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = UploadHost.SampleAsXlsx("dak-to-2019.csv", ledBy: "gddt"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("Đã nhận");
        var literacy = page.Locator("#results tr[data-indicator='G3.1']");
        await Assertions.Expect(literacy).ToHaveAttributeAsync("data-status", "falling-behind", new() { Timeout = 60_000 });
        Assert.Contains("▲ Chậm tiến độ", await literacy.Locator("td.status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("97,2", await literacy.Locator("td").Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(await literacy.Locator("td").Nth(2).InnerTextAsync()));
        Assert.Equal(["gddt/bao-cao-2019.xlsx"], await host.StoredReportsAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        Assert.Contains("Send a report – Education and Training Division", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Falling behind", await literacy.Locator("td.status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task File_with_a_bad_row_shows_that_rows_message_beside_the_row_number_and_nothing_is_stored()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var token = await host.TokenForAsync("ldtbxh");
        var bad = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(UploadHost.Sample("dak-to-2019.csv")).Replace("\"25,9\"", "hai mươi", StringComparison.Ordinal));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{host.BaseUrl}/upload?unit=ldtbxh&token={token}");
        // The coordinator's page offers every unit to send for, its own chosen first.
        Assert.Equal("ldtbxh", await page.Locator("#unit").InputValueAsync());
        Assert.Equal(1, await page.Locator("#unit option[value='yte']").CountAsync());
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "dak-to-2019.csv", MimeType = "text/csv", Buffer = bad });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        var row = page.Locator("#errors tbody tr[data-row='3']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["3", "E", "G1.1a.commune"], cells.Take(3));
        Assert.Contains("hai mươi", cells[3], StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("chưa lưu gì");
        Assert.Empty(await host.StoredReportsAsync());
    }

    [Fact]
    public async Task Another_units_link_is_refused_with_a_plain_message_and_nothing_reaches_reports()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var health = await host.TokenForAsync("yte");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        var response = await page.GotoAsync($"{host.BaseUrl}/upload?unit=gddt&token={health}");

        Assert.Equal(403, response!.Status);
        Assert.Contains("đơn vị khác", await page.Locator("#message").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#file").CountAsync());
        Assert.Empty(await host.StoredReportsAsync());
    }

    internal static List<string> ConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }
}
