using GenderPlan.Documents.Email;
using GenderPlan.Testing;
using GenderPlan.Workflow.Notifications;
using MimeKit;

namespace GenderPlan.Workflow.Tests;

/// <summary>
/// A message longer than a Table property (64 KB) is stored and delivered whole: its body goes to a blob beside
/// the row. Before, such a row was refused by storage on every attempt and the alert was given up.
/// </summary>
public sealed class LongMessageTests(AzuriteFixture azurite) : AzuriteTest(azurite)
{
    [Fact]
    public async Task Message_too_long_for_a_table_row_is_stored_and_delivered_whole()
    {
        await using var pipeline = Pipeline.Create(Azurite);
        await Azurite.Storage.EnsureCreatedAsync(CancellationToken.None);
        var copied = Enumerable.Range(0, 400).Select(index => new EmailAddress($"don-vi-{index:D3}-{new string('x', 60)}@example.org", $"Đơn vị {index}")).ToList();
        var html = "<p>" + string.Concat(Enumerable.Repeat("Kết quả chưa đạt chỉ tiêu. ", 4_000)) + "KẾT THÚC</p>";
        var message = new EmailMessage("long-1", [new EmailAddress("ldtbxh@example.org")], copied, "Thư dài", html, "Văn bản " + new string('a', 70_000) + " HẾT");

        var added = await pipeline.Alerts.AddAsync([message], AlertKind.Alert, "test", CancellationToken.None);
        var (sent, pending) = await pipeline.Dispatcher.SendPendingAsync(CancellationToken.None);

        Assert.Equal(["long-1"], added);
        Assert.Equal((1, 0), (sent, pending));
        var delivered = MimeMessage.Load(Assert.Single(pipeline.EmailFiles()));
        Assert.Equal(400, delivered.Cc.Mailboxes.Count());
        Assert.EndsWith("KẾT THÚC</p>", delivered.HtmlBody!.TrimEnd(), StringComparison.Ordinal);
        var stored = Assert.Single(await Azurite.Storage.AllAlertsAsync());
        Assert.Equal(html, stored.Message.Html);
    }
}
