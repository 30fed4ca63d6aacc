using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Domain;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Documents.ProvinceReports;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// The storage account's static website (<c>$web</c>), where the scorecard pages are published: derived
/// data that any run can write again.
/// </summary>
public sealed class SiteStore
{
    /// <summary>
    /// How long the list of published pages is taken as known: listing <c>$web</c> is one request per 5,000 files, and a
    /// country's site has tens of thousands, so a page published after each report must not list it each time. A page
    /// another process published meanwhile is linked from the next page built after this; this process's own are known at once.
    /// </summary>
    public static readonly TimeSpan PagesListedFor = TimeSpan.FromMinutes(5);

    private readonly StorageClients _storage;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private volatile bool _created;
    private readonly Listing _pages = new();
    private readonly Listing _reportFiles = new();

    /// <summary>A listing of <c>$web</c> taken as known for <see cref="PagesListedFor"/>, with what this process published since.</summary>
    private sealed class Listing
    {
        public (DateTimeOffset At, HashSet<string> Names)? Taken { get; set; }
    }

    /// <summary>Creates the store.</summary>
    public SiteStore(StorageClients storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
    }

    private BlobContainerClient Web => _storage.Container(StorageNames.WebsiteContainer);

    /// <summary>The names of the pages published so far.</summary>
    public async Task<IReadOnlyList<string>> ListPagesAsync(CancellationToken cancellationToken) =>
        (await Web.ListAsync(null, cancellationToken)).Select(blob => blob.Name).Where(name => name.EndsWith(".html", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// The names of the pages published so far, as listed within <see cref="PagesListedFor"/>, with the pages this process
    /// published since: what a page links to.
    /// </summary>
    public Task<IReadOnlySet<string>> PublishedPagesAsync(CancellationToken cancellationToken) =>
        KnownAsync(_pages, async () => await ListPagesAsync(cancellationToken));

    /// <summary>The names <paramref name="listing"/> holds, listed again by <paramref name="list"/> once <see cref="PagesListedFor"/> has passed.</summary>
    private async Task<IReadOnlySet<string>> KnownAsync(Listing listing, Func<Task<IEnumerable<string>>> list)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (listing.Taken is { } taken && now - taken.At < PagesListedFor && now >= taken.At)
            {
                return taken.Names.ToHashSet(StringComparer.Ordinal);
            }
        }

        var names = (await list()).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            listing.Taken = (now, names);
            return names.ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>Adds a name this process just published to <paramref name="listing"/>, if it holds one.</summary>
    private void Published(Listing listing, string name)
    {
        lock (_gate)
        {
            listing.Taken?.Names.Add(name);
        }
    }

    /// <summary>
    /// Runs <paramref name="upload"/>, creating <c>$web</c> first on a process's first upload, or when it is gone: a create
    /// on every page would be a second request per page.
    /// </summary>
    private async Task WithContainerAsync(Func<Task> upload, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await Web.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }

        try
        {
            await upload();
        }
        catch (RequestFailedException failure) when (failure.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await Web.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await upload();
        }
    }

    /// <summary>
    /// Publishes a file of the province report as <c>bao-cao/{file}</c>, replacing the earlier one of the same period:
    /// the district's page links to it.
    /// </summary>
    public async Task PublishReportFileAsync(ProvinceReportFile file, CancellationToken cancellationToken)
    {
        var name = $"{ProvinceReportFiles.SiteFolder}/{file.Name}";
        await WithContainerAsync(() => Web.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(file.Content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType, CacheControl = "no-cache", ContentDisposition = $"attachment; filename=\"{file.Name}\"" },
        }, cancellationToken), cancellationToken);
        Published(_reportFiles, name);
    }

    /// <summary>
    /// The province report files published for <paramref name="district"/>, with their periods: from one listing of every
    /// plan's files, taken as known for <see cref="PagesListedFor"/> as the pages' is, so a sweep that publishes the pages of
    /// 34 provinces lists the folder once, not once a province. A file this process published since is known at once.
    /// </summary>
    public async Task<IReadOnlyList<PublishedReportFile>> ListProvinceReportsAsync(string district, CancellationToken cancellationToken)
    {
        var prefix = $"{ProvinceReportFiles.SiteFolder}/bao-cao-{district}-";
        var files = new List<PublishedReportFile>();
        foreach (var name in (await ProvinceReportFilesAsync(cancellationToken)).Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            // bao-cao/bao-cao-dak-to-2019.xlsx: the period sits between the district and the extension.
            var period = Path.GetFileNameWithoutExtension(name)[(prefix.Length - ProvinceReportFiles.SiteFolder.Length - 1)..];
            if (Period.TryParse(period, out var parsed))
            {
                files.Add(new PublishedReportFile(parsed, name));
            }
        }

        return files;
    }

    private Task<IReadOnlySet<string>> ProvinceReportFilesAsync(CancellationToken cancellationToken) =>
        KnownAsync(_reportFiles, async () =>
        {
            try
            {
                return (await Web.ListAsync($"{ProvinceReportFiles.SiteFolder}/bao-cao-", cancellationToken)).Select(blob => blob.Name);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // No site yet: nothing published.
                return [];
            }
        });

    /// <summary>A published file's bytes (a province report the district's page links to), to copy the site elsewhere.</summary>
    public async Task<byte[]> ReadFileAsync(string name, CancellationToken cancellationToken) =>
        (await Web.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    /// <summary>Publishes an HTML page that browsers must not cache (it changes with every report).</summary>
    public async Task PublishPageAsync(string name, string html, CancellationToken cancellationToken)
    {
        await WithContainerAsync(() => Web.GetBlobClient(name).UploadAsync(BinaryData.FromString(html), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8", CacheControl = "no-cache" },
        }, cancellationToken), cancellationToken);
        Published(_pages, name);
    }
}
