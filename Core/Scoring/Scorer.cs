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
    public static Scorecard Score(Report report)
    {
        var scores = new IndicatorScore[report.Values.Count];
        for (var index = 0; index < scores.Length; index++)
        {
            var reported = report.Values[index];
            scores[index] = ScoreOne(reported.Indicator, reported.Measurement, report.Period);
        }

        Array.Sort(scores, (left, right) => left.Indicator.Position.CompareTo(right.Indicator.Position));
        return new Scorecard(report.File, report.Period, report.Jurisdiction, report.Plan.Id, report.Plan.Version, scores);
    }

    /// <summary>Scores one value of <paramref name="indicator"/> reported for <paramref name="period"/>.</summary>
    public static IndicatorScore ScoreOne(Indicator indicator, Measurement measurement, Period period)
    {
        if (measurement.Kind == MeasurementKind.NotApplicable)
        {
            return new IndicatorScore(indicator, measurement, period, Status.NotApplicable, StatusReason.NothingToMeasure, null, null);
        }

        var value = measurement.Value;
        if (indicator.MeetsTarget(value))
        {
            return new IndicatorScore(indicator, measurement, period, Status.Met, StatusReason.TargetMet, null, null);
        }

        var definition = indicator.Definition;
        if (indicator.ChangesOnlyAtElections)
        {
            return Elected(indicator, measurement, period);
        }

        if (definition.EveryYear)
        {
            // A target for every year: a year's report that misses it is final; half a year leaves time to catch up.
            return period.Kind == PeriodKind.Annual
                ? new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.YearNotMet, null, definition.Target)
                : new IndicatorScore(indicator, measurement, period, Status.FallingBehind, StatusReason.YearNotMetYet, null, definition.Target);
        }

        if (period.TimePoint >= definition.TargetYear)
        {
            return new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.TargetYearReached, null, definition.Target);
        }

        if (indicator.Unit.IsCategory)
        {
            return OffTrack(StatusReason.CategoryBelowTarget, null);
        }

        if (definition.Baseline is not { } baseline || definition.BaselineYear is not { } baselineYear)
        {
            return OffTrack(StatusReason.NoBaseline, null);
        }

        if (indicator.MeetsTarget(baseline))
        {
            return OffTrack(StatusReason.SlippedFromBaseline, definition.Target);
        }

        var (ratio, expected) = ProgressMath.Measure(definition.Path, value, period.TimePoint, baseline, baselineYear, definition.Target, definition.TargetYear);
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
    /// previous term's figure: off track, since only the coming election can reach the target, unless the target year
    /// has come.
    /// </summary>
    private static IndicatorScore Elected(Indicator indicator, Measurement measurement, Period period)
    {
        if (indicator.ElectionBy(period.Year) is not null)
        {
            return new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.ElectionResultBelowTarget, null, null);
        }

        return period.TimePoint >= indicator.Definition.TargetYear
            ? new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.TargetYearReached, null, indicator.Target)
            : new IndicatorScore(indicator, measurement, period, Status.OffTrack, StatusReason.ElectionAhead, null, null);
    }
}
