using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Benchmarks;

/// <summary>
/// What a developer would write without rules: every threshold and figure of the 2016-2020 plan typed into
/// C#. It is the yardstick for the compiled rules (goal: at most 2x its time), doing the same comparisons
/// and progress arithmetic (the plan's straight line; the councils judged on the 2016 election) and producing
/// the same scores.
/// </summary>
internal static class HandWrittenScorer
{
    private const int BaselineYear = 2015;
    private const int TargetYear = 2020;

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

    private static IndicatorScore ScoreOne(Indicator indicator, Measurement measurement, Period period)
    {
        if (measurement.Kind == MeasurementKind.NotApplicable)
        {
            return new IndicatorScore(indicator, measurement, period, Status.NotApplicable, StatusReason.NothingToMeasure, null, null);
        }

        var x = measurement.Value;
        var (atLeast, baseline, target) = Figures(indicator.Code);
        var met = atLeast ? x >= target : x <= target;
        if (met)
        {
            return new IndicatorScore(indicator, measurement, period, Status.Met, StatusReason.TargetMet, null, null);
        }

        if (indicator.Code is "G1.1b.district" or "G1.1b.commune")
        {
            // Elected in 2016 for 2016-2021: every report of the plan carries that election's result.
            return new IndicatorScore(indicator, measurement, period, Status.Missed, StatusReason.ElectionResultBelowTarget, null, null);
        }

        if (indicator.Code == "G7.3")
        {
            return new IndicatorScore(indicator, measurement, period, Status.OffTrack, StatusReason.CategoryBelowTarget, null, null);
        }

        if (baseline is not { } b)
        {
            return new IndicatorScore(indicator, measurement, period, Status.OffTrack, StatusReason.NoBaseline, null, null);
        }

        if (atLeast ? b >= target : b <= target)
        {
            return new IndicatorScore(indicator, measurement, period, Status.OffTrack, StatusReason.SlippedFromBaseline, null, target);
        }

        if (period.TimePoint >= TargetYear)
        {
            return new IndicatorScore(indicator, measurement, period, Status.OffTrack, StatusReason.TargetYearReached, null, target);
        }

        // The straight line: b + (x* - b)(t - t0)/(T - t0) is due, and the ratio is the share of that change made.
        var due = (target - b) * (period.TimePoint - BaselineYear) / (TargetYear - BaselineYear);
        var ratio = (double)((x - b) / due);
        var expected = Math.Round(b + due, 4);
        var status = ratio >= 0.95 ? Status.OnTrack : ratio >= 0.5 ? Status.FallingBehind : Status.OffTrack;
        return new IndicatorScore(indicator, measurement, period, status, StatusReason.PaceMeasured, ratio, expected);
    }

    private static (bool AtLeast, decimal? Baseline, decimal Target) Figures(string code) => code switch
    {
        "G1.1a.district" => (true, 15.38m, 15.38m),
        "G1.1a.commune" => (true, 27.77m, 26.56m),
        "G1.1b.district" => (true, 32m, 36.7m),
        "G1.1b.commune" => (true, 29.22m, 35m),
        "G1.2" => (true, null, 70m),
        "G1.3" => (true, null, 70m),
        "G2.1" => (true, 49m, 50m),
        "G2.2" => (true, 2.1m, 20m),
        "G2.3" => (true, 30m, 45m),
        "G2.4" => (true, 80m, 100m),
        "G3.1" => (true, 96.5m, 98m),
        "G3.2a" => (true, 57.1m, 65m),
        "G3.2b" => (true, 0m, 0m),
        "G4.1" => (false, 105m, 105m),
        "G4.2" => (false, null, 50m),
        "G4.3a" => (true, 77.37m, 90m),
        "G4.3b" => (true, null, 90m),
        "G4.4" => (false, 0m, 25m),
        "G5.1" => (false, null, 0m),
        "G5.2" => (true, 90m, 100m),
        "G6.1" => (false, 2m, 1.5m),
        "G6.2a" => (true, 100m, 100m),
        "G6.2b" => (true, 50m, 90m),
        "G6.3" => (true, null, 100m),
        "G7.1" => (true, null, 100m),
        "G7.2" => (true, null, 100m),
        "G7.3" => (true, 1m, 2m),
        "G7.4" => (true, 100m, 100m),
        _ => throw new ArgumentException(code),
    };
}
