using Azure.Storage.Blobs.Models;
using GenderPlan.Core.Calendar;
using GenderPlan.Core.Dashboard;
using GenderPlan.Core.Domain;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Handlers;

/// <summary>
/// Builds the scorecard page of a place from the stored results and publishes it to the storage account's
/// static website (<c>$web</c>): <c>index.html</c> for the district (the plan's first jurisdiction),
/// <c>{id}.html</c> for a commune. Run after each scored report and by the sweep timer, so a page lost to a
/// race between two reports is repaired within minutes.
/// </summary>
public sealed partial class DashboardPublisher : IDashboardPublisher
{
    private readonly StorageClients _storage;
    private readonly ActiveRules _activeRules;
    private readonly ResultStore _results;
    private readonly ReportLog _reports;
    private readonly TimeProvider _clock;
    private readonly ILogger<DashboardPublisher> _logger;

    /// <summary>Creates the publisher.</summary>
    public DashboardPublisher(StorageClients storage, ActiveRules activeRules, ResultStore results, ReportLog reports, TimeProvider clock, ILogger<DashboardPublisher> logger)
    {
        _storage = storage;
        _activeRules = activeRules;
        _results = results;
        _reports = reports;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The page's input for <paramref name="jurisdiction"/>, or null without active rules or a plan for the place.</summary>
    public async Task<DashboardInput?> BuildAsync(string jurisdiction, CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        var today = ReportingCalendar.VietnamDate(now);
        var plan = rules?.Plans.Where(candidate => candidate.HasJurisdiction(jurisdiction)).OrderByDescending(candidate => candidate.StartYear)
            .FirstOrDefault(candidate => candidate.StartYear <= today.Year)
            ?? rules?.Plans.FirstOrDefault(candidate => candidate.HasJurisdiction(jurisdiction));
        if (rules is null || plan is null)
        {
            return null;
        }

        var results = new List<DashboardResult>();
        foreach (var stored in await _results.LatestForPlaceAsync(jurisdiction, cancellationToken))
        {
            if (StatusText.TryParse(stored.Status, out var status) && Period.TryParse(stored.Period, out var period) && plan.Covers(period))
            {
                results.Add(new DashboardResult(stored.Indicator, period, status, stored.Value, new LocalizedText(stored.ExplanationVi, stored.ExplanationEn)));
            }
        }

        var reports = (await _reports.ForPlaceAsync(jurisdiction, plan.StartYear, plan.EndYear, cancellationToken))
            .Select(report => new DashboardReport(Period.Parse(report.Period), report.Unit, report.Blob, report.ReceivedAt, report.OnTime))
            .ToList();

        var others = new List<(string, string)>();
        await foreach (var page in Web.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            var id = Path.GetFileNameWithoutExtension(page.Name);
            var file = page.Name == "index.html" ? plan.Jurisdictions[0].Id : id;
            if (page.Name.EndsWith(".html", StringComparison.Ordinal) && file != jurisdiction && plan.HasJurisdiction(file))
            {
                others.Add((file, page.Name));
            }
        }

        return new DashboardInput(rules, plan, jurisdiction, results, reports, today, now, others);
    }

    /// <summary>Renders and uploads the page of <paramref name="jurisdiction"/>; returns its blob name, or null when there was nothing to show.</summary>
    public async Task<string?> PublishAsync(string jurisdiction, CancellationToken cancellationToken)
    {
        var input = await BuildAsync(jurisdiction, cancellationToken);
        if (input is null)
        {
            return null;
        }

        var name = input.Plan.Jurisdictions[0].Id == jurisdiction ? "index.html" : $"{jurisdiction}.html";
        await Web.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Web.GetBlobClient(name).UploadAsync(BinaryData.FromString(DashboardRenderer.Render(input)), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8", CacheControl = "no-cache" },
        }, cancellationToken);
        LogPublished(name, input.Results.Count);
        return name;
    }

    /// <summary>Publishes without ever failing the caller: the page is derived data and the next run repairs it.</summary>
    public async Task TryPublishAsync(string jurisdiction, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(jurisdiction, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPublishFailed(exception, jurisdiction);
        }
    }

    /// <inheritdoc />
    public async Task TryPublishDistrictsAsync(CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        foreach (var district in rules?.Plans.Select(plan => plan.Jurisdictions[0].Id).Distinct() ?? [])
        {
            await TryPublishAsync(district, cancellationToken);
        }
    }

    private Azure.Storage.Blobs.BlobContainerClient Web => _storage.Container(StorageNames.WebsiteContainer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scorecard page {Page} with {Count} result(s)")]
    private partial void LogPublished(string page, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the scorecard page of {Jurisdiction}; the next run will")]
    private partial void LogPublishFailed(Exception exception, string jurisdiction);
}
