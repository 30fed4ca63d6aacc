using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Handlers;

/// <summary>
/// Accepts rules uploaded to the <c>rules</c> container. The whole set of rules files in the container is
/// validated together; only a valid set becomes the active version. An invalid upload is refused, the
/// active version keeps scoring, and the coordinator (and the uploader, where known) gets every problem.
/// </summary>
public sealed partial class RulesIntake : IRulesIntake
{
    private readonly StorageClients _storage;
    private readonly ActiveRules _activeRules;
    private readonly UploadLog _uploads;
    private readonly AlertOutbox _outbox;
    private readonly AlertDispatcher _dispatcher;
    private readonly WorkflowOptions _options;
    private readonly ILogger<RulesIntake> _logger;

    /// <summary>Creates the handler.</summary>
    public RulesIntake(StorageClients storage, ActiveRules activeRules, UploadLog uploads, AlertOutbox outbox, AlertDispatcher dispatcher, IOptions<WorkflowOptions> options, ILogger<RulesIntake> logger)
    {
        _storage = storage;
        _activeRules = activeRules;
        _uploads = uploads;
        _outbox = outbox;
        _dispatcher = dispatcher;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<RulesOutcome> ProcessAsync(string blobName, CancellationToken cancellationToken)
    {
        var probe = new RuleSource(blobName, ReadOnlyMemory<byte>.Empty);
        if (!probe.IsUnits && !probe.IsWorkflow)
        {
            LogIgnored(blobName);
            return RulesOutcome.Ignored;
        }

        var blob = _storage.Container(StorageNames.RulesContainer).GetBlobClient(blobName);
        var attempt = await _uploads.BeginAsync(blob, cancellationToken);
        if (!attempt.CanProceed)
        {
            return RulesOutcome.Ignored;
        }

        var key = attempt.Key;
        attempt.Properties!.Metadata.TryGetValue("uploader", out var uploader);
        var (outcome, problems) = await ApplyContainerAsync(uploader, cancellationToken);
        if (outcome == RulesOutcome.Refused)
        {
            await RefuseAsync(key, blobName, uploader, problems, cancellationToken);
            await _uploads.FinishAsync(StorageNames.RulesContainer, key, UploadState.Rejected, string.Join("\n", problems), cancellationToken);
        }
        else
        {
            await _uploads.FinishAsync(StorageNames.RulesContainer, key, UploadState.Done, outcome.ToString(), cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Validates every rules file now in the container and activates them if valid. Also used at first start,
    /// when reports arrive before any rules version was activated.
    /// </summary>
    public async Task<(RulesOutcome Outcome, IReadOnlyList<Problem> Problems)> ApplyContainerAsync(string? uploader, CancellationToken cancellationToken)
    {
        var sources = await ReadContainerAsync(cancellationToken);
        var result = RuleBookLoader.Load(sources);
        if (result.RuleBook is not { } book)
        {
            LogRefused(result.Problems.Count);
            return (RulesOutcome.Refused, result.Problems);
        }

        var activated = await _activeRules.ActivateAsync(book, sources, uploader, cancellationToken);
        return (activated ? RulesOutcome.Activated : RulesOutcome.Unchanged, []);
    }

    private async Task RefuseAsync(string key, string blobName, string? uploader, IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        await _activeRules.RecordRefusedAsync(key, blobName, uploader, problems, cancellationToken);
        var active = await _activeRules.GetAsync(cancellationToken);
        if (active is null)
        {
            // With no valid units directory anywhere there is no address to tell; the log and the Uploads row keep the problems.
            LogNobodyToTell(blobName);
            return;
        }

        var composer = new AlertComposer(active, _options.CoordinatorUnit, _options.ScorecardUrl);
        var notice = composer.RulesRefused(key, blobName, active.Version, problems, uploader);
        var added = await _outbox.AddAsync([notice], AlertKind.RefusedRules, key, cancellationToken);
        await _dispatcher.SendNowAsync(added, cancellationToken);
    }

    private async Task<IReadOnlyList<RuleSource>> ReadContainerAsync(CancellationToken cancellationToken)
    {
        var container = _storage.Container(StorageNames.RulesContainer);
        var sources = new List<RuleSource>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            var candidate = new RuleSource(item.Name, ReadOnlyMemory<byte>.Empty);
            if (item.Name.Contains('/', StringComparison.Ordinal) || !(candidate.IsUnits || candidate.IsWorkflow))
            {
                continue;
            }

            var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
            sources.Add(new RuleSource(item.Name, content.Value.Content.ToMemory()));
        }

        return sources;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {Blob}: not a rules file")]
    private partial void LogIgnored(string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the rules in the container: {Count} problem(s); the active version stays")]
    private partial void LogRefused(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rules upload {Blob} refused and no active rules exist to address a notice")]
    private partial void LogNobodyToTell(string blob);
}
