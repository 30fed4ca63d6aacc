using Azure.Storage.Blobs;
using GenderPlan.Core.Rules;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// Rules files: what officials upload to <c>rules/</c> (<c>units.json</c> and <c>*.workflow.json</c> at the
/// top level), and the copy of every version that was ever active, kept in <c>rulesets/{version}/</c> so the
/// active version never depends on what is uploaded next.
/// </summary>
public sealed class RuleSetStore
{
    private readonly StorageClients _storage;

    /// <summary>Creates the store.</summary>
    public RuleSetStore(StorageClients storage) => _storage = storage;

    private BlobContainerClient Uploads => _storage.Container(StorageNames.RulesContainer);

    private BlobContainerClient Snapshots => _storage.Container(StorageNames.RuleSetsContainer);

    /// <summary>The current version of <c>rules/{name}</c>, or null when it is gone.</summary>
    public Task<StoredBlob?> FindAsync(string name, CancellationToken cancellationToken) => Uploads.FindAsync(name, cancellationToken);

    /// <summary>Every blob in <c>rules/</c>, oldest first.</summary>
    public Task<IReadOnlyList<StoredBlob>> ListAsync(CancellationToken cancellationToken) => Uploads.ListAsync(null, cancellationToken);

    /// <summary>Every rules file now in <c>rules/</c>: the set that is validated together.</summary>
    public async Task<IReadOnlyList<RuleSource>> ReadUploadedAsync(CancellationToken cancellationToken)
    {
        var sources = new List<RuleSource>();
        foreach (var blob in await Uploads.ListAsync(null, cancellationToken))
        {
            if (!blob.Name.Contains('/', StringComparison.Ordinal) && IsRulesFile(blob.Name))
            {
                sources.Add(new RuleSource(blob.Name, await Uploads.ReadAsync(blob.Name, cancellationToken)));
            }
        }

        return sources;
    }

    /// <summary>Uploads a rules set, units first: a workflow naming a new unit must not arrive before the unit does.</summary>
    /// <param name="sources">The files.</param>
    /// <param name="author">Who publishes them, kept as the blobs' <c>uploader</c> metadata so any trigger they fire names the same author; null for none.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task PublishAsync(IEnumerable<RuleSource> sources, string? author, CancellationToken cancellationToken)
    {
        foreach (var source in sources.OrderBy(source => source.IsUnits ? 0 : 1))
        {
            var options = new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = author is null ? null : new Dictionary<string, string> { ["uploader"] = Metadata(author) } };
            await Uploads.GetBlobClient(Path.GetFileName(source.Name)).UploadAsync(BinaryData.FromBytes(source.Content), options, cancellationToken);
        }
    }

    // Blob metadata is ASCII only: an author such as "rollback (Nguyễn)" keeps its readable ASCII part.
    private static string Metadata(string text) => new(text.Select(character => character is >= ' ' and <= '~' ? character : '?').ToArray());

    /// <summary>
    /// Makes the <c>rules</c> container hold exactly <paramref name="sources"/>: they are uploaded and every other
    /// rules file is deleted, so the set validated next is this one, not this one mixed with a later version's files.
    /// </summary>
    public async Task ReplaceAsync(IReadOnlyList<RuleSource> sources, string? author, CancellationToken cancellationToken)
    {
        await PublishAsync(sources, author, cancellationToken);
        var kept = sources.Select(source => Path.GetFileName(source.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var blob in await Uploads.ListAsync(null, cancellationToken))
        {
            if (!blob.Name.Contains('/', StringComparison.Ordinal) && IsRulesFile(blob.Name) && !kept.Contains(blob.Name))
            {
                await Uploads.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>Keeps a copy of the files of <paramref name="version"/>.</summary>
    public async Task SaveSnapshotAsync(string version, IReadOnlyList<RuleSource> sources, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            await Snapshots.GetBlobClient($"{version}/{Path.GetFileName(source.Name)}").UploadAsync(BinaryData.FromBytes(source.Content), overwrite: true, cancellationToken);
        }
    }

    /// <summary>The files of <paramref name="version"/>.</summary>
    public async Task<IReadOnlyList<RuleSource>> ReadSnapshotAsync(string version, CancellationToken cancellationToken)
    {
        var sources = new List<RuleSource>();
        foreach (var blob in await Snapshots.ListAsync(version + "/", cancellationToken))
        {
            sources.Add(new RuleSource(Path.GetFileName(blob.Name), await Snapshots.ReadAsync(blob.Name, cancellationToken)));
        }

        return sources;
    }

    /// <summary>Whether a name is a rules file (<c>units.json</c>, <c>*.workflow.json</c> or <c>*.places.json</c>), judged by its name alone.</summary>
    public static bool IsRulesFile(string name)
    {
        var probe = new RuleSource(name, ReadOnlyMemory<byte>.Empty);
        return probe.IsUnits || probe.IsWorkflow || probe.IsPlaces;
    }
}
