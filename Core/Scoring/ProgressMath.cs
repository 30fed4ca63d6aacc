using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// Where an indicator should stand at a time on its path from the baseline b (year t0) to the target x* (year T), and
/// how much of the way due by then a value x has come: the progress ratio, compared with 0.95 (on track) and 0.5
/// (falling behind). Two paths (<see cref="ProgressPath"/>):
/// <list type="bullet">
/// <item><b>Linear</b>, the default, as officials compute "kỳ này cần đạt" by hand: expected(t) = b + (x* − b)·(t − t0)/(T − t0)
/// and ratio = (x − b)/(expected(t) − b). Worked in decimal, so a figure an official checks on paper lands on the same side
/// of 0.5 and 0.95 (G6.1: 2 → 1,5 lần, 1,8 in 2019 is exactly half the way: falling behind, not off track).</item>
/// <item><b>Compound</b>, the UN SDG Progress Chart method (UN ESCAP, "Asia and the Pacific SDG Progress Report",
/// technical note): the growth rate needed, r = (x*/b)^(1/(T − t0)) − 1, expected(t) = b·(1 + r)^(t − t0), and
/// ratio = CAGR_actual / r with CAGR_actual = (x/b)^(1/(t − t0)) − 1; a zero b, x or x* counts as 0.001 (the method's
/// convention, since zero has no growth rate). Doubles are fine there: the roots are irrational anyway.</item>
/// </list>
/// The compound path rises slowly at first and steeply at the end, so it forgives an early lag the straight line shows:
/// G2.2 (2,1% in 2015 → 20% in 2020) at 12% in 2019 is on track against 12,74% but falling behind against 16,42%.
/// For an indicator with several milestones, b and t0 are the start of the stretch in force (the previous milestone's
/// target and year, or the baseline for the first) and x* and T the milestone in force (<see cref="Stretch"/>).
/// </summary>
public static class ProgressMath
{
    /// <summary>Stands in for zero on the compound path, which has no growth rate from or to zero (the method's convention).</summary>
    public const double ZeroSubstitute = 0.001;

    /// <summary>A ratio at or above this is on track.</summary>
    public const double OnTrackRatio = 0.95;

    /// <summary>A ratio at or above this (and below on-track) is falling behind; below it, off track.</summary>
    public const double FallingBehindRatio = 0.5;

    /// <summary>
    /// The progress ratio of <paramref name="value"/> at <paramref name="time"/> (negative when the value moved away from
    /// the target) and where the <paramref name="path"/> from <paramref name="baseline"/> at <paramref name="baselineYear"/>
    /// to <paramref name="target"/> at <paramref name="targetYear"/> stands at that time, rounded to 4 places; the expected
    /// value is null where no decimal holds it (a compound path from a near-zero baseline).
    /// </summary>
    public static (double Ratio, decimal? Expected) Measure(
        ProgressPath path, decimal value, decimal time, decimal baseline, int baselineYear, decimal target, int targetYear)
    {
        if (path == ProgressPath.Compound)
        {
            var (ratio, expected) = Compound((double)value, (double)time, (double)baseline, baselineYear, (double)target, targetYear);
            return (ratio, Representable(expected));
        }

        var due = LinearChange(time, baseline, baselineYear, target, targetYear);
        return (Divide(value - baseline, due), Math.Round(baseline + due, 4));
    }

    /// <summary>Where <paramref name="path"/> stands at <paramref name="time"/>, for drawing it.</summary>
    public static double ExpectedValue(ProgressPath path, double time, double baseline, int baselineYear, double target, int targetYear)
    {
        if (path == ProgressPath.Compound)
        {
            var b = NonZero(baseline);
            return b * Math.Pow(1.0 + RequiredGrowth(b, baselineYear, target, targetYear), time - baselineYear);
        }

        return baseline + ((target - baseline) * (time - baselineYear) / (targetYear - baselineYear));
    }

    /// <summary>The change due by <paramref name="time"/> on the straight line: (x* − b)·(t − t0)/(T − t0).</summary>
    private static decimal LinearChange(decimal time, decimal baseline, int baselineYear, decimal target, int targetYear) =>
        (target - baseline) * (time - baselineYear) / (targetYear - baselineYear);

    // A change due of zero (a target equal to its baseline is met by the baseline and never measured) or a ratio
    // past what a decimal holds falls back to doubles, which give an infinity rather than an exception.
    private static double Divide(decimal made, decimal due)
    {
        try
        {
            return due == 0 ? (double)made / (double)due : (double)(made / due);
        }
        catch (OverflowException)
        {
            return (double)made / (double)due;
        }
    }

    private static (double Ratio, double Expected) Compound(double value, double time, double baseline, int baselineYear, double target, int targetYear)
    {
        var b = NonZero(baseline);
        var actual = Math.Pow(NonZero(value) / b, 1.0 / (time - baselineYear)) - 1.0;
        var required = RequiredGrowth(b, baselineYear, target, targetYear);
        return (actual / required, b * Math.Pow(1.0 + required, time - baselineYear));
    }

    private static decimal? Representable(double expected) =>
        double.IsFinite(expected) && Math.Abs(expected) < 1e15 ? Math.Round((decimal)expected, 4) : null;

    private static double RequiredGrowth(double baseline, double baselineTime, double target, double targetTime) =>
        Math.Pow(NonZero(target) / baseline, 1.0 / (targetTime - baselineTime)) - 1.0;

    private static double NonZero(double value) => value == 0 ? ZeroSubstitute : value;
}
