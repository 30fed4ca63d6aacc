using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// The follow-up link as a unit uses it, over <c>genderplan serve --http</c> and Azurite: the alert email carries the
/// unit's own link; it opens the unit's page and answers its cases only; another unit's token is refused; and the link
/// of an alert copied to other units cannot send reports.
/// </summary>
public sealed partial class FollowUpLinkTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Emailed_link_lists_the_units_cases_answers_its_own_and_is_refused_for_others()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var link = await AlertLinkAsync(host);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];

        using var page = await host.Http.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Theo dõi khắc phục – Phòng Y tế", html, StringComparison.Ordinal);
        Assert.Contains("Tỷ số giới tính khi sinh", html, StringComparison.Ordinal);

        using var list = await SendAsync(host, HttpMethod.Get, "/api/follow-ups?unit=yte", token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var cases = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var health = Assert.Single(cases.RootElement.GetProperty("followUps").EnumerateArray());
        Assert.Equal(("G4.1", "open", "yte"), (health.GetProperty("indicator").GetString(), health.GetProperty("state").GetString(), health.GetProperty("unit").GetString()));
        var id = health.GetProperty("id").GetString()!;

        var gddt = await host.TokenForAsync("gddt");
        using var other = await SendAsync(host, HttpMethod.Post, $"/api/follow-ups/{id}", gddt, new { action = "Tuyên truyền", expectedBy = "2099-03-31" });
        using var othersList = await SendAsync(host, HttpMethod.Get, "/api/follow-ups?unit=gddt", token);
        using var empty = await SendAsync(host, HttpMethod.Post, $"/api/follow-ups/{id}", token, new { action = " ", expectedBy = "2099-03-31" });
        using var past = await SendAsync(host, HttpMethod.Post, $"/api/follow-ups/{id}", token, new { action = "Tuyên truyền", expectedBy = "2020-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, othersList.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Equal("expectedBy", JsonDocument.Parse(await past.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());

        using var answered = await SendAsync(host, HttpMethod.Post, $"/api/follow-ups/{id}", token, new { action = "Truyền thông về mất cân bằng giới tính khi sinh tại 9 xã, thị trấn", expectedBy = "2099-03-31" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        using var saved = JsonDocument.Parse(await answered.Content.ReadAsStringAsync());
        Assert.Equal(("acknowledged", "2099-03-31", "yte"), (saved.RootElement.GetProperty("state").GetString(), saved.RootElement.GetProperty("expectedBy").GetString(), saved.RootElement.GetProperty("by").GetString()));

        // The alert was copied to the coordinating units: its link answers follow-ups, and sends no report.
        using var upload = await host.Http.GetAsync(new Uri($"/upload?unit=yte&token={token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
    }

    [Fact]
    public async Task Coordinators_link_lists_other_units_open_cases_and_closes_one_with_a_reason()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var link = await AlertLinkAsync(host);
        var unitToken = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var coordinator = await host.TokenForAsync("ldtbxh");
        var id = GenderPlan.Core.FollowUps.FollowUpCase.IdFor("yte", "G4.1", "dak-to", "2019");

        using var page = await host.Http.GetAsync(new Uri($"/follow-ups?unit=ldtbxh&token={coordinator}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Cảnh báo của các đơn vị chưa được giải quyết", html, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Kết thúc theo dõi", html, StringComparison.Ordinal);
        // The unit's own page offers it the answer, never the coordinator's closing.
        using var unitPage = await host.Http.GetAsync(new Uri(link));
        Assert.DoesNotContain("Kết thúc theo dõi", await unitPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var byUnit = await SendAsync(host, HttpMethod.Post, $"/api/follow-ups/{id}", unitToken, new { close = true, reason = "Đã khắc phục" });
        using var noReason = await SendAsync(host, HttpMethod.Post, $"/api/follow-ups/{id}", coordinator, new { close = true, reason = "" });
        using var closed = await SendAsync(host, HttpMethod.Post, $"/api/follow-ups/{id}", coordinator, new { close = true, reason = "Số liệu đã được đính chính bằng văn bản" });
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        using var body = JsonDocument.Parse(await closed.Content.ReadAsStringAsync());
        Assert.Equal(("resolved", "coordinator", "ldtbxh"), (body.RootElement.GetProperty("state").GetString(), body.RootElement.GetProperty("resolution").GetString(), body.RootElement.GetProperty("by").GetString()));
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Unit_acknowledges_its_alert_on_a_phone_and_the_page_shows_the_action()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var link = await AlertLinkAsync(host);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        var card = page.Locator("article.case").First;
        Assert.Contains("Tỷ số giới tính khi sinh", await card.Locator("h2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Chưa phản hồi", await card.Locator(".state-label").InnerTextAsync(), StringComparison.Ordinal);

        // Sent empty first: the page says what is missing and sends nothing.
        await card.GetByRole(AriaRole.Button, new() { Name = "Gửi phản hồi" }).ClickAsync();
        await Assertions.Expect(card.Locator(".outcome")).ToContainTextAsync("Đề nghị ghi biện pháp khắc phục");

        await card.GetByLabel("Biện pháp khắc phục đơn vị sẽ thực hiện").FillAsync("Phối hợp Trạm Y tế các xã truyền thông, tư vấn trước sinh");
        await card.GetByLabel("Ngày dự kiến có kết quả").FillAsync("2099-06-30");
        await card.GetByRole(AriaRole.Button, new() { Name = "Gửi phản hồi" }).ClickAsync();

        await Assertions.Expect(card.Locator(".outcome")).ToContainTextAsync("Đã ghi nhận phản hồi của đơn vị");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "acknowledged");
        Assert.Contains("Đã nhận, đang khắc phục", await card.Locator(".state-label").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("30/06/2099", await card.Locator(".action").InnerTextAsync(), StringComparison.Ordinal);

        // Opened again, the page shows what is stored, not what the script wrote.
        await page.ReloadAsync();
        Assert.Contains("Phối hợp Trạm Y tế các xã truyền thông", await page.Locator("article.case").First.Locator(".action-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    /// <summary>The coordinator sends the 2019 figures; the health office's alert (G4.1 off track) arrives with its follow-up link.</summary>
    private static async Task<string> AlertLinkAsync(UploadHost host)
    {
        var coordinator = await host.TokenForAsync("ldtbxh");
        var csv = "period,jurisdiction,indicator,value,numerator,denominator\n2019,dak-to,G4.1,108/100,,\n"u8.ToArray();
        using var sent = await host.PostAsync("ldtbxh", coordinator, "bao-cao-2019.csv", csv);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            foreach (var file in Directory.GetFiles(host.Outbox, "*.eml"))
            {
                using var message = MimeKit.MimeMessage.Load(file);
                if (message.To.Mailboxes.Any(to => to.Address == "yte@example.org") && LinkPattern().Match(message.TextBody ?? "") is { Success: true } found)
                {
                    Assert.Contains(System.Net.WebUtility.HtmlEncode(found.Value), message.HtmlBody, StringComparison.Ordinal);
                    return found.Value;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("no alert with a follow-up link reached the health office");
    }

    private static async Task<HttpResponseMessage> SendAsync(UploadHost host, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await host.Http.SendAsync(request);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/follow-ups\?unit=yte&token=[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
