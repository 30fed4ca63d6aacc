using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Scoring;

/// <summary>
/// Where a rate could lie by chance alone (95%), given the counts behind it. A district sees about a
/// thousand births a year, so a sex ratio of 108 against a target of 105 may be luck, not a trend; the
/// status stays what the plan says, and this says how much to read into it.
/// </summary>
/// <param name="Low">The lower end, in the indicator's unit.</param>
/// <param name="High">The upper end, in the indicator's unit.</param>
/// <param name="Cases">How many cases the rate rests on (births for a sex ratio, the denominator of a share).</param>
public readonly record struct ChanceInterval(decimal Low, decimal High, decimal Cases)
{
    private const double Z = 1.959963984540054;

    /// <summary>Half the width: "about ±7".</summary>
    public decimal Margin => (High - Low) / 2;

    /// <summary>Whether <paramref name="target"/> lies inside: then the figure cannot be told apart from the target.</summary>
    public bool Contains(decimal target) => target >= Low && target <= High;

    /// <summary>
    /// The interval for a rate of <paramref name="unit"/> computed from <paramref name="counts"/>, or null where the
    /// unit has none: Wilson for a share (percent); for a "per 100" ratio of two separate counts (boys per 100
    /// girls, abortions per 100 live births), Wilson on the share of the first in both, turned back into a ratio;
    /// exact Poisson for a rare event "per 100,000".
    /// </summary>
    public static ChanceInterval? For(MeasureUnit unit, Counts counts)
    {
        var (k, d) = ((double)counts.Numerator, (double)counts.Denominator);
        if (d <= 0 || k < 0)
        {
            return null;
        }

        if (unit == MeasureUnit.Percent && k <= d)
        {
            var (low, high) = Wilson(k, d);
            return Make(low * 100, high * 100, counts.Denominator);
        }

        if (unit == MeasureUnit.PerHundred)
        {
            var (low, high) = Wilson(k, k + d);
            return Make(Ratio(low), Ratio(high), counts.Numerator + counts.Denominator);
        }

        if (unit == MeasureUnit.PerHundredThousand)
        {
            var (low, high) = Poisson(k);
            return Make(low / d * 100_000, high / d * 100_000, counts.Denominator);
        }

        return null;
    }

    private static ChanceInterval? Make(double low, double high, decimal cases) =>
        double.IsFinite(low) && double.IsFinite(high) && high < 1e12
            ? new ChanceInterval(Math.Round((decimal)low, 2), Math.Round((decimal)high, 2), cases)
            : null;

    private static double Ratio(double share) => share >= 1 ? double.PositiveInfinity : 100 * share / (1 - share);

    /// <summary>The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    internal static (double Low, double High) Wilson(double successes, double trials)
    {
        var p = successes / trials;
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        var half = Z / (1 + z2 / trials) * Math.Sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// The exact (Garwood) interval of a Poisson mean from <paramref name="events"/> observed, by bisection on
    /// the Poisson distribution: past a thousand events the normal approximation is as good and far cheaper.
    /// </summary>
    internal static (double Low, double High) Poisson(double events)
    {
        if (events > 1000)
        {
            var half = Z * Math.Sqrt(events);
            return (events - half, events + half);
        }

        var k = (int)Math.Round(events);
        var low = k == 0 ? 0 : Solve(mean => 1 - Cdf(k - 1, mean), 0.025, 0, k);
        var high = Solve(mean => 1 - Cdf(k, mean), 0.975, k, k + 10 + 10 * Math.Sqrt(k + 1));
        return (low, high);
    }

    // The mean at which the increasing function reaches the level, between the bounds.
    private static double Solve(Func<double, double> increasing, double level, double below, double above)
    {
        for (var step = 0; step < 200; step++)
        {
            var middle = (below + above) / 2;
            if (increasing(middle) < level)
            {
                below = middle;
            }
            else
            {
                above = middle;
            }
        }

        return (below + above) / 2;
    }

    // P(X <= k) for X ~ Poisson(mean), summed in log space so a large mean never underflows a term to zero too early.
    private static double Cdf(int k, double mean)
    {
        if (mean <= 0)
        {
            return 1;
        }

        double sum = 0, logTerm = -mean;
        for (var i = 0; i <= k; i++)
        {
            if (i > 0)
            {
                logTerm += Math.Log(mean) - Math.Log(i);
            }

            sum += Math.Exp(logTerm);
        }

        return Math.Min(1, sum);
    }
}
