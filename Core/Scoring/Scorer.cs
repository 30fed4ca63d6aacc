using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// Scores a parsed report with its plan's compiled rules. Pure and allocation-light: the thresholds were
/// compiled when the rules loaded, so this is a delegate call and a little arithmetic per indicator.
/// </summary>
public static class Scorer
{
    /// <summary>Scores every reported value of <paramref name="report"/>, in the plan's order.</summary>
    /// <param name="report">The report.</param>
    /// <param name="carried">
    /// Baselines of a merged place added up from its former places, by indicator code (<see cref="CarriedBaselines"/>), used
    /// where the rule has no baseline; none by default.
    /// </param>
    public static Scorecard Score(Report report, IReadOnlyDictionary<string, CarriedOver>? carried = null)
    {
        var scores = new IndicatorScore[report.Values.Count];
        for (var index = 0; index < scores.Length; index++)
        {
            var reported = report.Values[index];
            scores[index] = carried is not null && carried.TryGetValue(reported.Indicator.Code, out var from)
                ? ScoreOne(reported.Indicator, reported.Measurement, report.Period, from)
                : ScoreOne(reported.Indicator, reported.Measurement, report.Period);
        }

        Array.Sort(scores, (left, right) => left.Indicator.Position.CompareTo(right.Indicator.Position));
        return new Scorecard(report.File, report.Period, report.Jurisdiction, report.Plan.Id, report.Plan.Version, scores);
    }

    /// <summary>Scores one value of <paramref name="indicator"/> reported for <paramref name="period"/>.</summary>
    public static IndicatorScore ScoreOne(Indicator indicator, Measurement measurement, Period period) => ScoreOne(indicator, measurement, period, null);

    /// <summary>
    /// Scores one value of a merged place, measured from <paramref name="carried"/> (its former places' baseline figure added
    /// up) where the rule has no baseline; the score keeps it, so its explanation says where the baseline came from.
    /// </summary>
    public static IndicatorScore ScoreOne(Indicator indicator, Measurement measurement, Period period, CarriedOver? carried)
    {
        var score = Judge(indicator, measurement, period, carried);
        return carried is null || indicator.Baseline is not null ? score : score with { CarriedBaseline = carried };
    }

    private static IndicatorScore Judge(Indicator indicator, Measurement measurement, Period period, CarriedOver? carried)
    {
        if (measurement.Kind == MeasurementKind.NotApplicable)
        {
            return new IndicatorScore(indicator, measurement, period, Status.NotApplicable, StatusReason.NothingToMeasure, null, null);
        }

        var value = measurement.Value;
        // "target" is bound to the milestone in force: the first whose year is not before the period's.
        var stretch = IndicatorScore.StretchOf(indicator, period, carried);

        var milestone = stretch.Milestone;
        if (indicator.Meets(value, milestone))
        {
            return new IndicatorScore(indicator, measurement, period, Status.Met, StatusReason.TargetMet, null, null);
        }

        var definition = indicator.Definition;
        if (indicator.ChangesOnlyAtElections)
        {
            return Elected(indicator, measurement, period, milestone);
        }

        if (definition.EveryYear)
        {
            // A target for every year: a year's report that misses it is final; half a year leaves time to catch up.
            return period.Kind == PeriodKind.Annual
                ? new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.YearNotMet, null, milestone.Target)
                : new IndicatorScore(indicator, measurement, period, Status.FallingBehind, StatusReason.YearNotMetYet, null, milestone.Target);
        }

        // At a milestone's year (or after the last) the verdict on that milestone is final.
        if (period.TimePoint >= milestone.Year)
        {
            return new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.TargetYearReached, null, milestone.Target);
        }

        if (indicator.Unit.IsCategory)
        {
            return OffTrack(StatusReason.CategoryBelowTarget, null);
        }

        // The stretch starts at the baseline, or at the previous milestone's target (the plan's commitment, not the figure reached).
        if (stretch.Start is not { } start || stretch.StartYear is not { } startYear)
        {
            return OffTrack(StatusReason.NoBaseline, null);
        }

        if (indicator.Meets(start, milestone))
        {
            return OffTrack(StatusReason.SlippedFromBaseline, milestone.Target);
        }

        var (ratio, expected) = ProgressMath.Measure(definition.Path, value, period.TimePoint, start, startYear, milestone.Target, milestone.Year);
        var status = ratio >= ProgressMath.OnTrackRatio ? Status.OnTrack
            : ratio >= ProgressMath.FallingBehindRatio ? Status.FallingBehind
            : Status.OffTrack;
        return new IndicatorScore(indicator, measurement, period, status, StatusReason.PaceMeasured, ratio, expected);

        IndicatorScore OffTrack(StatusReason reason, decimal? expectedNow) =>
            new(indicator, measurement, period, Status.OffTrack, reason, null, expectedNow);
    }

    /// <summary>
    /// An elected figure below its target. After an election the report carries that election's result, fixed for the
    /// term: missed, final, with no path to be on or off (a straight line between elections would call a council
    /// "falling behind" for four years over a figure nobody can change). Before the first listed election it is still the
    /// previous term's figure: off track, since only the coming election can reach the target, unless the milestone's
    /// year has come. The target is the milestone in force, as for any figure.
    /// </summary>
    private static IndicatorScore Elected(Indicator indicator, Measurement measurement, Period period, Milestone milestone)
    {
        if (indicator.ElectionBy(period.Year) is not null)
        {
            return new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.ElectionResultBelowTarget, null, null);
        }

        return period.TimePoint >= milestone.Year
            ? new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.TargetYearReached, null, milestone.Target)
            : new IndicatorScore(indicator, measurement, period, Status.OffTrack, StatusReason.ElectionAhead, null, null);
    }
}
