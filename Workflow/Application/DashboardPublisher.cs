using GenderPlan.Core.Calendar;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Dashboard;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Builds the scorecard page of a place from the stored results and publishes it to the storage account's
/// static website (<c>$web</c>): <c>index.html</c> for the district when the rules hold one district,
/// <c>{id}.html</c> for every other place. Run after each scored report and by the sweep timer, so a page
/// lost to a race between two reports is repaired within minutes.
/// </summary>
public sealed partial class DashboardPublisher : IDashboardPublisher
{
    private const string HomePage = "index.html";

    /// <summary>How often every page is republished even with nothing reported: the calendar changes what a page says.</summary>
    private static readonly TimeSpan FullRepublishEvery = TimeSpan.FromDays(1);

    // When every page was last republished, and under which rules version (this process's own; where the last call got is a SweepWatermarks mark).
    private (DateTimeOffset LastFull, string? Version) _published = (DateTimeOffset.MinValue, null);
    private readonly ChangeLog _changes;
    private readonly ActiveRules _activeRules;
    private readonly ResultStore _results;
    private readonly ReportLog _reports;
    private readonly PlaceReportIndex _index;
    private readonly CommuneFigures _communeFigures;
    private readonly SweepPlaceReads _placeReads;
    private readonly SweepWatermarks _watermarks;
    private readonly bool _pagesBelowOnSweep;
    private const string WatermarkName = "pages";
    private static readonly LocalizedText NotExplained = new("", "");
    private readonly ReportDecisionStore _decisions;
    private readonly SiteStore _site;
    private readonly FollowUpStore _followUps;
    private readonly TimeProvider _clock;
    private readonly ILogger<DashboardPublisher> _logger;

