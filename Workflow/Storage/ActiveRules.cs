using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Rules;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Storage;

/// <summary>The rules version in force: its content hash, when and by whom it was activated.</summary>
/// <param name="Version">The rule book's content hash.</param>
/// <param name="ActivatedAt">When it became active.</param>
/// <param name="Uploader">Who uploaded it, where known.</param>
/// <param name="Files">The files it is made of.</param>
public sealed record RulesVersionInfo(string Version, DateTimeOffset ActivatedAt, string? Uploader, IReadOnlyList<string> Files);

/// <summary>
/// The active rules, read from storage and compiled once per version. A pointer row names the active
/// version; its ETag is checked on every use, so a newly activated version applies to the next report with
/// no restart, while an unchanged one costs a single small read.
/// </summary>
public sealed partial class ActiveRules
{
    private const string ActivePartition = "active";
    private const string ActiveRow = "current";
    private const string VersionsPartition = "versions";
    private const string RefusedPartition = "refused";

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;
    private readonly ILogger<ActiveRules> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (ETag ETag, RuleBook Book)? _cached;

    /// <summary>Creates the repository.</summary>
    public ActiveRules(StorageClients storage, TimeProvider clock, ILogger<ActiveRules> logger)
    {
        _storage = storage;
        _clock = clock;
        _logger = logger;
    }

    private TableClient Versions => _storage.Table(StorageNames.RulesVersionsTable);

    /// <summary>The active rules, or null when no version was ever activated.</summary>
    public async Task<RuleBook?> GetAsync(CancellationToken cancellationToken)
    {
        var pointer = await Versions.GetEntityIfExistsAsync<TableEntity>(ActivePartition, ActiveRow, cancellationToken: cancellationToken);
        if (!pointer.HasValue || pointer.Value is not { } row)
        {
            return null;
        }

        if (_cached is { } cached && cached.ETag == row.ETag)
        {
            return cached.Book;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.ETag == row.ETag)
            {
                return again.Book;
            }

            var version = row.GetString("Version");
            var sources = await ReadSnapshotAsync(version, cancellationToken);
            var result = RuleBookLoader.Load(sources);
            if (result.RuleBook is null)
            {
                // A snapshot was valid when activated; failing now means storage was tampered with.
                throw new InvalidOperationException($"the active rules version {version} no longer validates: {string.Join("; ", result.Problems)}");
            }

            _cached = (row.ETag, result.RuleBook);
            LogRulesLoaded(version);
            return result.RuleBook;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The active version's record, or null.</summary>
    public async Task<RulesVersionInfo?> GetActiveInfoAsync(CancellationToken cancellationToken)
    {
        var pointer = await Versions.GetEntityIfExistsAsync<TableEntity>(ActivePartition, ActiveRow, cancellationToken: cancellationToken);
        return pointer.HasValue && pointer.Value is { } row ? ToInfo(row) : null;
    }

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

        var snapshot = _storage.Container(StorageNames.RuleSetsContainer);
        foreach (var source in sources)
        {
            await snapshot.GetBlobClient($"{book.Version}/{Path.GetFileName(source.Name)}")
                .UploadAsync(BinaryData.FromBytes(source.Content), overwrite: true, cancellationToken);
        }

        var now = _clock.GetUtcNow();
        var record = new TableEntity(VersionsPartition, $"{Keys.Newest(now)}~{book.Version}")
        {
            ["Version"] = book.Version,
            ["ActivatedAt"] = now,
            ["Uploader"] = uploader,
            ["Files"] = string.Join(",", sources.Select(source => Path.GetFileName(source.Name))),
            ["Plans"] = string.Join(",", book.Plans.Select(plan => plan.Version)),
        };
        await Versions.UpsertEntityAsync(record, TableUpdateMode.Replace, cancellationToken);
        var pointer = new TableEntity(ActivePartition, ActiveRow)
        {
            ["Version"] = book.Version,
            ["ActivatedAt"] = now,
            ["Uploader"] = uploader,
            ["Files"] = record["Files"],
        };
        await Versions.UpsertEntityAsync(pointer, TableUpdateMode.Replace, cancellationToken);
        LogRulesActivated(book.Version, uploader ?? "unknown");
        return true;
    }

    /// <summary>Records a refused upload, for the history of what was tried.</summary>
    public async Task RecordRefusedAsync(string key, string file, string? uploader, IReadOnlyList<Problem> problems, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await Versions.UpsertEntityAsync(
            new TableEntity(RefusedPartition, key)
            {
                ["File"] = file,
                ["RefusedAt"] = now,
                ["Uploader"] = uploader,
                ["Problems"] = Truncate(string.Join("\n", problems), 30_000),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>Every version that was ever active, newest first.</summary>
    public async Task<IReadOnlyList<RulesVersionInfo>> HistoryAsync(CancellationToken cancellationToken)
    {
        var versions = new List<RulesVersionInfo>();
        await foreach (var row in Versions.QueryAsync<TableEntity>(row => row.PartitionKey == VersionsPartition, cancellationToken: cancellationToken))
        {
            versions.Add(ToInfo(row));
        }

        return versions;
    }

    private async Task<IReadOnlyList<RuleSource>> ReadSnapshotAsync(string version, CancellationToken cancellationToken)
    {
        var container = _storage.Container(StorageNames.RuleSetsContainer);
        var sources = new List<RuleSource>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = version + "/" }, cancellationToken))
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            sources.Add(new RuleSource(Path.GetFileName(blob.Name), content.Value.Content.ToMemory()));
        }

        return sources;
    }

    private static RulesVersionInfo ToInfo(TableEntity row) => new(
        row.GetString("Version"),
        row.GetDateTimeOffset("ActivatedAt") ?? DateTimeOffset.MinValue,
        row.GetString("Uploader"),
        (row.GetString("Files") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded rules version {Version}")]
    private partial void LogRulesLoaded(string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activated rules version {Version} uploaded by {Uploader}")]
    private partial void LogRulesActivated(string version, string uploader);
}
