using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;

namespace GenderPlan.Core.Scoring;

/// <summary>Why an indicator got its status; the explanation sentence is chosen from this.</summary>
public enum StatusReason
{
    /// <summary>The value meets the target.</summary>
    TargetMet,

    /// <summary>The pace was measured against the plan's path: the progress ratio and the expected value of the period.</summary>
    PaceMeasured,

    /// <summary>Not met, and there is no baseline to measure a pace from.</summary>
    NoBaseline,

    /// <summary>Not met although the baseline already met the target: a "maintain" indicator slipped.</summary>
    SlippedFromBaseline,

    /// <summary>Not met and the target year has come: the verdict is final (missed).</summary>
    TargetYearReached,

    /// <summary>A category below the target level.</summary>
    CategoryBelowTarget,

    /// <summary>A 0/0 rate.</summary>
    NothingToMeasure,

    /// <summary>An every-year target not met in a year's report: missed for that year.</summary>
    YearNotMet,

    /// <summary>An every-year target not met at the half year: falling behind, half the year is left.</summary>
    YearNotMetYet,

    /// <summary>
    /// A figure that changes only at elections, below its target in a report after the election: the elected body's
    /// result stands for its term, so the verdict is final (missed) and no expected value is drawn.
    /// </summary>
    ElectionResultBelowTarget,

    /// <summary>
    /// A figure that changes only at elections, below its target before the first election the plan lists: it still
    /// describes the previous term, and only the coming election can bring it to the target (off track until then).
    /// </summary>
    ElectionAhead,
}

/// <summary>
/// The score of one reported indicator: the status, the numbers behind it and why. Explanation sentences
/// are built from it on demand (<see cref="ScoreExplainer"/>), keeping scoring itself allocation-light.
/// </summary>
/// <param name="Indicator">The indicator scored.</param>
/// <param name="Measurement">What was reported.</param>
/// <param name="Period">The period reported.</param>
/// <param name="Status">Met, on track, falling behind, off track, missed or not applicable.</param>
/// <param name="Reason">Why.</param>
/// <param name="ProgressRatio">The progress ratio on the plan's path, where a pace was measured: (x − b)/(expected − b) on the straight line, growth achieved over growth needed on the compound path.</param>
/// <param name="Expected">Where the indicator should be at this period on the plan's path from baseline to target (the target itself for an every-year target; none for an elected figure).</param>
public sealed record IndicatorScore(
    Indicator Indicator,
    Measurement Measurement,
    Period Period,
    Status Status,
    StatusReason Reason,
    double? ProgressRatio,
    decimal? Expected)
{
    /// <summary>The reported value, or null when not applicable.</summary>
    public decimal? Value => Measurement.Kind == MeasurementKind.Number ? Measurement.Value : null;

    /// <summary>
    /// The milestone the period was judged against (the first whose year is not before the period's): the target the
    /// status, the expected value and the sentence speak of. The indicator's only one for a rule with a single target.
    /// </summary>
    public Milestone Milestone => Indicator.MilestoneFor(Period);

    /// <summary>
    /// The baseline of a place formed by a merger, added up from its former places' figures of the baseline year, where the
    /// rule gives none (<see cref="IndicatorDefinition.CarriedFrom"/>); null otherwise.
    /// </summary>
    public CarriedOver? CarriedBaseline { get; init; }

    /// <summary>
    /// The stretch of the plan's path the period was judged on: from the baseline (the rule's, else <see cref="CarriedBaseline"/>)
    /// or the previous milestone's target to <see cref="Milestone"/>.
    /// </summary>
    public Stretch Stretch => StretchOf(Indicator, Period, CarriedBaseline);

    /// <summary>The stretch <paramref name="period"/> is judged on, starting from <paramref name="carried"/> where the rule has no baseline.</summary>
    internal static Stretch StretchOf(Indicator indicator, Period period, CarriedOver? carried)
    {
        var stretch = indicator.StretchFor(period);
        return stretch is { FromMilestone: false, Start: null } && carried is { Score.Value: { } value }
            ? stretch with { Start = value, StartYear = carried.Score.Period.Year }
            : stretch;
    }

    /// <summary>The baseline the period was measured from: the rule's, else the one carried over from the former places.</summary>
    public decimal? Baseline => Indicator.Baseline ?? CarriedBaseline?.Score.Value;

    /// <summary>Where the rate could lie by chance (95%), when the report gave its numerator and denominator.</summary>
    public ChanceInterval? Interval =>
        Measurement is { Kind: MeasurementKind.Number, Counts: { } counts } ? ChanceInterval.For(Indicator.Unit, counts) : null;

    /// <summary>
    /// Whether the target in force (<see cref="Milestone"/>) lies inside <see cref="Interval"/>: the figure cannot be told apart from the target,
    /// so an alert lists it as one to watch (cần theo dõi) rather than as a failure. The status is unchanged.
    /// </summary>
    public bool WithinNoise => Interval is { } interval && !Indicator.Unit.IsCategory && interval.Contains(Milestone.Target);
}

/// <summary>Every score of one report, with the rules version that produced them.</summary>
/// <param name="File">The report's file name.</param>
/// <param name="Period">Its period.</param>
/// <param name="Jurisdiction">Its place.</param>
/// <param name="PlanId">The plan that scored it.</param>
/// <param name="RulesVersion">The rules version that scored it.</param>
/// <param name="Scores">One score per reported indicator, in the plan's order.</param>
public sealed record Scorecard(string File, Period Period, string Jurisdiction, string PlanId, string RulesVersion, IReadOnlyList<IndicatorScore> Scores)
{
    /// <summary>Whether any indicator is falling behind, off track or missed.</summary>
    public bool NeedsAttention => Scores.Any(score => score.Status.NeedsAttention());
}
