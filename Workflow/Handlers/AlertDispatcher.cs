using GenderPlan.Core.Email;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Handlers;

/// <summary>
/// Delivers stored alerts. Each is claimed before sending, so two senders (the immediate send after
/// scoring and the timer sweep) never send the same one; a failure leaves it pending for later.
/// </summary>
public sealed partial class AlertDispatcher : IAlertDispatcher
{
    private const int BatchSize = 50;
    private readonly AlertOutbox _outbox;
    private readonly IEmailSender _sender;
    private readonly ILogger<AlertDispatcher> _logger;
    private long _delivered;

    /// <summary>Creates the dispatcher.</summary>
    public AlertDispatcher(AlertOutbox outbox, IEmailSender sender, ILogger<AlertDispatcher> logger)
    {
        _outbox = outbox;
        _sender = sender;
        _logger = logger;
    }

    /// <summary>Emails delivered by this dispatcher since it was created, by the sweep or right after scoring.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <inheritdoc />
    public async Task<(int Sent, int StillPending)> SendPendingAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var batch = await _outbox.ClaimDueAsync(null, BatchSize, cancellationToken);
            var (batchSent, _) = await DeliverAsync(batch, cancellationToken);
            sent += batchSent;
            if (batch.Count < BatchSize || batchSent == 0)
            {
                break;
            }
        }

        var pending = await _outbox.PendingCountAsync(cancellationToken);
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

        var (sent, _) = await DeliverAsync(await _outbox.ClaimDueAsync(ids, ids.Count, cancellationToken), cancellationToken);
        return sent;
    }

    private async Task<(int Sent, int Failed)> DeliverAsync(IReadOnlyList<(StoredAlert Alert, Azure.ETag Claim)> batch, CancellationToken cancellationToken)
    {
        var sent = 0;
        var failed = 0;
        foreach (var (alert, claim) in batch)
        {
            var result = await _sender.SendAsync(alert.Message, cancellationToken);
            if (result.Delivered)
            {
                await _outbox.MarkSentAsync(alert.Message.Id, claim, cancellationToken);
                Interlocked.Increment(ref _delivered);
                sent++;
            }
            else
            {
                await _outbox.MarkFailedAsync(alert.Message.Id, alert.Attempts + 1, result.Error ?? "unknown", cancellationToken);
                LogStillPending(alert.Message.Id, alert.Attempts + 1, result.Error ?? "unknown");
                failed++;
            }
        }

        return (sent, failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert sweep delivered {Sent}; {Pending} still pending")]
    private partial void LogSwept(int sent, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} stays pending after attempt {Attempts}: {Error}")]
    private partial void LogStillPending(string alertId, int attempts, string error);
}
