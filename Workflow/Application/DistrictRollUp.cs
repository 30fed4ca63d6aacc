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
/// Keeps the district's figures added up from its communes current: after a commune's report is stored, the
/// commune-level indicators are added up again from every commune's current results for the period
/// (<see cref="CommuneRollUp"/>), scored, stored beside the department's own figures with their coverage, and
/// alerted like a district report (once per status; the alert state is kept apart from the reported figures').
/// Where a reported and an added-up figure both exist and differ by more than the rule's tolerance, the lead and
/// the coordinator get one notice. Everything is queued in the outbox; the caller sends.
/// </summary>
public sealed partial class DistrictRollUp
{
    private readonly ResultStore _results;
    private readonly VerdictRecorder _recorder;
    private readonly Notifier _notifier;
    private readonly ILogger<DistrictRollUp> _logger;

    /// <summary>Creates the handler.</summary>
    public DistrictRollUp(ResultStore results, VerdictRecorder recorder, Notifier notifier, ILogger<DistrictRollUp> logger)
    {
        _results = results;
        _recorder = recorder;
        _notifier = notifier;
        _logger = logger;
    }

    /// <summary>Adds up the district's figures for <paramref name="period"/> again; returns the ids of the emails it queued.</summary>
    /// <param name="rules">The rules in force.</param>
    /// <param name="plan">The district's plan.</param>
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
        // One partition per commune and the district's, read side by side: the roll-up waits for the slowest read,
        // not for ten in turn.
        var district = plan.District.Id;
        var reads = await Task.WhenAll(plan.Communes.Select(place => place.Id).Prepend(district).Select(place => _results.LatestAsync(place, period.ToString(), cancellationToken)));
        var stored = reads[0];
        var reported = reads.Skip(1).SelectMany(results => results).Where(result => result.Source == FigureSource.Reported).ToList();
        var figures = reported.Select(result => new CommuneFigure(result.Jurisdiction, result.Indicator, result.Value, result.Counts)).ToList();
        var basis = ResultStore.BasisOf(reported);
        if (stored.Any(result => result.Source == FigureSource.Communes && result.Arrival > basis))
        {
            // The stored sums were added up from later reports than this computation read: it has nothing newer to say.
            LogSuperseded(district, period.ToString());
            return [];
        }

        var rolled = CommuneRollUp.Compute(plan, period, figures);
        // A sum no commune's current report supports any more (a corrected report without its counts) is taken away.
        var stale = stored.Where(result => result.Source == FigureSource.Communes && !rolled.Any(item => item.Score.Indicator.Code == result.Indicator)).Select(result => result.Indicator).ToList();
        if (rolled.Count == 0)
        {
            await _results.SaveRolledUpAsync(district, period, [], stale, plan.Version, now, basis, cancellationToken);
            return [];
        }

        var card = new Scorecard(FigureSourceText.Communes, period, district, plan.Id, plan.Version, [.. rolled.Select(item => item.Score)]);
        var reference = new ReportReference(
            $"communes~{district}~{period}~{Fingerprint(rolled)}", "tổng hợp từ báo cáo của các xã, thị trấn / the communes' reports added up",
            FigureSourceText.Communes, period, $"{plan.District.Name} (tổng hợp từ các xã, thị trấn)", Coordinator: plan.Coordinator, Resolution: resolution);
        var added = new List<string>();
        added.AddRange(await _recorder.RecordAsync(
            rules, new ScoredCard(card, reference, CommuneRollUp.AlertPlaceOf(district), new CommuneSums(rolled, stale, plan.Version, now, basis)), cancellationToken));
        var sums = rolled.Select(item => new Sum(item.Score.Indicator.Code, item.Score.Value, item.Coverage));
        added.AddRange(await QueueDiscrepanciesAsync(rules, plan, period, stored, sums, cancellationToken));
        LogRolledUp(district, period.ToString(), rolled.Count, added.Count);
        return added;
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept the sums of {District} {Period}: they were added up from later commune reports")]
    private partial void LogSuperseded(string district, string period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added up {District} {Period} from its communes: {Count} indicator(s), {Emails} new email(s)")]
    private partial void LogRolledUp(string district, string period, int count, int emails);
}
