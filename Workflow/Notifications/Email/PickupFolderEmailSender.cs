using GenderPlan.Documents.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GenderPlan.Workflow.Notifications.Email;

/// <summary>
/// The local default: each email becomes a real <c>.eml</c> file (MIME, UTF-8 headers, HTML and text parts)
/// in a folder any mail program opens. The file is named after the alert id and written atomically, so an
/// alert is never written twice or half-written.
/// </summary>
public sealed partial class PickupFolderEmailSender : IEmailSender
{
    private readonly EmailOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PickupFolderEmailSender> _logger;

    /// <summary>Creates the sender.</summary>
    public PickupFolderEmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<PickupFolderEmailSender> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The folder written to.</summary>
    public string Directory => Path.GetFullPath(_options.PickupDirectory);

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var path = Path.Combine(Directory, message.Id + ".eml");
            if (File.Exists(path))
            {
                return EmailSendResult.Sent;
            }

            var temporary = Path.Combine(Directory, $".{message.Id}.{Guid.NewGuid():N}.tmp");
            await using (var stream = File.Create(temporary))
            {
                await ToMime(message).WriteToAsync(stream, cancellationToken);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }

            LogWritten(message.Id, path);
            return EmailSendResult.Sent;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return EmailSendResult.Failed($"cannot write to {Directory}: {exception.Message}");
        }
    }

    private MimeMessage ToMime(EmailMessage message)
    {
        var body = new BodyBuilder { HtmlBody = message.Html, TextBody = message.Text };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = _clock.GetUtcNow(),
            MessageId = $"{message.Id}@genderplan.local",
            Body = body.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(string.IsNullOrEmpty(_options.FromName) ? message.SenderName ?? "" : _options.FromName, _options.From));
        mime.To.AddRange(message.To.Select(address => new MailboxAddress(address.Name ?? "", address.Address)));
        mime.Cc.AddRange(message.Cc.Select(address => new MailboxAddress(address.Name ?? "", address.Address)));
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote email {AlertId} to {Path}")]
    private partial void LogWritten(string alertId, string path);
}
