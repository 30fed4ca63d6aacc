using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Accepts rules uploaded to the <c>rules</c> container. The whole set of rules files in the container is
/// validated together; only a valid set becomes the active version. An invalid upload is refused, the
/// active version keeps scoring, and the coordinator (and the uploader, where known) gets every problem.
/// </summary>
public sealed partial class RulesIntake : IRulesIntake
{
    private readonly RuleSetStore _files;
    private readonly RulesLock _lock;
    private readonly ActiveRules _activeRules;
    private readonly UploadLog _uploads;
    private readonly Notifier _notifier;
    private readonly RulesPreviewer _previewer;
    private readonly RulesRescoring _rescoring;
    private readonly ILogger<RulesIntake> _logger;

    /// <summary>Creates the handler.</summary>
    public RulesIntake(
        RuleSetStore files, RulesLock rulesLock, ActiveRules activeRules, UploadLog uploads, Notifier notifier, RulesPreviewer previewer, RulesRescoring rescoring,
        ILogger<RulesIntake> logger)
    {
        _lock = rulesLock;
        _previewer = previewer;
        _rescoring = rescoring;
        _files = files;
        _activeRules = activeRules;
        _uploads = uploads;
        _notifier = notifier;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<RulesOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        if (!RuleSetStore.IsRulesFile(blobName))
        {
            LogIgnored(blobName);
            return RulesOutcome.Ignored;
        }

        var attempt = await _uploads.BeginAsync(StorageNames.RulesContainer, await _files.FindAsync(blobName, cancellationToken), cancellationToken);
        if (attempt.Busy)
        {
            throw new UploadBusyException(blobName);
        }

        if (!attempt.CanProceed)
        {
            return RulesOutcome.Ignored;
        }

        var key = attempt.Key;
        attempt.Blob!.Metadata.TryGetValue("uploader", out var uploader);
        RulesOutcome outcome;
        IReadOnlyList<Problem> problems;
        try
        {
            (outcome, problems) = await ApplyContainerAsync(uploader, cancellationToken);
        }
        catch (Exception exception)
        {
            // Ended with an error (storage away): the next trigger retries at once.
            await _uploads.TryEndFailedAttemptAsync(StorageNames.RulesContainer, key, exception.Message);
            throw;
        }

        if (outcome == RulesOutcome.Refused)
        {
            await RefuseAsync(key, blobName, uploader, problems, cancellationToken);
            await _uploads.FinishAsync(StorageNames.RulesContainer, attempt, UploadOutcome.Rejected(problems), cancellationToken);
        }
        else
        {
            await _uploads.FinishAsync(StorageNames.RulesContainer, attempt, UploadOutcome.RulesTaken(outcome.ToString()), cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Validates every rules file now in the container and activates them if valid. Also used at first start,
    /// when reports arrive before any rules version was activated.
    /// </summary>
    public async Task<(RulesOutcome Outcome, IReadOnlyList<Problem> Problems)> ApplyContainerAsync(string? uploader, CancellationToken cancellationToken)
    {
        await using var held = await _lock.AcquireAsync(LockWait, cancellationToken);
        return await ApplyHeldAsync(uploader, cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="sources"/> the rules in force, as one step no other change interleaves with, and only if
    /// <paramref name="expectedVersion"/> is still the active version when it starts: the rules page's edits and the
    /// rollbacks go through here, so two changes made at once never both "succeed" with one of them lost.
    /// </summary>
    /// <param name="sources">Every rules file of the new set.</param>
    /// <param name="expectedVersion">The version the change was made from.</param>
    /// <param name="author">Who makes the change, recorded in the history (and on the files).</param>
    /// <param name="cancellationToken">Cancels the change; what is in force stays consistent.</param>
    public async Task<RulesChange> ChangeAsync(IReadOnlyList<RuleSource> sources, string expectedVersion, string author, CancellationToken cancellationToken)
    {
        await using var held = await _lock.AcquireAsync(LockWait, cancellationToken);
        var active = await _activeRules.GetActiveInfoAsync(cancellationToken);
        if (active?.Version != expectedVersion)
        {
            LogConflict(expectedVersion, active?.Version);
            return new RulesChange(null, [], active?.Version);
        }

        var loaded = RuleBookLoader.Load(sources);
        if (loaded.RuleBook is not { } book)
        {
            // Never written to the container: a refused change leaves the files in force untouched.
            return new RulesChange(RulesOutcome.Refused, loaded.Problems, active.Version);
        }

        // The container now holds exactly these files, already validated: nothing to read back.
        await _files.ReplaceAsync(sources, author, cancellationToken);
        var outcome = await ActivateHeldAsync(book, sources, author, cancellationToken);
        return new RulesChange(outcome, [], book.Version);
    }

    private async Task<(RulesOutcome Outcome, IReadOnlyList<Problem> Problems)> ApplyHeldAsync(string? uploader, CancellationToken cancellationToken)
    {
        var sources = await _files.ReadUploadedAsync(cancellationToken);
        var result = RuleBookLoader.Load(sources);
        if (result.RuleBook is not { } book)
        {
            LogRefused(result.Problems.Count);
            return (RulesOutcome.Refused, result.Problems);
        }

        return (await ActivateHeldAsync(book, sources, uploader, cancellationToken), []);
    }

    /// <summary>Makes a validated set the version in force, tells the coordinator what it changes and scores again; the lease is held.</summary>
    private async Task<RulesOutcome> ActivateHeldAsync(RuleBook book, IReadOnlyList<RuleSource> sources, string? uploader, CancellationToken cancellationToken)
    {
        // What the new version changes is read before it applies: afterwards the old verdicts are gone.
        var before = await _activeRules.GetActiveInfoAsync(cancellationToken);
        var preview = before is null || before.Version == book.Version ? null : await _previewer.PreviewAsync(book, cancellationToken);
        var activated = await _activeRules.ActivateAsync(book, sources, uploader, cancellationToken);
        if (activated && preview is not null)
        {
            var now = (await _activeRules.GetActiveInfoAsync(cancellationToken))!;
            await _notifier.NotifyAsync(
                book, $"rules~{book.Version}", [new RulesChangedNotice(book.Version, now.ActivatedAt, uploader, preview.Diff, preview.Result.Changes)], cancellationToken);
            await _rescoring.CatchUpAsync(cancellationToken);
        }

        return activated ? RulesOutcome.Activated : RulesOutcome.Unchanged;
    }

    /// <summary>The active rules, or null when none was ever activated.</summary>
    public Task<RuleBook?> ActiveAsync(CancellationToken cancellationToken) => _activeRules.GetAsync(cancellationToken);

    /// <summary>
    /// The active rules; at first start, when reports arrive before the rules trigger ran, what the container
    /// holds is activated first. Throws when no valid rules exist anywhere: nothing can be scored.
    /// </summary>
    public async Task<RuleBook> RequireActiveAsync(CancellationToken cancellationToken)
    {
        if (await _activeRules.GetAsync(cancellationToken) is { } rules)
        {
            return rules;
        }

        await ApplyContainerAsync(uploader: null, cancellationToken);
        return await _activeRules.GetAsync(cancellationToken)
            ?? throw new InvalidOperationException("no valid rules are active: upload units.json and a *.workflow.json to the rules container");
    }

    /// <summary>
    /// <see cref="RequireActiveAsync"/> for scoring a report: the rules as the pointer said a few seconds ago at most
    /// (<see cref="WorkflowOptions.RulesPointerRecheck"/>), as a report scored with a version replaced meanwhile is
    /// scored again by the rules' catch-up.
    /// </summary>
    public async Task<RuleBook> RequireForReportAsync(CancellationToken cancellationToken) =>
        await _activeRules.GetRecentAsync(cancellationToken) ?? await RequireActiveAsync(cancellationToken);

    private async Task RefuseAsync(string key, string blobName, string? uploader, IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        await _activeRules.RecordRefusedAsync(key, blobName, uploader, problems, cancellationToken);
        if (await _activeRules.GetAsync(cancellationToken) is not { } active)
        {
            // With no valid units directory anywhere there is no address to tell; the log and the Uploads row keep the problems.
            LogNobodyToTell(blobName);
            return;
        }

        // Metadata is whatever the uploader wrote: only an address of a known unit may be copied.
        var knownUploader = uploader is not null && active.Units.Any(unit => unit.Emails.Contains(uploader, StringComparer.OrdinalIgnoreCase)) ? uploader : null;
        await _notifier.NotifyAsync(active, key, [new RulesRefusedNotice(key, blobName, active.Version, problems, knownUploader)], cancellationToken);
    }

    /// <summary>Longer than any change takes under the lock; a trigger that waits longer fails and is retried.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rules change from {Expected} refused: {Active} is in force now")]
    private partial void LogConflict(string expected, string? active);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {Blob}: not a rules file")]
    private partial void LogIgnored(string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the rules in the container: {Count} problem(s); the active version stays")]
    private partial void LogRefused(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rules upload {Blob} refused and no active rules exist to address a notice")]
    private partial void LogNobodyToTell(string blob);
}

/// <summary>What a change of the rules did.</summary>
/// <param name="Outcome">Activated, unchanged or refused; null when the rules in force were no longer the version the change was made from.</param>
/// <param name="Problems">Why it was refused.</param>
/// <param name="Version">The version in force afterwards.</param>
public sealed record RulesChange(RulesOutcome? Outcome, IReadOnlyList<Problem> Problems, string? Version)
{
    /// <summary>Whether someone else changed the rules first: nothing was written, the change should be made again from <see cref="Version"/>.</summary>
    public bool Conflict => Outcome is null;
}
