using System.Collections.Concurrent;
using Azure.Storage.Blobs.Models;
using GenderPlan.Workflow.Handlers;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Local;

/// <summary>What one pass of the local runner did.</summary>
/// <param name="RulesActivated">Rules uploads that became active.</param>
/// <param name="RulesRefused">Rules uploads refused.</param>
/// <param name="Scored">Reports scored.</param>
/// <param name="Rejected">Reports rejected.</param>
/// <param name="Failed">Reports given up on, or that failed this pass and will be retried.</param>
/// <param name="EmailsSent">Emails delivered during the pass (right after scoring, or by the sweep).</param>
/// <param name="EmailsPending">Emails still pending.</param>
public sealed record RunnerPass(int RulesActivated, int RulesRefused, int Scored, int Rejected, int Failed, int EmailsSent, int EmailsPending);

/// <summary>
/// The Functions host cannot run on one machine without Azure, so this runs the same handlers: it polls the
/// <c>rules</c> and <c>reports</c> containers (Azurite emits no Event Grid events), runs the alert sweep and
/// the reminder job. A blob that fails is left for the next pass, as the trigger's retry would.
/// </summary>
public sealed partial class LocalRunner
{
    private readonly StorageClients _storage;
    private readonly IRulesIntake _rules;
    private readonly IReportIntake _reports;
    private readonly AlertDispatcher _dispatcher;
    private readonly IReminderService _reminders;
    private readonly IDashboardPublisher _dashboard;
    private readonly ILogger<LocalRunner> _logger;
    private readonly ConcurrentDictionary<string, bool> _finished = new(StringComparer.Ordinal);

    /// <summary>Creates the runner.</summary>
    public LocalRunner(StorageClients storage, IRulesIntake rules, IReportIntake reports, AlertDispatcher dispatcher, IReminderService reminders, IDashboardPublisher dashboard, ILogger<LocalRunner> logger)
    {
        _storage = storage;
        _rules = rules;
        _reports = reports;
        _dispatcher = dispatcher;
        _reminders = reminders;
        _dashboard = dashboard;
        _logger = logger;
    }

    /// <summary>How many reports are processed at once.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Processes everything pending once: rules, then reports, then the outbox, the reminder job and the scorecard page.</summary>
    public async Task<RunnerPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        var deliveredBefore = _dispatcher.Delivered;
        int activated = 0, refused = 0, scored = 0, rejected = 0, failed = 0;
        foreach (var blob in await NewBlobsAsync(StorageNames.RulesContainer, cancellationToken))
        {
            switch (await _rules.ProcessAsync(blob.Name, cancellationToken))
            {
                case RulesOutcome.Activated: activated++; break;
                case RulesOutcome.Refused: refused++; break;
            }

            _finished[Seen(StorageNames.RulesContainer, blob)] = true;
        }

        var reports = await NewBlobsAsync(StorageNames.ReportsContainer, cancellationToken);
        await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (blob, token) =>
        {
            try
            {
                var outcome = await _reports.ProcessAsync(blob.Name, token);
                _ = outcome switch
                {
                    ReportOutcome.Scored => Interlocked.Increment(ref scored),
                    ReportOutcome.Rejected => Interlocked.Increment(ref rejected),
                    ReportOutcome.Failed => Interlocked.Increment(ref failed),
                    _ => 0,
                };
                _finished[Seen(StorageNames.ReportsContainer, blob)] = true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                LogWillRetry(exception, blob.Name);
            }
        });

        await _reminders.RunAsync(cancellationToken);
        var (_, pending) = await _dispatcher.SendPendingAsync(cancellationToken);
        var sent = (int)(_dispatcher.Delivered - deliveredBefore);
        if (scored > 0)
        {
            // Reports scored in parallel may each have published a page that missed the others: publish once more.
            await _dashboard.TryPublishDistrictsAsync(cancellationToken);
        }

        return new RunnerPass(activated, refused, scored, rejected, failed, sent, pending);
    }

    /// <summary>Runs a pass every <paramref name="interval"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, Action<RunnerPass>? onPass, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                onPass?.Invoke(await RunOnceAsync(cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Storage briefly unavailable: keep polling, nothing is lost.
                LogPassFailed(exception);
            }

            try
            {
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<List<BlobItem>> NewBlobsAsync(string container, CancellationToken cancellationToken)
    {
        var blobs = new List<BlobItem>();
        await foreach (var blob in _storage.Container(container).GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            if (!_finished.ContainsKey(Seen(container, blob)))
            {
                blobs.Add(blob);
            }
        }

        return blobs.OrderBy(blob => blob.Properties.LastModified).ToList();
    }

    private static string Seen(string container, BlobItem blob) => $"{container}/{blob.Name}/{blob.Properties.ETag}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {Blob} failed; it will be retried on the next pass")]
    private partial void LogWillRetry(Exception exception, string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pass of the local runner failed; retrying on the next one")]
    private partial void LogPassFailed(Exception exception);
}
