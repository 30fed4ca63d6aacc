using System.Net;
using GenderPlan.Documents.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace GenderPlan.Workflow.Notifications.Email;

/// <summary>
/// Sends through SendGrid's v3 API. Retries, <c>Retry-After</c>, jitter and timeouts are the resilience
/// pipeline's job on the <see cref="HttpClient"/> (<see cref="EmailServiceCollectionExtensions"/>); this class
/// turns whatever happens into a result, so a send never throws and the alert stays pending when it fails.
/// </summary>
public sealed partial class SendGridEmailSender : IEmailSender
{
    private readonly SendGridClient _client;
    private readonly EmailOptions _options;
    private readonly ILogger<SendGridEmailSender> _logger;

    /// <summary>Creates the sender over the resilient client named <see cref="EmailServiceCollectionExtensions.SendGridClientName"/>.</summary>
    public SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options, ILogger<SendGridEmailSender> logger)
    {
        _options = options.Value;
        _logger = logger;
        var clientOptions = new SendGridClientOptions { ApiKey = _options.SendGridApiKey };
        if (!string.IsNullOrEmpty(_options.SendGridHost))
        {
            clientOptions.Host = _options.SendGridHost;
        }

        _client = new SendGridClient(http, clientOptions);
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Response response;
        try
        {
            response = await _client.SendEmailAsync(ToSendGrid(message), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable, no answer within the timeouts, or the retries ran out: the service is down for now.
            var unreachable = $"SendGrid did not answer: {exception.GetType().Name}: {exception.Message}";
            LogNotAccepted(message.Id, unreachable);
            return EmailSendResult.Unavailable(unreachable);
        }

        if (response.IsSuccessStatusCode)
        {
            LogSent(message.Id, (int)response.StatusCode);
            return EmailSendResult.Sent;
        }

        var body = await response.Body.ReadAsStringAsync(cancellationToken);
        var error = $"SendGrid answered {(int)response.StatusCode}: {(body.Length > 500 ? body[..500] : body)}";
        LogNotAccepted(message.Id, error);
        return response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
            ? EmailSendResult.Unavailable(error)
            : EmailSendResult.Failed(error);
    }

    private SendGridMessage ToSendGrid(EmailMessage message)
    {
        var mail = new SendGridMessage
        {
            From = new SendGrid.Helpers.Mail.EmailAddress(_options.From, string.IsNullOrEmpty(_options.FromName) ? message.SenderName : _options.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTos(message.To.Select(address => new SendGrid.Helpers.Mail.EmailAddress(address.Address, address.Name)).ToList());
        if (message.Cc.Count > 0)
        {
            mail.AddCcs(message.Cc.Select(address => new SendGrid.Helpers.Mail.EmailAddress(address.Address, address.Name)).ToList());
        }

        foreach (var attachment in message.Attachments)
        {
            // SendGrid v3 takes each file base64-encoded in the request's "attachments".
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType, "attachment");
        }

        mail.AddCustomArg("alert_id", message.Id);
        return mail;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email {AlertId} through SendGrid ({Status})")]
    private partial void LogSent(string alertId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {AlertId} not accepted: {Error}")]
    private partial void LogNotAccepted(string alertId, string error);
}
