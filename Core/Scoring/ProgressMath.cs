namespace GenderPlan.Core.Scoring;

/// <summary>
/// The UN SDG Progress Chart arithmetic: compound annual growth actually achieved from the baseline,
/// against the growth needed to reach the target by its year. Doubles are fine here: the inputs are exact
/// decimals, and the ratio is only compared with 0.5 and 0.95.
/// </summary>
public static class ProgressMath
{
    /// <summary>Stands in for zero, which has no growth rate (the method's convention).</summary>
    public const double ZeroSubstitute = 0.001;

    /// <summary>CR at or above this is on track.</summary>
    public const double OnTrackRatio = 0.95;

    /// <summary>CR at or above this (and below on-track) is falling behind; below it, off track.</summary>
    public const double FallingBehindRatio = 0.5;

    /// <summary>
    /// CR = CAGR_actual / CAGR_required for value <paramref name="value"/> at time <paramref name="time"/>,
    /// from <paramref name="baseline"/> at <paramref name="baselineTime"/> towards <paramref name="target"/>
    /// at <paramref name="targetTime"/> (negative when the value moved away from the target), and where the
    /// path stands at that time; the required growth is computed once for both.
    /// </summary>
    public static (double Ratio, double Expected) Measure(double value, double time, double baseline, double baselineTime, double target, double targetTime)
    {
        var b = NonZero(baseline);
        var actual = Math.Pow(NonZero(value) / b, 1.0 / (time - baselineTime)) - 1.0;
        var required = RequiredGrowth(b, baselineTime, target, targetTime);
        return (actual / required, b * Math.Pow(1.0 + required, time - baselineTime));
    }

    /// <summary>Where the path from baseline to target stands at <paramref name="time"/>.</summary>
    public static double ExpectedValue(double time, double baseline, double baselineTime, double target, double targetTime)
    {
        var b = NonZero(baseline);
        return b * Math.Pow(1.0 + RequiredGrowth(b, baselineTime, target, targetTime), time - baselineTime);
    }

    private static double RequiredGrowth(double baseline, double baselineTime, double target, double targetTime) =>
        Math.Pow(NonZero(target) / baseline, 1.0 / (targetTime - baselineTime)) - 1.0;

    private static double NonZero(double value) => value == 0 ? ZeroSubstitute : value;
}
