using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Application;

/// <summary>What one sweep did.</summary>
/// <param name="Redone">Things the catch-ups redid (reports scored again, district periods added up again).</param>
/// <param name="Sent">Messages delivered.</param>
/// <param name="Pending">Messages still pending after it.</param>
public sealed record SweepResult(int Redone, int Sent, int Pending);

/// <summary>
/// The sweep, the same wherever it runs (the Functions timer every five minutes, the local host's sweep job,
/// <c>serve --once</c>): first the catch-ups in their registered order (the verdicts of a new rules version, then
/// the sums they feed), then every message not yet delivered, then the district pages, which follow the sums.
/// Every step is idempotent, so a sweep cut short is finished by the next.
/// </summary>
public sealed partial class Sweep
{
    private readonly IEnumerable<ISweepCatchUp> _catchUps;
    private readonly IAlertDispatcher _dispatcher;
    private readonly IDashboardPublisher _dashboard;
    private readonly SweepWatermarks _watermarks;
    private readonly ILogger<Sweep> _logger;

    /// <summary>Creates the sweep.</summary>
    public Sweep(IEnumerable<ISweepCatchUp> catchUps, IAlertDispatcher dispatcher, IDashboardPublisher dashboard, ILogger<Sweep> logger, SweepWatermarks watermarks)
    {
        _watermarks = watermarks;
        _catchUps = catchUps;
        _dispatcher = dispatcher;
        _dashboard = dashboard;
        _logger = logger;
    }

    /// <summary>Runs the catch-ups, delivers what is pending and republishes the district pages.</summary>
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var redone = 0;
        foreach (var catchUp in _catchUps)
        {
            redone += await catchUp.CatchUpAsync(cancellationToken);
        }

        var (sent, pending) = await _dispatcher.SendPendingAsync(cancellationToken);
        await _dashboard.TryPublishDistrictsAsync(cancellationToken);
        try
        {
            // Where this sweep got, for the next one whichever instance runs it.
            await _watermarks.SaveAsync(cancellationToken);
        }
        catch (Azure.RequestFailedException exception)
        {
            // Kept in this process for its next sweep; another instance starts from the last mark stored, reading more again.
            LogWatermarkNotSaved(exception);
        }

        if (redone + sent + pending > 0)
        {
            LogSwept(redone, sent, pending);
        }

        return new SweepResult(redone, sent, pending);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep: where it got could not be stored; the next sweep looks further back")]
    private partial void LogWatermarkNotSaved(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Redone} redone, {Sent} message(s) sent, {Pending} pending")]
    private partial void LogSwept(int redone, int sent, int pending);
}
