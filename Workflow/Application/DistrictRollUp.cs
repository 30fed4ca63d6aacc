using System.Globalization;
using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Scoring;
using GenderPlan.Documents.Alerts;
using GenderPlan.Documents.Email;
using GenderPlan.Workflow.Notifications;
using GenderPlan.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace GenderPlan.Workflow.Application;

/// <summary>
/// Keeps every added-up figure of a plan current: after a report below it is stored, the plan's own place (the district
/// over its communes, the province over its districts and communes) and every place between (each district of a
/// province's plan) are added up again from the current results of the places below them for the period
/// (<see cref="PlaceRollUp"/>), scored, and stored under their own place beside its reported figures, with their coverage.
/// The plan's own sums are alerted like a district report (once per status; the alert state is kept apart from the
/// reported figures'), and where its reported and added-up figures differ by more than the rule's tolerance, the lead and
/// the coordinator get one notice. A place between is alerted through its committee, or not at all
/// (<see cref="CommuneRollUp.AudienceOf"/>). Everything is queued in the outbox; the caller sends.
/// </summary>
public sealed partial class DistrictRollUp
{
    private readonly ResultStore _results;
    private readonly ReportDecisionStore _decisions;
    private readonly VerdictRecorder _recorder;
    private readonly Notifier _notifier;
    private readonly ILogger<DistrictRollUp> _logger;
    private readonly CommuneFigures _figures;
    private readonly PlaceReportIndex _index;
    private readonly ReportLog _reports;
    private readonly SweepPlaceReads _placeReads;

    /// <summary>Creates the handler.</summary>
    public DistrictRollUp(
        ResultStore results, ReportDecisionStore decisions, VerdictRecorder recorder, Notifier notifier, ILogger<DistrictRollUp> logger, CommuneFigures figures,
        PlaceReportIndex index, ReportLog reports, SweepPlaceReads placeReads)
    {
        _placeReads = placeReads;
        _figures = figures;
        _index = index;
        _reports = reports;
        _results = results;
        _decisions = decisions;
        _recorder = recorder;
        _notifier = notifier;
        _logger = logger;
    }

    /// <summary>
    /// Adds up the plan's own place and every place between for <paramref name="period"/> again; returns the ids of the
    /// emails it queued. A place between whose places below reported nothing new since its sums were stored, under the
    /// same rules, is left as it is: that is every place but the ancestors of the report that set this off, so a commune's
    /// report rewrites its district's and its province's sums, not its neighbours'.
    /// </summary>
    /// <param name="rules">The rules in force.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="period">The period.</param>
    /// <param name="now">When the sums are added up.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="resolution">
    /// Why a sum that passes now would pass: new commune figures, or (when only a rules change set this off) the same
    /// figures judged by new rules, which a resolved notice must not credit to the communes.
    /// </param>
    /// <param name="changed">
    /// The places whose figures changed since the last roll-up (the sweep's, from the change log): only they are read again
    /// when the figures stored by the last roll-up are recent enough. Null reads every place that has a report for the period.
    /// </param>
    /// <param name="returns">
    /// The period's returns, when the caller read them for several plans at once (the sweep); null reads them. Read before
    /// the results either way.
    /// </param>
    public async Task<IReadOnlyList<string>> RecomputeAsync(
        RuleBook rules, Plan plan, Period period, DateTimeOffset now, CancellationToken cancellationToken, ResolvedBecause resolution = ResolvedBecause.FigureImproved,
        IReadOnlySet<string>? changed = null, IReadOnlyList<StoredDecision>? returns = null)
    {
        var district = plan.District.Id;
        // Returned reports whose results are gone count in the basis (read before the results, so a return counted here
        // has its results restored in what is read below): sums added up without them are newer than those with them.
        var returned = (returns ?? await _decisions.ReturnsAsync(period, cancellationToken))
            .Where(decision => decision.Progress >= ReturnProgress.ResultsRestored)
            .GroupBy(decision => decision.Jurisdiction, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(decision => decision.Weight), StringComparer.Ordinal);
        // The figures stored by the last roll-up: with them, only the places that changed since are read again (and the
        // plan's own place and the places between, whose sums are compared and replaced), unless they were last read whole
        // over six hours ago. Otherwise the whole is read: every place of the plan with a report for the period (the report
        // index; on a province's first sweep of a period a handful of its hundred-odd places), one partition each, read
        // side by side. A place without a report has no result to read.
        var known = await _figures.FindAsync(district, period, cancellationToken);
        var incremental = changed is not null && known is not null && now - known.ReadWholeAt < ReadWholeEvery;
        IEnumerable<string> below = incremental ? changed! : [.. await ReportingAsync(rules, plan, period, cancellationToken), .. changed ?? Enumerable.Empty<string>()];
        List<string> places =
        [
            district, .. PlaceRollUp.PlacesBetween(plan, period).Select(place => place.Id),
            .. below.Where(place => place != district && plan.Places.Find(place) is not null),
        ];
        places = [.. places.Distinct(StringComparer.Ordinal)];
        // A place that changed and has no place below it gets its page from this sweep (SweepPlaceReads): its every period is
        // read in the same one request, for the page to show.
        var shown = changed?.Where(place => !plan.IsDistrict(place) && plan.Places.Find(place) is not null && plan.Places.ChildrenOf(place).Count == 0).ToHashSet(StringComparer.Ordinal) ?? [];
        async Task<IReadOnlyList<StoredResult>> ReadAsync(string place) => shown.Contains(place)
            ? [.. (await _placeReads.ReadAsync(place, cancellationToken)).Where(result => result.Period == period.ToString())]
            : await _results.LatestAsync(place, period.ToString(), cancellationToken);
        var reads = await Task.WhenAll(places.Select(ReadAsync));
        var fresh = reads.Skip(1).SelectMany(results => results).Where(result => result.Source == FigureSource.Reported).Select(Compared);
        var reread = places.ToHashSet(StringComparer.Ordinal);
        var reported = incremental ? [.. known!.Figures.Where(figure => !reread.Contains(figure.Place)), .. fresh] : fresh.ToList();
        var stored = places.Zip(reads).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
        var queued = new List<string>(await RecomputeOwnPlaceAsync(
            rules, plan, period, now, reads[0], reported, returned, resolution, (known, incremental ? known!.ReadWholeAt : now), cancellationToken));
        foreach (var place in PlaceRollUp.PlacesBetween(plan, period))
        {
            queued.AddRange(await RecomputeBetweenAsync(rules, plan, place, period, now, stored.GetValueOrDefault(place.Id) ?? [], reported, returned, resolution, cancellationToken));
        }

        return queued;
    }

