using System.Collections.Concurrent;
using GenderPlan.Workflow.Application;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Hosting;

/// <summary>What one pass of the local runner did.</summary>
/// <param name="RulesActivated">Rules uploads that became active.</param>
/// <param name="RulesRefused">Rules uploads refused.</param>
/// <param name="Scored">Reports scored.</param>
/// <param name="Rejected">Reports rejected.</param>
/// <param name="Failed">Reports given up on, or that failed this pass and will be retried.</param>
/// <param name="EmailsSent">Emails delivered during the pass (right after scoring, or by the sweep).</param>
/// <param name="EmailsPending">Emails still pending.</param>
public sealed record RunnerPass(int RulesActivated, int RulesRefused, int Scored, int Rejected, int Failed, int EmailsSent, int EmailsPending)
{
    /// <summary>Whether the pass did anything worth telling.</summary>
    public bool DidWork => RulesActivated + RulesRefused + Scored + Rejected + Failed + EmailsSent > 0;
}

/// <summary>
/// The Functions host cannot run on one machine without Azure, so this runs the same handlers: it polls the
/// <c>rules</c> and <c>reports</c> containers (Azurite emits no Event Grid events) and, for a single pass
/// (<c>serve --once</c>), the reminder and province report jobs and the sweep too. A blob that fails is left for the next
/// pass, as the trigger's retry would.
/// </summary>
public sealed partial class LocalRunner
{
    private readonly StorageClients _storage;
    private readonly RuleSetStore _ruleFiles;
    private readonly ReportStore _reportFiles;
    private readonly IRulesIntake _rules;
    private readonly IReportIntake _reports;
    private readonly AlertDispatcher _dispatcher;
    private readonly IReminderService _reminders;
    private readonly IProvinceReportService _provinceReports;
    private readonly Sweep _sweep;
    private readonly ILogger<LocalRunner> _logger;
    private readonly ConcurrentDictionary<string, bool> _finished = new(StringComparer.Ordinal);
    private bool _storageReady;

    /// <summary>Creates the runner.</summary>
    public LocalRunner(
        StorageClients storage, RuleSetStore ruleFiles, ReportStore reportFiles, IRulesIntake rules, IReportIntake reports, AlertDispatcher dispatcher,
        IReminderService reminders, IProvinceReportService provinceReports, Sweep sweep, ILogger<LocalRunner> logger)
    {
        _storage = storage;
        _ruleFiles = ruleFiles;
        _reportFiles = reportFiles;
        _rules = rules;
        _reports = reports;
        _dispatcher = dispatcher;
        _reminders = reminders;
        _provinceReports = provinceReports;
        _sweep = sweep;
        _logger = logger;
    }

    /// <summary>How many reports are processed at once.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Processes everything pending once: rules, then reports, then the reminder and province report jobs, the outbox and the scorecard page.</summary>
    public async Task<RunnerPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var deliveredBefore = _dispatcher.Delivered;
        var polled = await PollAsync(cancellationToken);
        await _reminders.RunAsync(cancellationToken);
        await _provinceReports.RunAsync(cancellationToken);
        // The same sweep as the timer's, catch-ups included: reports scored in parallel may each have added up the
        // district without the others, and published a page that missed them.
        var swept = await _sweep.RunAsync(cancellationToken);
        return polled with { EmailsSent = (int)(_dispatcher.Delivered - deliveredBefore), EmailsPending = swept.Pending };
    }

    /// <summary>Processes the rules and reports uploaded since the last poll: what the blob triggers do in Azure.</summary>
    public async Task<RunnerPass> PollAsync(CancellationToken cancellationToken)
    {
        if (!_storageReady)
        {
            // Once per runner: every poll would otherwise ask for a dozen containers and tables that exist.
            await _storage.EnsureCreatedAsync(cancellationToken);
            _storageReady = true;
        }

        var deliveredBefore = _dispatcher.Delivered;
        int activated = 0, refused = 0, scored = 0, rejected = 0, failed = 0;
        foreach (var blob in New(StorageNames.RulesContainer, await _ruleFiles.ListAsync(cancellationToken)))
        {
            switch (await _rules.ProcessAsync(blob.Name, cancellationToken))
            {
                case RulesOutcome.Activated: activated++; break;
                case RulesOutcome.Refused: refused++; break;
            }

            _finished[Seen(StorageNames.RulesContainer, blob)] = true;
        }

        var reports = New(StorageNames.ReportsContainer, await _reportFiles.ListAsync(cancellationToken));
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
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                LogWillRetry(exception, blob.Name);
            }
        });

        return new RunnerPass(activated, refused, scored, rejected, failed, (int)(_dispatcher.Delivered - deliveredBefore), 0);
    }

    private List<StoredBlob> New(string container, IReadOnlyList<StoredBlob> blobs) =>
        blobs.Where(blob => !_finished.ContainsKey(Seen(container, blob))).ToList();

    private static string Seen(string container, StoredBlob blob) => $"{container}/{blob.Name}/{blob.ETag}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {Blob} failed; it will be retried on the next pass")]
    private partial void LogWillRetry(Exception exception, string blob);
}