    /// <summary>Creates the publisher.</summary>
    public DashboardPublisher(
        ActiveRules activeRules, ResultStore results, ReportLog reports, SiteStore site, FollowUpStore followUps, TimeProvider clock, ILogger<DashboardPublisher> logger, ReportDecisionStore decisions,
        ChangeLog changes, PlaceReportIndex index, CommuneFigures communeFigures, SweepPlaceReads placeReads, IOptions<WorkflowOptions> options, SweepWatermarks watermarks)
    {
        _watermarks = watermarks;
        _placeReads = placeReads;
        _pagesBelowOnSweep = options.Value.AddUpOnSweep;
        _communeFigures = communeFigures;
        _index = index;
        _changes = changes;
        _decisions = decisions;
        _followUps = followUps;
        _activeRules = activeRules;
        _results = results;
        _reports = reports;
        _site = site;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The page's input for <paramref name="jurisdiction"/>, or null without active rules or a plan for the place.</summary>
    /// <param name="jurisdiction">The place.</param>
    /// <param name="links">Whether links to other places point at published files or at the live pages of the same host.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <param name="rules">The rules to build with, when the caller holds them; null reads the active ones.</param>
    /// <param name="read">What the sweep has read for the page already; null reads everything.</param>
    public async Task<DashboardInput?> BuildAsync(string jurisdiction, PageLinks links, CancellationToken cancellationToken, RuleBook? rules = null, SweepPageReads? read = null)
    {
        rules ??= await _activeRules.GetAsync(cancellationToken);
        var today = ReportingCalendar.VietnamDate(_clock.GetUtcNow());
        return rules is null || CurrentPlan(rules, jurisdiction, today) is not { } plan ? null : await BuildAsync(rules, plan, jurisdiction, links, cancellationToken, read: read);
    }

    /// <summary>
    /// Every page of the site of the active rules' district(s), as files that link only to each other: each place's
    /// page under its <see cref="PageName"/> and one page per period with results beside it. For
    /// <c>genderplan dashboard --out</c>, whose folder must open without the storage account behind it.
    /// </summary>
    public async Task<IReadOnlyList<SitePage>> RenderSiteAsync(CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        var pages = new List<SitePage>();
        var today = ReportingCalendar.VietnamDate(_clock.GetUtcNow());
        foreach (var district in Districts(rules))
        {
            if (CurrentPlan(rules!, district, today) is not { } plan)
            {
                continue;
            }

            foreach (var place in plan.Jurisdictions)
            {
                pages.AddRange(Render(await BuildAsync(rules!, plan, place.Id, PageLinks.Site, cancellationToken)));
            }
        }

        if (HomeListsPlans(rules))
        {
            pages.Insert(0, new SitePage(HomePage, PlansPage.Render(rules!, today, place => PageName(rules, place))));
        }

        return pages;
    }

    /// <summary>The page of <paramref name="input"/> under its name and one per period with results under <see cref="PeriodLinks.FileName"/>.</summary>
    private static IEnumerable<SitePage> Render(DashboardInput input)
    {
        yield return new SitePage(PageName(input.Rules, input.Jurisdiction), DashboardRenderer.Render(input));
        foreach (var period in PagePeriods.WithResults(input))
        {
            yield return new SitePage(PeriodLinks.FileName(input.Jurisdiction, period), DashboardRenderer.Render(input with { Period = period }));
        }
    }

    /// <summary>
    /// The page's input for <paramref name="jurisdiction"/> under <paramref name="plan"/> of <paramref name="rules"/>:
    /// the province report reads the plan of its period, which need not be the plan the page shows today.
    /// </summary>
    /// <param name="rules">The rules.</param>
    /// <param name="plan">The plan whose page it is.</param>
    /// <param name="jurisdiction">The place.</param>
    /// <param name="links">Whether links point at published files or at live pages.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <param name="explained">
    /// Whether the communes' results must carry their explanations (the province report quotes them): read from each
    /// commune then, where a page compares them from the figures the roll-up stored.
    /// </param>
    /// <param name="read">What the sweep has read for the page already (<see cref="SweepPageReads"/>); null reads everything.</param>
    public async Task<DashboardInput> BuildAsync(
        RuleBook rules, Plan plan, string jurisdiction, PageLinks links, CancellationToken cancellationToken, bool explained = false, SweepPageReads? read = null)
    {
        var now = _clock.GetUtcNow();
        var today = ReportingCalendar.VietnamDate(now);
        var results = Shown(plan, read?.Latest ?? await _results.LatestForPlaceAsync(jurisdiction, cancellationToken));
        // The district's page lists its communes' committees' reports in its timeliness grid too: the plan's whole partition.
        var reports = await ReportsAsync(rules, plan, jurisdiction, read?.PlanReports, cancellationToken);
        var communeResults = plan.IsDistrict(jurisdiction) ? await CommuneResultsAsync(plan, reports, explained, cancellationToken) : null;

        var others = plan.Jurisdictions.Where(place => place.Id != jurisdiction).Select(place => (place.Id, Link: links == PageLinks.Live ? place.Id : PageName(rules, place.Id))).ToList();
        if (links == PageLinks.Published)
        {
            var published = await _site.PublishedPagesAsync(cancellationToken);
            others.RemoveAll(page => !published.Contains(page.Link));
        }

        IReadOnlyList<PublishedReportFile>? provinceReports = plan.IsDistrict(jurisdiction) ? await _site.ListProvinceReportsAsync(jurisdiction, cancellationToken) : null;
        return new DashboardInput(
            rules, plan, jurisdiction, results, reports, today, now, others.Select(page => (page.Id, page.Link)).ToList(), communeResults, provinceReports,
            PeriodLinks: links == PageLinks.Live ? PeriodLinks.Query : PeriodLinks.Files(jurisdiction, PageName(rules, jurisdiction)),
            FollowUps: await FollowUpsAsync(rules, plan, jurisdiction, explained, cancellationToken));
    }

    /// <summary>The stored results of a place within the plan's years: reported figures and, for a place with places below it, their sums.</summary>
    private async Task<List<DashboardResult>> ResultsAsync(Plan plan, string jurisdiction, CancellationToken cancellationToken) =>
        Shown(plan, await _results.LatestForPlaceAsync(jurisdiction, cancellationToken));

    /// <summary>Of a place's latest results, those within the plan's years, as its page shows them.</summary>
    private static List<DashboardResult> Shown(Plan plan, IReadOnlyList<StoredResult> latest) =>
        latest
            .Where(stored => Period.TryParse(stored.Period, out var period) && plan.Covers(period))
            .Select(stored => new DashboardResult(stored.Indicator, Period.Parse(stored.Period), stored.Status, stored.Value, stored.Explanation, stored.Source, stored.Coverage))
            .ToList();

    /// <summary>
    /// The reported results of every place below the plan's own, for its page's comparison: from the figures the roll-up
    /// stored per period (one partition, however many communes), for every period a place below reported for. A period with
    /// none stored (reported before they were kept) and a province report, which quotes the explanations, read each place's
    /// results instead; the periods missing are then stored, unless the roll-up stored them meanwhile.
    /// </summary>
    private async Task<Dictionary<string, IReadOnlyList<DashboardResult>>> CommuneResultsAsync(
        Plan plan, IReadOnlyList<DashboardReport> reports, bool explained, CancellationToken cancellationToken)
    {
        var reported = reports.Where(report => report.Jurisdiction is { } place && !plan.IsDistrict(place)).Select(report => report.Period).ToHashSet();
        var stored = explained ? null : await _communeFigures.ForPlanAsync(plan.District.Id, cancellationToken);
        if (stored is not null && reported.All(stored.ContainsKey))
        {
            var figures = stored.Where(entry => plan.Covers(entry.Key))
                .SelectMany(entry => entry.Value.Select(figure => (figure.Place, Result: new DashboardResult(figure.Indicator, entry.Key, figure.Status, figure.Value, NotExplained))))
                .ToLookup(pair => pair.Place, pair => pair.Result, StringComparer.Ordinal);
            return plan.Communes.ToDictionary(commune => commune.Id, commune => (IReadOnlyList<DashboardResult>)[.. figures[commune.Id]], StringComparer.Ordinal);
        }

        var read = new Dictionary<string, IReadOnlyList<DashboardResult>>(StringComparer.Ordinal);
        foreach (var commune in plan.Communes)
        {
            read[commune.Id] = [.. (await ResultsAsync(plan, commune.Id, cancellationToken)).Where(result => result.Source == FigureSource.Reported)];
        }

        foreach (var period in reported.Where(period => stored is not null && !stored.ContainsKey(period)))
        {
            var figures = read.SelectMany(place => place.Value.Where(result => result.Period == period).Select(result => new ComparedFigure(place.Key, result.Indicator, result.Status, result.Value)));
            // Never read whole (no arrival numbers or counts here): the next roll-up reads every place and replaces them.
            await _communeFigures.SaveAsync(plan.District.Id, period, [.. figures], basis: 0, readWholeAt: DateTimeOffset.MinValue, replacing: null, cancellationToken);
        }

        return read;
    }

    /// <summary>
    /// The cases of the place within the plan's years, which its page shows, read from the partitions of the units its
    /// cases go to: its committee's, and where it has none or is the plan's own place (whose departments report), the
    /// plan's leads'. The province report shows those of every place of the district: it reads every case instead.
    /// </summary>
    private async Task<IReadOnlyList<Core.FollowUps.FollowUpCase>> FollowUpsAsync(RuleBook rules, Plan plan, string jurisdiction, bool explained, CancellationToken cancellationToken)
    {
        IEnumerable<Core.FollowUps.FollowUpCase> found;
        if (explained)
        {
            var places = new HashSet<string>(StringComparer.Ordinal) { jurisdiction };
            if (plan.IsDistrict(jurisdiction))
            {
                places.UnionWith(plan.Communes.Select(commune => commune.Id));
            }

            found = await _followUps.ForPlacesAsync(places, cancellationToken);
        }
        else
        {
            found = await _followUps.ForPlaceAsync(jurisdiction, CaseUnits.Of(rules, plan, jurisdiction), cancellationToken);
        }

        return [.. found.Where(found => Period.TryParse(found.Period, out var period) && plan.Covers(period))];
    }

    /// <summary>
    /// The reports of the place (and, on the page of the plan's own place, of every place of the plan) up to this year, from
    /// the index under the plan's place: one key range for a commune, one partition for the district, whatever the years.
    /// </summary>
    private async Task<List<DashboardReport>> ReportsAsync(RuleBook rules, Plan plan, string jurisdiction, IReadOnlyList<ReportRecord>? planReports, CancellationToken cancellationToken)
    {
        // Up to this year: a later period has no report yet.
        var lastYear = Math.Min(plan.EndYear, Math.Max(plan.StartYear, ReportingCalendar.VietnamDate(_clock.GetUtcNow()).Year));
        await _index.EnsureBuiltAsync(_reports, rules, cancellationToken);
        if (plan.Approval.Required)
        {
            // Decisions only where the plan requires approval, read with the reports from the index: elsewhere the page is as it always was.
            await _index.EnsureDecisionsNotedAsync(_decisions, rules, cancellationToken);
        }

        var found = plan.IsDistrict(jurisdiction)
            ? planReports ?? await _index.ForPlanAsync(plan.District.Id, cancellationToken)
            : planReports?.Where(report => report.Jurisdiction == jurisdiction).ToList() ?? await _index.ForPlaceAsync(plan.District.Id, jurisdiction, cancellationToken);
        return found
            .Where(report => Period.TryParse(report.Period, out var period) && plan.Covers(period) && period.Year <= lastYear && plan.HasJurisdiction(report.Jurisdiction))
            .Select(report => new DashboardReport(
                Period.Parse(report.Period), report.Unit, report.Blob, report.ReceivedAt, report.OnTime, report.Jurisdiction, report.Arrival, plan.Approval.Required ? report.Decision : null))
            .ToList();
    }

    /// <summary>Renders and uploads the page of <paramref name="jurisdiction"/>; returns its blob name, or null when there was nothing to show.</summary>
    /// <param name="jurisdiction">The place.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="rules">The rules to build with; null reads the active ones.</param>
    /// <param name="changed">The one period whose figures changed, when the caller knows it (a report's); null rewrites every period's page.</param>
    public Task<string?> PublishAsync(string jurisdiction, CancellationToken cancellationToken, RuleBook? rules = null, Period? changed = null) =>
        PublishAsync(jurisdiction, rules, changed, read: null, cancellationToken);

    private async Task<string?> PublishAsync(string jurisdiction, RuleBook? rules, Period? changed, SweepPageReads? read, CancellationToken cancellationToken)
    {
        var input = await BuildAsync(jurisdiction, PageLinks.Published, cancellationToken, rules, read);
        if (input is null)
        {
            return null;
        }

        // The period pages first: the place's page links to them, so it is published only once they are there.
        foreach (var period in await PeriodPagesToWriteAsync(input, changed, cancellationToken))
        {
            await _site.PublishPageAsync(PeriodLinks.FileName(input.Jurisdiction, period), DashboardRenderer.Render(input with { Period = period }), cancellationToken);
        }

        var name = PageName(input.Rules, input.Jurisdiction);
        await _site.PublishPageAsync(name, DashboardRenderer.Render(input), cancellationToken);
        LogPublished(name, input.Results.Count);
        return name;
    }

    /// <summary>
    /// The periods whose own file must be written with the place's page. A page with one period links to no period file
    /// (there is nothing to choose), so none. With several, the place's page offers them all, the one it shows leading to
    /// itself, and each other period has its file, which leads back to the place's page rather than listing the periods
    /// (<see cref="PeriodLinks.Home"/>): so only the file of the period that changed is written, and any not written yet
    /// (a period the place's page showed until a newer one came); every file when the caller does not say what changed.
    /// A report thus writes at most two files, however many years are stored.
    /// </summary>
    private async Task<IReadOnlyList<Period>> PeriodPagesToWriteAsync(DashboardInput input, Period? changed, CancellationToken cancellationToken)
    {
        var periods = PagePeriods.WithResults(input);
        if (periods.Count < 2)
        {
            return [];
        }

        var onPage = PagePeriods.Default(input);
        var filed = periods.Where(period => period != onPage).ToList();
        if (changed is null)
        {
            return filed;
        }

        var published = await _site.PublishedPagesAsync(cancellationToken);
        return [.. filed.Where(period => period == changed || !published.Contains(PeriodLinks.FileName(input.Jurisdiction, period)))];
    }

    /// <inheritdoc />
    public Task TryPublishAsync(string jurisdiction, CancellationToken cancellationToken, RuleBook? rules = null, Period? changed = null) =>
        TryPublishAsync(jurisdiction, rules, changed, read: null, cancellationToken);

    private async Task TryPublishAsync(string jurisdiction, RuleBook? rules, Period? changed, SweepPageReads? read, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(jurisdiction, rules, changed, read, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogPublishFailed(exception, jurisdiction);
        }
    }

    /// <summary>
    /// Republishes the pages of the places with sums (each plan's own place, and the places between it and its communes)
    /// whose figures may have changed since the last time: those above a place whose figures were stored since then
    /// (<see cref="ChangeLog"/>). Everything is republished on the first call of a process, when the rules version
    /// changed, and once a day, for what the calendar alone changes ("Chưa đến hạn" becoming "Chưa gửi"). So a sweep with
    /// nothing new reads a few change-log buckets and builds no page, however many places and years there are.
    /// With <see cref="WorkflowOptions.AddUpOnSweep"/>, the pages of the places below whose figures changed (the communes
    /// that reported) are published here too, once per sweep rather than once per report, from the results the sweep's
    /// roll-up has just read (<see cref="SweepPlaceReads"/>); on a process's first call, those of the last
    /// <see cref="DistrictSumsCatchUp.RecentWindow"/>, as its sums catch-up looks back.
    /// </summary>
    public async Task TryPublishDistrictsAsync(CancellationToken cancellationToken)
    {
        var rules = await _activeRules.GetAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        var (lastFull, lastVersion) = _published;
        var full = rules is null || lastVersion != rules.Version || now - lastFull >= FullRepublishEvery;
        // Ten seconds of margin cover a report whose time was taken before the previous call read the log and whose row was
        // written after: a place republished twice, never one missed.
        // From this process's last call or, on its first, from where the last sweep of any instance got (SweepWatermarks).
        var since = SweepWatermarks.StartOf(await _watermarks.GetAsync(WatermarkName, cancellationToken), now, DistrictSumsCatchUp.RecentWindow);
        var changes = rules is null || (full && !_pagesBelowOnSweep) ? [] : await _changes.SinceAsync(since - TimeSpan.FromSeconds(10), now, cancellationToken);
        var changed = full ? null : PeriodsAbove(rules!, changes);
        var withSums = Districts(rules).Concat(PlacesBetween(rules)).ToHashSet(StringComparer.Ordinal);
        // Each plan's reports are read once for all its places' pages this sweep (one partition), not once a place.
        var planReports = new Dictionary<string, IReadOnlyList<ReportRecord>>(StringComparer.Ordinal);
        async Task<IReadOnlyList<ReportRecord>?> PlanReportsAsync(Plan? plan)
        {
            if (!_pagesBelowOnSweep || plan is null)
            {
                return null;
            }

            if (!planReports.TryGetValue(plan.District.Id, out var reports))
            {
                await _index.EnsureBuiltAsync(_reports, rules!, cancellationToken);
                reports = planReports[plan.District.Id] = await _index.ForPlanAsync(plan.District.Id, cancellationToken);
            }

            return reports;
        }

        var today = ReportingCalendar.VietnamDate(now);
        foreach (var place in Districts(rules).Concat(PlacesBetween(rules)).Distinct(StringComparer.Ordinal).Where(place => changed is null || changed.ContainsKey(place)))
        {
            var periods = changed?[place];
            var reports = await PlanReportsAsync(CurrentPlan(rules!, place, today));
            await TryPublishAsync(place, rules, periods?.Count == 1 ? periods.Single() : null, reports is null ? null : new SweepPageReads(null, reports), cancellationToken);
        }

        if (_pagesBelowOnSweep && rules is not null)
        {
            foreach (var (place, plan, periods) in PlacesBelow(rules, changes, withSums))
            {
                var read = new SweepPageReads(_placeReads.Take(place), await PlanReportsAsync(plan));
                await TryPublishAsync(place, rules, periods.Count == 1 ? periods[0] : null, read, cancellationToken);
            }
        }

        _published = (full ? now : lastFull, rules?.Version);
        _watermarks.Set(WatermarkName, now);

        if (HomeListsPlans(rules))
        {
            try
            {
                await _site.PublishPageAsync(HomePage, RenderHome(rules!, PageLinks.Published), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPublishFailed(exception, HomePage);
            }
        }
    }

    /// <summary>The places with no sums of their own whose figures changed, each with the periods that changed.</summary>
    /// <remarks>The plan is the one the page shows today, whose reports the page lists; a place no plan shows is left out.</remarks>
    private IEnumerable<(string Place, Plan Plan, IReadOnlyList<Period> Periods)> PlacesBelow(RuleBook rules, IReadOnlyList<FigureChange> changes, IReadOnlySet<string> withSums)
    {
        var today = ReportingCalendar.VietnamDate(_clock.GetUtcNow());
        foreach (var place in changes.Where(change => !withSums.Contains(change.Place) && Period.TryParse(change.Period, out var period) && rules.FindPlan(period, change.Place) is not null)
            .GroupBy(change => change.Place, StringComparer.Ordinal))
        {
            if (CurrentPlan(rules, place.Key, today) is { } plan)
            {
                yield return (place.Key, plan, [.. place.Select(change => Period.Parse(change.Period)).Distinct()]);
            }
        }
    }

    /// <summary>Every changed place and every place with sums above it (its plan's own place and the places between), each with the periods that changed.</summary>
    private static Dictionary<string, HashSet<Period>> PeriodsAbove(RuleBook rules, IReadOnlyList<FigureChange> changes)
    {
        var above = new Dictionary<string, HashSet<Period>>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (!Period.TryParse(change.Period, out var period) || rules.FindPlan(period, change.Place) is not { } plan)
            {
                continue;
            }

            foreach (var place in plan.Places.AncestorsOf(change.Place).Select(place => place.Id).Prepend(change.Place))
            {
                if (!above.TryGetValue(place, out var periods))
                {
                    above[place] = periods = [];
                }

                periods.Add(period);
            }
        }

        return above;
    }

    /// <summary>
    /// Whether the home page lists the plans rather than being one place's page: when the rules follow plans of several
    /// places (the old district's and a new commune's, after a reform).
    /// </summary>
    public static bool HomeListsPlans(RuleBook? rules) => Districts(rules).Count > 1;

    /// <summary>The home page listing the plans of <paramref name="rules"/>, its links to published files or to live pages.</summary>
    public string RenderHome(RuleBook rules, PageLinks links) =>
        PlansPage.Render(rules, ReportingCalendar.VietnamDate(_clock.GetUtcNow()), place => links == PageLinks.Live ? $"api/page/{Uri.EscapeDataString(place)}" : PageName(rules, place));

    /// <summary>
    /// The places of the rules' plans with places below them other than a plan's own (a province plan's districts), in
    /// plan order, whenever they existed: their sums change with every report below them, as the district's do.
    /// </summary>
    private static IEnumerable<string> PlacesBetween(RuleBook? rules) =>
        (rules?.Plans ?? []).SelectMany(plan => plan.Communes.Where(place => plan.Places.ChildrenOf(place.Id).Count > 0)).Select(place => place.Id);

    /// <summary>
    /// The page of a place: the site's home page for the district when the rules hold one district (the
    /// usual case: the link officials are given), else <c>{id}.html</c>.
    /// </summary>
    public static string PageName(RuleBook? rules, string jurisdiction) =>
        Districts(rules).SequenceEqual([jurisdiction]) ? HomePage : $"{jurisdiction}.html";

    private static IReadOnlyList<string> Districts(RuleBook? rules) => rules?.Districts() ?? [];

    /// <summary>The plan the page shows: the newest one already started that includes the place, else the first that includes it.</summary>
    private static Plan? CurrentPlan(RuleBook rules, string jurisdiction, DateOnly today) =>
        rules.Plans.Where(candidate => candidate.HasJurisdiction(jurisdiction)).OrderByDescending(candidate => candidate.StartYear).FirstOrDefault(candidate => candidate.StartYear <= today.Year)
        ?? rules.Plans.FirstOrDefault(candidate => candidate.HasJurisdiction(jurisdiction));

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scorecard page {Page} with {Count} result(s)")]
    private partial void LogPublished(string page, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the scorecard page of {Jurisdiction}; the next run will")]
    private partial void LogPublishFailed(Exception exception, string jurisdiction);
}

/// <summary>Where a scorecard page's links to other places lead.</summary>
public enum PageLinks
{
    /// <summary>To the pages published in the static website (<c>tan-canh.html</c>); only those already published.</summary>
    Published,

    /// <summary>To the same host's live pages (<c>/api/page/tan-canh</c>), relative to the page itself.</summary>
    Live,

    /// <summary>To the files of every place, all written together into one folder (<see cref="DashboardPublisher.RenderSiteAsync"/>).</summary>
    Site,
}

/// <summary>
/// What a sweep has read already for a place's page, so that building it reads neither again: the place's latest results
/// of every period (<see cref="SweepPlaceReads"/>) and every report of the plan the page shows (one partition, read once
/// for all the places of the plan the sweep publishes). Either may be null: then the page reads it.
/// </summary>
/// <param name="Latest">The place's latest results of every period.</param>
/// <param name="PlanReports">Every report indexed under the page's plan.</param>
public sealed record SweepPageReads(IReadOnlyList<StoredResult>? Latest, IReadOnlyList<ReportRecord>? PlanReports);

/// <summary>One page of the site: its file name and its HTML.</summary>
/// <param name="Name">The file name (<c>index.html</c>, <c>tan-canh.html</c>, <c>dak-to-2019.html</c>).</param>
/// <param name="Html">The page.</param>
public sealed record SitePage(string Name, string Html);
