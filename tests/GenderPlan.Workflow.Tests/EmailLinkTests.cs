using System.Net;
using System.Text.RegularExpressions;
using GenderPlan.Core.Domain;
using GenderPlan.Documents.Email;
using GenderPlan.Testing;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// A reminder reaches the unit with its own working upload link, made as the email is sent: the stored copy
/// in the outbox holds no working link, and rotating the unit's link revokes the emailed one too.
/// </summary>
public sealed partial class EmailLinkTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Reminder_sent_carries_the_units_working_link_and_the_stored_copy_holds_none()
    {
        await using var host = await UploadHost.StartAsync(Azurite);
        var rules = await host.Services.GetRequiredService<RulesIntake>().RequireActiveAsync(CancellationToken.None);
        var notifier = host.Services.GetRequiredService<Notifier>();

        var reminder = new ReportDueNotice("ubnd-tan-canh", Period.Annual(2019), new DateOnly(2019, 11, 18));
        Assert.Equal(1, await notifier.NotifyAsync(rules, "test", [reminder], CancellationToken.None));

        // Read as a mail program does: quoted-printable folds long lines wherever the port's digits put the break.
        using var message = MimeKit.MimeMessage.Load(await SentEmailAsync(host.Outbox));
        var (text, html) = (Assert.IsType<string>(message.TextBody), Assert.IsType<string>(message.HtmlBody));
        var email = text + html;
        var link = Assert.Single(LinkPattern().Matches(text).Select(match => match.Value).Distinct());
        Assert.Contains(System.Net.WebUtility.HtmlEncode(link), html, StringComparison.Ordinal);
        Assert.StartsWith($"{host.BaseUrl}/upload?unit=ubnd-tan-canh&token=", link, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailMessage.UploadLinkSlot, email, StringComparison.Ordinal);
        var stored = Assert.Single(await Azurite.Storage.AllAlertsAsync());
        Assert.Contains(EmailMessage.UploadLinkSlot, stored.Message.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", stored.Message.Html + stored.Message.Text, StringComparison.Ordinal);

        using var page = await host.Http.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("UBND xã Tân Cảnh", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await host.Services.GetRequiredService<UploadTokenStore>().RevokeAsync("ubnd-tan-canh", CancellationToken.None);
        using var revoked = await host.Http.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    // The host is running: its sweep may claim the alert before the notifier's own send does and write it a moment
    // later, or send it on its next round (30 s) if the first try could not be made.
    private static async Task<string> SentEmailAsync(string outbox)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (Directory.GetFiles(outbox, "*.eml").Length == 0 && started.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        return Assert.Single(Directory.GetFiles(outbox, "*.eml"));
    }

    // The plain-text part has the link as it is; the HTML part has it HTML-encoded.
    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/upload\?unit=[a-z-]+&token=[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