    /// <summary>
    /// The places of <paramref name="plan"/> with a report for <paramref name="period"/>, from the report index under the
    /// plan's own place, once the reports recorded before the index are in it: the places whose results a whole read needs.
    /// </summary>
    private async Task<IReadOnlySet<string>> ReportingAsync(RuleBook rules, Plan plan, Period period, CancellationToken cancellationToken)
    {
        await _index.EnsureBuiltAsync(_reports, rules, cancellationToken);
        return await _index.PlacesReportingAsync(plan.District.Id, period, cancellationToken);
    }

    /// <summary>
    /// How long the stored figures stand in for the places that did not change: past it, the sweep reads every place with a report for the period again.
    /// A deadline day's morning or afternoon: a province is read whole about twice on the day, not on each of its sweeps.
    /// </summary>
    public static readonly TimeSpan ReadWholeEvery = TimeSpan.FromHours(6);

    private static ComparedFigure Compared(StoredResult result) =>
        new(result.Jurisdiction, result.Indicator, result.Status, result.Value, result.Counts?.Numerator, result.Counts?.Denominator, result.Arrival);

    private static List<CommuneFigure> Figures(IEnumerable<ComparedFigure> reported) =>
        [.. reported.Select(figure => new CommuneFigure(figure.Place, figure.Indicator, figure.Value, figure.Counts))];

    /// <summary>The plan's own place, added up from every reporting place below it: stored, alerted to the leads, compared with its reported figures.</summary>
    private async Task<IReadOnlyList<string>> RecomputeOwnPlaceAsync(
        RuleBook rules, Plan plan, Period period, DateTimeOffset now, IReadOnlyList<StoredResult> stored, IReadOnlyList<ComparedFigure> reported,
        IReadOnlyDictionary<string, long> returned, ResolvedBecause resolution, (StoredFigures? Known, DateTimeOffset ReadWholeAt) figuresRead, CancellationToken cancellationToken)
    {
        var district = plan.District.Id;
        var basis = reported.Sum(figure => figure.Arrival) + returned.Where(entry => entry.Key != district).Sum(entry => entry.Value);
        if (stored.Any(result => result.Source == FigureSource.Communes && result.Arrival > basis))
        {
            // The stored sums were added up from later reports than this computation read: it has nothing newer to say.
            LogSuperseded(district, period.ToString());
            return [];
        }

        await StoreFiguresAsync(district, period, reported, basis, figuresRead, cancellationToken);
        var rolled = CommuneRollUp.Compute(plan, period, Figures(reported));
        var stale = StaleOf(stored, rolled);
        if (rolled.Count == 0)
        {
            await _results.SaveRolledUpAsync(district, period, [], stale, plan.Version, now, basis, cancellationToken);
            return [];
        }

        // The disagreements first, then the sums: a notice the stored sums already disagree the same way about was told
        // when they were stored (or when the plan's place reported since), so only the new ones are queued, and a roll-up
        // cut short between the two tells them again rather than never.
        var sums = rolled.Select(item => new Sum(item.Score.Indicator.Code, item.Score.Value, item.Coverage));
        var added = new List<string>(await QueueDiscrepanciesAsync(rules, plan, period, stored, sums, cancellationToken, skipToldBefore: true));
        added.AddRange(await RecordAsync(rules, plan, district, plan.District.Name, period, rolled, stale, now, basis, SumsAudience.Leads, resolution, cancellationToken));
        LogRolledUp(district, period.ToString(), rolled.Count, added.Count);
        return added;
    }

