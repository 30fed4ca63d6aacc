using Azure;
using Microsoft.Extensions.Hosting;

namespace GenderPlan.Workflow.Notifications;

/// <summary>
/// Writes the outbox's sent marks still due when the host stops (a scale-in, a deployment, the local host's end), so the
/// emails this process delivered are not sent again once their claims lapse.
/// </summary>
public sealed class SentMarksAtStop : IHostedService
{
    private readonly AlertOutbox _outbox;

    /// <summary>Creates the service.</summary>
    public SentMarksAtStop(AlertOutbox outbox) => _outbox = outbox;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _outbox.WriteSentMarksAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException)
        {
            // Storage gone, or the host out of time: those emails go again once their claims lapse.
        }
    }
}
