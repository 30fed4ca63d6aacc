using System.Net;
using GenderPlan.Core.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace GenderPlan.Workflow.Email;

/// <summary>
/// Sends through SendGrid's v3 API. SendGrid's own retries skip 429 and vanish when an HttpClient is passed,
/// so retrying is done here: on 429 and 5xx, after Retry-After when given (capped), else with a doubling
/// pause. Any other answer, or running out of attempts, leaves the alert pending for the next sweep.
/// </summary>
public sealed partial class SendGridEmailSender : IEmailSender
{
    private readonly SendGridClient _client;
    private readonly EmailOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<SendGridEmailSender> _logger;

    /// <summary>Creates the sender.</summary>
    public SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options, TimeProvider clock, ILogger<SendGridEmailSender> logger)
    {
        _options = options.Value;
        _clock = clock;
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
        var mail = new SendGridMessage
        {
            From = new SendGrid.Helpers.Mail.EmailAddress(_options.From, _options.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTos(message.To.Select(address => new SendGrid.Helpers.Mail.EmailAddress(address.Address, address.Name)).ToList());
        if (message.Cc.Count > 0)
        {
            mail.AddCcs(message.Cc.Select(address => new SendGrid.Helpers.Mail.EmailAddress(address.Address, address.Name)).ToList());
        }

        mail.AddCustomArg("alert_id", message.Id);
        string error = "not attempted";
        for (var attempt = 1; attempt <= _options.MaxAttemptsPerSend; attempt++)
        {
            Response response;
            try
            {
                response = await _client.SendEmailAsync(mail, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                error = $"SendGrid unreachable: {exception.Message}";
                LogSendFailed(message.Id, attempt, error);
                await PauseAsync(null, attempt, cancellationToken);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                LogSent(message.Id, (int)response.StatusCode);
                return EmailSendResult.Sent;
            }

            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            error = $"SendGrid answered {(int)response.StatusCode}: {(body.Length > 500 ? body[..500] : body)}";
            LogSendFailed(message.Id, attempt, error);
            if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
            {
                break;
            }

            if (attempt < _options.MaxAttemptsPerSend)
            {
                await PauseAsync(response.Headers?.RetryAfter, attempt, cancellationToken);
            }
        }

        return EmailSendResult.Failed(error);
    }

    private Task PauseAsync(System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter, int attempt, CancellationToken cancellationToken)
    {
        var wait = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _clock.GetUtcNow(),
            _ => TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1)),
        };
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxRetryDelay ? _options.MaxRetryDelay : wait;
        return Task.Delay(wait, _clock, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email {AlertId} through SendGrid ({Status})")]
    private partial void LogSent(string alertId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {AlertId} not accepted on attempt {Attempt}: {Error}")]
    private partial void LogSendFailed(string alertId, int attempt, string error);
}