    /// <summary>
    /// A place between (a district of a province's plan), added up from the reporting places below it with the same
    /// superseded and stale rules as the plan's own place, under its own partition. Its own reported figures are not
    /// compared with its sums: the disagreement notice is the plan's leads' and coordinator's, about the plan's own place.
    /// </summary>
    private async Task<IReadOnlyList<string>> RecomputeBetweenAsync(
        RuleBook rules, Plan plan, Jurisdiction place, Period period, DateTimeOffset now, IReadOnlyList<StoredResult> stored, IReadOnlyList<ComparedFigure> reported,
        IReadOnlyDictionary<string, long> returned, ResolvedBecause resolution, CancellationToken cancellationToken)
    {
        // Its basis counts the results of the places below it only, so a report elsewhere in the tree leaves it unchanged.
        var below = plan.Places.DescendantsOf(place.Id, period).Select(each => each.Id).ToHashSet(StringComparer.Ordinal);
        var basis = reported.Where(figure => below.Contains(figure.Place)).Sum(figure => figure.Arrival)
            + returned.Where(entry => below.Contains(entry.Key)).Sum(entry => entry.Value);
        var sums = stored.Where(result => result.Source == FigureSource.Communes).ToList();
        if (sums.Any(result => result.Arrival > basis))
        {
            LogSuperseded(place.Id, period.ToString());
            return [];
        }

        if (sums.Count > 0 && sums.All(result => result.Arrival == basis && result.RulesVersion == plan.Version))
        {
            // Added up from exactly these results by these rules already: its alerts were claimed before it was stored.
            LogUnchanged(place.Id, period.ToString());
            return [];
        }

        var rolled = PlaceRollUp.ComputeAt(plan, place.Id, period, Figures(reported));
        var stale = StaleOf(stored, rolled);
        var audience = CommuneRollUp.AudienceOf(rules, plan, place.Id);
        if (rolled.Count == 0 || !audience.Alerted)
        {
            if (rolled.Count + stale.Count > 0)
            {
                await _results.SaveRolledUpAsync(place.Id, period, rolled, stale, plan.Version, now, basis, cancellationToken);
                LogRolledUp(place.Id, period.ToString(), rolled.Count, 0);
            }

            return [];
        }

        var added = await RecordAsync(rules, plan, place.Id, place.Name, period, rolled, stale, now, basis, audience, resolution, cancellationToken);
        LogRolledUp(place.Id, period.ToString(), rolled.Count, added.Count);
        return added;
    }

    /// <summary>
    /// Stores what this roll-up added up from, for the page's comparison and the next sweep's roll-up, in place of the row it
    /// read, unless that row holds a later state (a greater basis). When another writer changed the row since it was read,
    /// the row is dropped: the next roll-up reads every place whole rather than trust either.
    /// </summary>
    private async Task StoreFiguresAsync(
        string district, Period period, IReadOnlyList<ComparedFigure> reported, long basis, (StoredFigures? Known, DateTimeOffset ReadWholeAt) figuresRead, CancellationToken cancellationToken)
    {
        if (figuresRead.Known is { } known && known.Basis > basis)
        {
            return;
        }

        if (!await _figures.SaveAsync(district, period, reported, basis, figuresRead.ReadWholeAt, figuresRead.Known, cancellationToken))
        {
            await _figures.ForgetAsync(district, period, cancellationToken);
        }
    }

