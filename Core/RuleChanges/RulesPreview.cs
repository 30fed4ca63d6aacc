using GenderPlan.Core.Alerts;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Core.RuleChanges;

/// <summary>A figure standing now: what was reported (or added up) for an indicator, place and period, and the status it has.</summary>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Jurisdiction">The place.</param>
/// <param name="Period">The period.</param>
/// <param name="Measurement">The value as it was scored, with its counts.</param>
/// <param name="Status">Its status under the rules in force.</param>
/// <param name="AddedUp">Whether it is a place's figure added up from the places below it (the district's from its communes) rather than a reported one.</param>
public sealed record StandingFigure(string Indicator, string Jurisdiction, Period Period, Measurement Measurement, Status Status, bool AddedUp = false);

/// <summary>One verdict a rules change would change.</summary>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Jurisdiction">The place.</param>
/// <param name="Period">The period.</param>
/// <param name="From">The status now.</param>
/// <param name="To">The status under the proposed rules; null when they drop the indicator.</param>
/// <param name="AddedUp">Whether it is a place's figure added up from the places below it.</param>
public sealed record StatusChange(string Indicator, string Jurisdiction, Period Period, Status From, Status? To, bool AddedUp = false);

/// <summary>A unit that would be told, and about which indicators.</summary>
/// <param name="Unit">The unit's id.</param>
/// <param name="Indicators">The indicators' codes.</param>
public sealed record UnitNotice(string Unit, IReadOnlyList<string> Indicators);

/// <summary>What proposed rules would do to the verdicts standing now.</summary>
/// <param name="Changes">Every verdict that would change.</param>
/// <param name="Alerts">Who would be alerted (an indicator newly falling behind, off track or missed).</param>
/// <param name="Resolved">Who would be told an indicator is resolved.</param>
public sealed record RulesPreviewResult(IReadOnlyList<StatusChange> Changes, IReadOnlyList<UnitNotice> Alerts, IReadOnlyList<UnitNotice> Resolved);

/// <summary>
/// Re-scores the figures standing now with proposed rules and says what would change and who would be told,
/// with the same scorer and the same once-per-status rule (<see cref="AlertPlanner"/>) as the workflow, so a
/// preview is what applying the rules then does. Nothing is stored or sent here: the caller reads, this decides.
/// </summary>
public static class RulesPreview
{
    /// <summary>
    /// Compares each standing figure's status with its status under <paramref name="proposed"/>. <paramref name="alerted"/>
    /// gives, per place and period, the statuses already alerted (the key of an added-up figure's place is
    /// <see cref="CommuneRollUp.AlertPlaceOf"/>).
    /// </summary>
    public static RulesPreviewResult Compare(RuleBook proposed, IEnumerable<StandingFigure> figures, Func<string, Period, IReadOnlyDictionary<string, Status>> alerted)
    {
        var changes = new List<StatusChange>();
        var alerts = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var resolved = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var standing = figures.ToList();
        foreach (var group in standing.GroupBy(figure => (figure.Jurisdiction, figure.Period, figure.AddedUp)).OrderBy(group => group.Key.Jurisdiction, StringComparer.Ordinal).ThenBy(group => group.Key.Period))
        {
            var (jurisdiction, period, addedUp) = group.Key;
            var plan = proposed.FindPlan(period, jurisdiction);
            var card = plan is null ? null : Rescore(plan, period, jurisdiction, group, carried: addedUp ? null : Carried(proposed, plan, jurisdiction, standing));
            foreach (var figure in group)
            {
                var now = card?.Scores.FirstOrDefault(score => score.Indicator.Code == figure.Indicator)?.Status;
                if (now != figure.Status)
                {
                    changes.Add(new StatusChange(figure.Indicator, jurisdiction, period, figure.Status, now, addedUp));
                }
            }

            if (card is null)
            {
                continue;
            }

            // Sums are alerted as the workflow alerts them: the plan's own place's to the leads, a place between's to its
            // committee or to nobody (CommuneRollUp.AudienceOf).
            var audience = addedUp ? CommuneRollUp.AudienceOf(proposed, plan!, jurisdiction) : null;
            if (audience is { Alerted: false })
            {
                continue;
            }

            var decided = AlertPlanner.Plan(card, alerted(addedUp ? CommuneRollUp.AlertPlaceOf(jurisdiction) : jurisdiction, period));
            var committee = addedUp ? audience!.Committee : proposed.CommitteeOf(jurisdiction)?.Id;
            Collect(alerts, decided.Behind, committee);
            Collect(resolved, decided.Recovered, committee);
        }

        return new RulesPreviewResult(
            changes.OrderBy(change => change.Indicator, StringComparer.Ordinal).ThenBy(change => change.Jurisdiction, StringComparer.Ordinal).ThenBy(change => change.Period).ToList(),
            Notices(alerts),
            Notices(resolved));
    }

    /// <summary>
    /// <paramref name="figures"/> of one place and period scored with <paramref name="plan"/>, as if they were reported
    /// again: the one way the preview and the re-scoring of a new rules version score what stands. Figures of
    /// indicators the plan no longer has are left out.
    /// </summary>
    /// <param name="plan">The plan that scores them.</param>
    /// <param name="period">Their period.</param>
    /// <param name="jurisdiction">Their place.</param>
    /// <param name="figures">The figures that stand.</param>
    /// <param name="file">The report they came from.</param>
    /// <param name="carried">A merged place's baselines added up from its former places (<see cref="CarriedBaselines"/>), if any.</param>
    public static Scorecard Rescore(Plan plan, Period period, string jurisdiction, IEnumerable<StandingFigure> figures, string file = "", IReadOnlyDictionary<string, CarriedOver>? carried = null)
    {
        var values = figures
            .Select(figure => plan.FindIndicator(figure.Indicator) is { } indicator ? new ReportedValue(indicator, figure.Measurement, 0, null) : null)
            .OfType<ReportedValue>()
            .ToList();
        return Scorer.Score(new Report(file, period, jurisdiction, plan, values), carried);
    }

    // A merged place is judged from its former places' baseline figures, which stand among the others.
    private static IReadOnlyDictionary<string, CarriedOver>? Carried(RuleBook rules, Plan plan, string place, IReadOnlyList<StandingFigure> standing)
    {
        if (CarriedBaselines.SourceFor(rules, plan, place) is not { } source)
        {
            return null;
        }

        var former = source.FormerPlaces.Select(found => found.Id).ToHashSet(StringComparer.Ordinal);
        var figures = standing
            .Where(figure => !figure.AddedUp && figure.Period == source.Period && former.Contains(figure.Jurisdiction))
            .Select(figure => new CommuneFigure(figure.Jurisdiction, figure.Indicator, figure.Measurement.Kind == MeasurementKind.Number ? figure.Measurement.Value : null, figure.Measurement.Counts))
            .ToList();
        return CarriedBaselines.Compute(rules, plan, place, figures);
    }

    // A commune's alerts (and a place between's sums') go to its committee; the district's to each indicator's lead, as the workflow addresses them.
    private static void Collect(Dictionary<string, SortedSet<string>> notices, IEnumerable<IndicatorScore> scores, string? committee)
    {
        foreach (var score in scores)
        {
            var unit = committee ?? score.Indicator.Lead;
            if (!notices.TryGetValue(unit, out var codes))
            {
                notices[unit] = codes = new SortedSet<string>(StringComparer.Ordinal);
            }

            codes.Add(score.Indicator.Code);
        }
    }

    private static List<UnitNotice> Notices(Dictionary<string, SortedSet<string>> notices) =>
        notices.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new UnitNotice(pair.Key, pair.Value.ToList())).ToList();
}
