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

    /// <summary>Creates the handler.</summary>
    public DistrictRollUp(ResultStore results, ReportDecisionStore decisions, VerdictRecorder recorder, Notifier notifier, ILogger<DistrictRollUp> logger, CommuneFigures figures)
    {
        _figures = figures;
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
    public async Task<IReadOnlyList<string>> RecomputeAsync(
        RuleBook rules, Plan plan, Period period, DateTimeOffset now, CancellationToken cancellationToken, ResolvedBecause resolution = ResolvedBecause.FigureImproved)
    {
        // Plan.Communes is every place of the plan but its own, at any depth (a province plan's districts and communes
        // alike), so these reads hold what every place adds up from (each place's PlaceRollUp.Contributors) and the sums
        // stored under each place between. One partition per place, read side by side: the roll-up waits for the slowest
        // read, not for all of them in turn.
        var places = plan.Communes.Select(place => place.Id).Prepend(plan.District.Id).ToList();
        // Returned reports whose results are gone count in the basis (read before the results, so a return counted here
        // has its results restored in what is read below): sums added up without them are newer than those with them.
        var returned = (await _decisions.ForPeriodAsync(period, cancellationToken)).Values
            .Where(decision => decision.Progress >= ReturnProgress.ResultsRestored)
            .GroupBy(decision => decision.Jurisdiction, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(decision => decision.Weight), StringComparer.Ordinal);
        var reads = await Task.WhenAll(places.Select(place => _results.LatestAsync(place, period.ToString(), cancellationToken)));
        var reported = reads.Skip(1).SelectMany(results => results).Where(result => result.Source == FigureSource.Reported).ToList();
        var figures = reported.Select(result => new CommuneFigure(result.Jurisdiction, result.Indicator, result.Value, result.Counts)).ToList();
        var queued = new List<string>(await RecomputeOwnPlaceAsync(rules, plan, period, now, reads[0], reported, figures, returned, resolution, cancellationToken));
        var stored = places.Zip(reads).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
        foreach (var place in PlaceRollUp.PlacesBetween(plan, period))
        {
            queued.AddRange(await RecomputeBetweenAsync(rules, plan, place, period, now, stored.GetValueOrDefault(place.Id) ?? [], reported, figures, returned, resolution, cancellationToken));
        }

        return queued;
    }

    /// <summary>The plan's own place, added up from every reporting place below it: stored, alerted to the leads, compared with its reported figures.</summary>
    private async Task<IReadOnlyList<string>> RecomputeOwnPlaceAsync(
        RuleBook rules, Plan plan, Period period, DateTimeOffset now, IReadOnlyList<StoredResult> stored, IReadOnlyList<StoredResult> reported, IReadOnlyList<CommuneFigure> figures,
        IReadOnlyDictionary<string, long> returned, ResolvedBecause resolution, CancellationToken cancellationToken)
    {
        var district = plan.District.Id;
        var basis = ResultStore.BasisOf(reported) + returned.Where(entry => entry.Key != district).Sum(entry => entry.Value);
        if (stored.Any(result => result.Source == FigureSource.Communes && result.Arrival > basis))
        {
            // The stored sums were added up from later reports than this computation read: it has nothing newer to say.
            LogSuperseded(district, period.ToString());
            return [];
        }

        // What the district's page compares: every place's figures as just read, so the page reads one partition, not every commune.
        await _figures.SaveAsync(
            district, period, [.. reported.Select(result => new ComparedFigure(result.Jurisdiction, result.Indicator, result.Status, result.Value))], unlessStored: false, cancellationToken);
        var rolled = CommuneRollUp.Compute(plan, period, figures);
        var stale = StaleOf(stored, rolled);
        if (rolled.Count == 0)
        {
            await _results.SaveRolledUpAsync(district, period, [], stale, plan.Version, now, basis, cancellationToken);
            return [];
        }

        var added = new List<string>();
        added.AddRange(await RecordAsync(rules, plan, district, plan.District.Name, period, rolled, stale, now, basis, SumsAudience.Leads, resolution, cancellationToken));
        var sums = rolled.Select(item => new Sum(item.Score.Indicator.Code, item.Score.Value, item.Coverage));
        added.AddRange(await QueueDiscrepanciesAsync(rules, plan, period, stored, sums, cancellationToken));
        LogRolledUp(district, period.ToString(), rolled.Count, added.Count);
        return added;
    }

    /// <summary>
    /// A place between (a district of a province's plan), added up from the reporting places below it with the same
    /// superseded and stale rules as the plan's own place, under its own partition. Its own reported figures are not
    /// compared with its sums: the disagreement notice is the plan's leads' and coordinator's, about the plan's own place.
    /// </summary>
    private async Task<IReadOnlyList<string>> RecomputeBetweenAsync(
        RuleBook rules, Plan plan, Jurisdiction place, Period period, DateTimeOffset now, IReadOnlyList<StoredResult> stored, IReadOnlyList<StoredResult> reported,
        IReadOnlyList<CommuneFigure> figures, IReadOnlyDictionary<string, long> returned, ResolvedBecause resolution, CancellationToken cancellationToken)
    {
        // Its basis counts the results of the places below it only, so a report elsewhere in the tree leaves it unchanged.
        var below = plan.Places.DescendantsOf(place.Id, period).Select(each => each.Id).ToHashSet(StringComparer.Ordinal);
        var basis = ResultStore.BasisOf(reported.Where(result => below.Contains(result.Jurisdiction)))
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

        var rolled = PlaceRollUp.ComputeAt(plan, place.Id, period, figures);
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

    private async Task<IReadOnlyList<string>> QueueDiscrepanciesAsync(RuleBook rules, Plan plan, Period period, IReadOnlyList<StoredResult> stored, IEnumerable<Sum> sums, CancellationToken cancellationToken)
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

            notices.Add(new FiguresDisagreeNotice(plan, period, indicator, figure, summed, sum.Coverage));
        }

        return notices.Count == 0 ? [] : await _notifier.QueueAsync(rules, $"discrepancy~{plan.District.Id}~{period}", notices, cancellationToken);
    }

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
