using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Storage;

/// <summary>The rules version in force: its content hash, when and by whom it was activated.</summary>
/// <param name="Version">The rule book's content hash.</param>
/// <param name="ActivatedAt">When it became active.</param>
/// <param name="Uploader">Who uploaded it, where known.</param>
/// <param name="Files">The files it is made of.</param>
public sealed record RulesVersionInfo(string Version, DateTimeOffset ActivatedAt, string? Uploader, IReadOnlyList<string> Files);

/// <summary>
/// The active rules, read from storage and compiled once per version. A pointer row names the active version; its
/// ETag is checked on every use of <see cref="GetAsync(CancellationToken)"/>, so a newly activated version applies with no
/// restart. Scoring a report (<see cref="GetRecentAsync"/>) trusts a pointer read in the last
/// <see cref="WorkflowOptions.RulesPointerRecheck"/> (a few seconds): a version this process activates applies to its
/// next report at once, one activated by another instance within those seconds, and a burst of reports reads the
/// pointer about once per report (for its page) instead of twice.
/// </summary>
/// <remarks>
/// A report scored in those seconds with the version just replaced is not left so: <c>RulesRescoring</c> scores again,
/// with the pointer read afresh, what was stored in the minutes after an activation. <see cref="GetActiveInfoAsync"/>
/// always reads the pointer, as a rules change checks with it which version it was made from.
/// </remarks>
public sealed partial class ActiveRules
{
    /// <summary>The partition of the versions that were ever active.</summary>
    public const string VersionsPartition = "versions";

    /// <summary>The partition of refused uploads.</summary>
    public const string RefusedPartition = "refused";

    private const string ActivePartition = "active";
    private const string ActiveRow = "current";

    private readonly StorageClients _storage;
    private readonly RuleSetStore _ruleSets;
    private readonly TimeProvider _clock;
    private readonly ILogger<ActiveRules> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _recheck;
    private (ETag ETag, RuleBook Book)? _cached;

    // The pointer as last read and when; dropped when this process activates a version.
    private volatile RememberedPointer? _pointer;

    /// <summary>Creates the repository.</summary>
    public ActiveRules(StorageClients storage, RuleSetStore ruleSets, TimeProvider clock, IOptions<WorkflowOptions> options, ILogger<ActiveRules> logger)
    {
        _storage = storage;
        _ruleSets = ruleSets;
        _clock = clock;
        _recheck = options.Value.RulesPointerRecheck;
        _logger = logger;
    }

    private TableClient Versions => _storage.Table(StorageNames.RulesVersionsTable);

    /// <summary>The active rules as the pointer says now, or null when no version was ever activated.</summary>
    public Task<RuleBook?> GetAsync(CancellationToken cancellationToken) => GetAsync(recent: false, cancellationToken);

    /// <summary>
    /// The active rules as the pointer said at most <see cref="WorkflowOptions.RulesPointerRecheck"/> ago, or null: for
    /// scoring a report, where a verdict from the version replaced seconds ago is scored again by <c>RulesRescoring</c>.
    /// Jobs that bring stored verdicts in line with the rules (the re-scoring itself, the sums, the pages) use
    /// <see cref="GetAsync(CancellationToken)"/>, so they never undo a newer version's work with an older one.
    /// </summary>
    public Task<RuleBook?> GetRecentAsync(CancellationToken cancellationToken) => GetAsync(recent: true, cancellationToken);