    /// <summary>Stores <paramref name="rolled"/> under <paramref name="place"/> through the verdicts' one path, alerting <paramref name="audience"/> once per status.</summary>
    private Task<IReadOnlyList<string>> RecordAsync(
        RuleBook rules, Plan plan, string place, string name, Period period, IReadOnlyList<RolledUp> rolled, IReadOnlyList<string> stale, DateTimeOffset now, long basis,
        SumsAudience audience, ResolvedBecause resolution, CancellationToken cancellationToken)
    {
        var card = new Scorecard(FigureSourceText.Communes, period, place, plan.Id, plan.Version, [.. rolled.Select(item => item.Score)]);
        var reference = new ReportReference(
            $"communes~{place}~{period}~{Fingerprint(rolled)}", "tổng hợp từ báo cáo của các xã, thị trấn / the communes' reports added up",
            FigureSourceText.Communes, period, $"{name} (tổng hợp từ các xã, thị trấn)", Committee: audience.Committee, Coordinator: plan.Coordinator, Resolution: resolution);
        return _recorder.RecordAsync(
            rules, new ScoredCard(card, reference, CommuneRollUp.AlertPlaceOf(place), new CommuneSums(rolled, stale, plan.Version, now, basis)), cancellationToken);
    }

    /// <summary>The indicators whose stored sum no place's current report supports any more (a corrected report without its counts): taken away.</summary>
    private static List<string> StaleOf(IReadOnlyList<StoredResult> stored, IReadOnlyList<RolledUp> rolled) =>
        stored.Where(result => result.Source == FigureSource.Communes && !rolled.Any(item => item.Score.Indicator.Code == result.Indicator)).Select(result => result.Indicator).ToList();

    /// <summary>
    /// Compares the district's reported figures with the communes' sums stored for <paramref name="period"/> and queues a
    /// notice for each pair that differs by more than the tolerance; the same pair is never told twice (its id).
    /// </summary>
    public async Task<IReadOnlyList<string>> QueueDiscrepanciesAsync(RuleBook rules, Plan plan, Period period, CancellationToken cancellationToken)
    {
        var stored = await _results.LatestAsync(plan.District.Id, period.ToString(), cancellationToken);
        var sums = stored.Where(result => result.Source == FigureSource.Communes && result.Coverage is not null).Select(result => new Sum(result.Indicator, result.Value, result.Coverage!));
        return await QueueDiscrepanciesAsync(rules, plan, period, stored, sums, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> QueueDiscrepanciesAsync(
        RuleBook rules, Plan plan, Period period, IReadOnlyList<StoredResult> stored, IEnumerable<Sum> sums, CancellationToken cancellationToken, bool skipToldBefore = false)
    {
        var notices = new List<Notice>();
        foreach (var sum in sums)
        {
            var reported = stored.FirstOrDefault(result => result.Source == FigureSource.Reported && result.Indicator == sum.Indicator);
            if (sum.Value is not { } summed || reported?.Value is not { } figure || plan.FindIndicator(sum.Indicator) is not { } indicator
                || Math.Abs(figure - summed) <= indicator.ToleranceFor(figure))
            {
                continue;
            }

            if (skipToldBefore && ToldBefore(stored, indicator, figure, AlertComposer.DiscrepancyFigures(figure, summed, sum.Coverage)))
            {
                continue;
            }

            notices.Add(new FiguresDisagreeNotice(plan, period, indicator, figure, summed, sum.Coverage));
        }

        return notices.Count == 0 ? [] : await _notifier.QueueAsync(rules, $"discrepancy~{plan.District.Id}~{period}", notices, cancellationToken);
    }

    /// <summary>
    /// Whether the sum stored for <paramref name="indicator"/> disagreed with <paramref name="figure"/> as a notice with
    /// <paramref name="figures"/> says: that notice was queued when the sum was stored, or when the figure was reported after it.
    /// </summary>
    private static bool ToldBefore(IReadOnlyList<StoredResult> stored, Indicator indicator, decimal figure, string figures) =>
        stored.FirstOrDefault(result => result.Source == FigureSource.Communes && result.Indicator == indicator.Code) is { Value: { } before, Coverage: { } coverage }
        && Math.Abs(figure - before) > indicator.ToleranceFor(figure)
        && AlertComposer.DiscrepancyFigures(figure, before, coverage) == figures;

    /// <summary>One indicator's sum over the communes: its value (null for 0/0) and what it covers.</summary>
    private sealed record Sum(string Indicator, decimal? Value, Coverage Coverage);

    /// <summary>A short label of the added-up figures, so alerts about different sums get different ids.</summary>
    private static string Fingerprint(IReadOnlyList<RolledUp> rolled) =>
        Keys.Hash([.. rolled.Select(item => string.Create(CultureInfo.InvariantCulture, $"{item.Score.Indicator.Code}={item.Score.Value}/{item.Coverage.Reported}"))])[..12];

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept the sums of {Place} {Period}: they were added up from later reports of the places below it")]
    private partial void LogSuperseded(string place, string period);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kept the sums of {Place} {Period}: nothing below it changed")]
    private partial void LogUnchanged(string place, string period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added up {Place} {Period} from the places below it: {Count} indicator(s), {Emails} new email(s)")]
    private partial void LogRolledUp(string place, string period, int count, int emails);
}
