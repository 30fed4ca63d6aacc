using GenderPlan.Documents.Email;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Notifications;

/// <summary>
/// Delivers stored alerts. Each is claimed right before it is sent, so two senders (the immediate send after
/// scoring and the timer sweep) never send the same one; a failure leaves it pending for later, and when the
/// email service is down the batch stops, leaving the rest pending and untouched.
/// </summary>
/// <remarks>
/// An alert is sent more than once only when the sender cannot know whether it went: the service timed out
/// after it may have accepted the message, or the process died between the service accepting it and the
/// outbox marking it sent. Each such case repeats one email once per attempt, and attempts are spaced by a
/// growing pause (2 minutes, doubling, at most an hour).
/// </remarks>
public sealed partial class AlertDispatcher : IAlertDispatcher
{
    private const int BatchSize = 50;
    private readonly AlertOutbox _outbox;
    private readonly IEmailSender _sender;
    private readonly EmailUploadLinks _links;
    private readonly ILogger<AlertDispatcher> _logger;
    private long _delivered;

    /// <summary>Creates the dispatcher.</summary>
    public AlertDispatcher(AlertOutbox outbox, IEmailSender sender, EmailUploadLinks links, ILogger<AlertDispatcher> logger)
    {
        _outbox = outbox;
        _sender = sender;
        _links = links;
        _logger = logger;
    }

    /// <summary>Emails delivered by this dispatcher since it was created, by the sweep or right after scoring.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <inheritdoc />
    public async Task<(int Sent, int StillPending)> SendPendingAsync(CancellationToken cancellationToken)
    {
        // The marks of what this process delivered first: the rows read below then say what is pending.
        await _outbox.WriteSentMarksAsync(cancellationToken);
        var sent = 0;
        int pending;
        while (true)
        {
            var (batch, read) = await _outbox.DueAndPendingAsync(BatchSize, cancellationToken);
            var delivery = await DeliverAsync(batch, cancellationToken);
            sent += delivery.Sent;
            // What stays pending: those read less those just sent (an alert stored meanwhile waits for the next sweep's count).
            pending = read - delivery.Sent;
            if (batch.Count < BatchSize || delivery.Sent == 0 || delivery.ServiceDown)
            {
                break;
            }
        }

        if (sent > 0 || pending > 0)
        {
            LogSwept(sent, pending);
        }

        return (sent, pending);
    }

    /// <summary>Tries the named alerts now (right after they were stored).</summary>
    public async Task<int> SendNowAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        return (await DeliverAsync(await _outbox.DueAsync(ids, ids.Count, cancellationToken), cancellationToken)).Sent;
    }

    private async Task<EmailSendResult> SendWithLinkAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await _sender.SendAsync(await _links.FillAsync(message, cancellationToken), cancellationToken);
        }
        catch (Azure.RequestFailedException exception)
        {
            // The link could not be made (storage unreachable): send nothing now; the sweep tries again.
            return new EmailSendResult(false, $"upload link not made: {exception.Message}", ServiceDown: true);
        }
    }

    private async Task<(int Sent, bool ServiceDown)> DeliverAsync(IReadOnlyList<PendingAlertEntity> due, CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var position = 0; position < due.Count; position++)
        {
            if (await _outbox.TryClaimAsync(due[position], cancellationToken) is not { } claimed)
            {
                continue;
            }

            var alert = claimed.Alert;
            var result = await SendWithLinkAsync(alert.Message, cancellationToken);
            if (result.Delivered)
            {
                if (!await _outbox.MarkSentSoonAsync(claimed, cancellationToken))
                {
                    LogClaimLost(alert.Message.Id);
                }

                Interlocked.Increment(ref _delivered);
                sent++;
                continue;
            }

            var error = result.Error ?? "unknown";
            if (!await _outbox.MarkFailedAsync(claimed, alert.Attempts + 1, error, cancellationToken))
            {
                LogClaimLost(alert.Message.Id);
            }

            LogStillPending(alert.Message.Id, alert.Attempts + 1, error);
            if (result.ServiceDown)
            {
                LogServiceDown(due.Count - position - 1);
                return (sent, true);
            }
        }

        return (sent, false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert sweep delivered {Sent}; {Pending} still pending")]
    private partial void LogSwept(int sent, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} stays pending after attempt {Attempts}: {Error}")]
    private partial void LogStillPending(string alertId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email service is down; {Remaining} more alert(s) wait for the next sweep untouched")]
    private partial void LogServiceDown(int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId}: the claim lapsed during the send, so another sender holds it now")]
    private partial void LogClaimLost(string alertId);
}

/// <summary>Delivers the outbox.</summary>
public interface IAlertDispatcher
{
    /// <summary>Tries every pending alert that is due; returns how many were delivered and how many stay pending.</summary>
    Task<(int Sent, int StillPending)> SendPendingAsync(CancellationToken cancellationToken);
}