    private async Task<RuleBook?> GetAsync(bool recent, CancellationToken cancellationToken)
    {
        if (await (recent ? RememberedPointerAsync(cancellationToken) : ReadPointerAsync(cancellationToken)) is not { } pointer)
        {
            return null;
        }

        if (_cached is { } cached && cached.ETag == pointer.ETag)
        {
            return cached.Book;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.ETag == pointer.ETag)
            {
                return again.Book;
            }

            var sources = await _ruleSets.ReadSnapshotAsync(pointer.Version, cancellationToken);
            var result = RuleBookLoader.Load(sources);
            if (result.RuleBook is null)
            {
                // A snapshot was valid when activated; failing now means storage was tampered with.
                throw new InvalidOperationException($"the active rules version {pointer.Version} no longer validates: {string.Join("; ", result.Problems)}");
            }

            _cached = (pointer.ETag, result.RuleBook);
            LogRulesLoaded(pointer.Version);
            return result.RuleBook;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The active version's record as the pointer says now, or null.</summary>
    public async Task<RulesVersionInfo?> GetActiveInfoAsync(CancellationToken cancellationToken) =>
        (await ReadPointerAsync(cancellationToken))?.ToInfo();

    /// <summary>
    /// Makes <paramref name="book"/>, loaded from <paramref name="sources"/>, the active version: a copy of the
    /// files is kept under its version, recorded, and only then the pointer moves. Activating the version
    /// already active does nothing.
    /// </summary>
    public async Task<bool> ActivateAsync(RuleBook book, IReadOnlyList<RuleSource> sources, string? uploader, CancellationToken cancellationToken)
    {
        var active = await GetActiveInfoAsync(cancellationToken);
        if (active?.Version == book.Version)
        {
            return false;
        }

        await _ruleSets.SaveSnapshotAsync(book.Version, sources, cancellationToken);
        var now = _clock.GetUtcNow();
        var files = string.Join(",", sources.Select(source => Path.GetFileName(source.Name)));
        await Versions.UpsertEntityAsync(
            new RulesVersionEntity { PartitionKey = VersionsPartition, RowKey = $"{Keys.Newest(now)}~{book.Version}", Version = book.Version, ActivatedAt = now, Uploader = uploader, Files = files, Plans = string.Join(",", book.Plans.Select(plan => plan.Version)) },
            TableUpdateMode.Replace,
            cancellationToken);
        var pointer = new RulesVersionEntity { PartitionKey = ActivePartition, RowKey = ActiveRow, Version = book.Version, ActivatedAt = now, Uploader = uploader, Files = files };
        var written = await Versions.UpsertEntityAsync(pointer, TableUpdateMode.Replace, cancellationToken);
        // This process's next report is scored with the version it just made active, whatever it remembered before.
        pointer.ETag = written.Headers.ETag ?? default;
        _pointer = pointer.ETag == default ? null : new RememberedPointer(pointer, now);
        LogRulesActivated(book.Version, uploader ?? "unknown");
        return true;
    }

    /// <summary>Every activation of a version, newest first: a version made active again (a rollback) is a new entry.</summary>
    public async Task<IReadOnlyList<RulesVersionInfo>> HistoryAsync(CancellationToken cancellationToken)
    {
        var history = new List<RulesVersionInfo>();
        await foreach (var row in Versions.QueryAsync<RulesVersionEntity>(Keys.InPartition(VersionsPartition), cancellationToken: cancellationToken))
        {
            history.Add(row.ToInfo());
        }

        // Row keys count time down, so the table gives the newest first; sorting says so instead of relying on it.
        return history.OrderByDescending(entry => entry.ActivatedAt).ToList();
    }

    /// <summary>Records a refused upload, for the history of what was tried.</summary>
    public Task RecordRefusedAsync(string key, string file, string? uploader, IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        var text = string.Join("\n", problems);
        return Versions.UpsertEntityAsync(
            new RefusedRulesEntity { PartitionKey = RefusedPartition, RowKey = key, File = file, RefusedAt = _clock.GetUtcNow(), Uploader = uploader, Problems = text.Length <= 30_000 ? text : text[..30_000] },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>The pointer, read again only when the one remembered is older than the recheck interval.</summary>
    private async Task<RulesVersionEntity?> RememberedPointerAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_pointer is { } remembered && now - remembered.ReadAt < _recheck && now >= remembered.ReadAt)
        {
            return remembered.Row;
        }

        return await ReadPointerAsync(cancellationToken);
    }

    /// <summary>The pointer read now, and remembered for <see cref="GetRecentAsync"/>.</summary>
    private async Task<RulesVersionEntity?> ReadPointerAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var row = await PointerAsync(cancellationToken);
        // No version yet is not remembered: the first rules activated anywhere apply at once.
        _pointer = row is null ? null : new RememberedPointer(row, now);
        return row;
    }

    private async Task<RulesVersionEntity?> PointerAsync(CancellationToken cancellationToken)
    {
        var pointer = await Versions.GetEntityIfExistsAsync<RulesVersionEntity>(ActivePartition, ActiveRow, cancellationToken: cancellationToken);
        return pointer.HasValue ? pointer.Value : null;
    }

    private sealed record RememberedPointer(RulesVersionEntity Row, DateTimeOffset ReadAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded rules version {Version}")]
    private partial void LogRulesLoaded(string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activated rules version {Version} uploaded by {Uploader}")]
    private partial void LogRulesActivated(string version, string uploader);
}
