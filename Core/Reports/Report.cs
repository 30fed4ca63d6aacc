using GenderPlan.Core.Domain;

namespace GenderPlan.Core.Reports;

/// <summary>What a reported cell turned out to hold.</summary>
public enum MeasurementKind
{
    /// <summary>A number in the indicator's unit (for a category, its level).</summary>
    Number,

    /// <summary>A 0/0 rate: there was nothing to measure.</summary>
    NotApplicable,
}

/// <summary>The counts a rate was reported with (the numerator and denominator columns).</summary>
/// <param name="Numerator">Cases: boys born, deaths, women elected.</param>
/// <param name="Denominator">What they are counted against: girls born, live births, seats.</param>
public readonly record struct Counts(decimal Numerator, decimal Denominator);

/// <summary>A reported value, already scaled to the indicator's unit.</summary>
/// <param name="Kind">Number or not applicable.</param>
/// <param name="Value">The number (zero when not applicable).</param>
/// <param name="Counts">The numerator and denominator it was computed from, when the report gave them: how
/// much chance there is in the figure depends on them.</param>
public readonly record struct Measurement(MeasurementKind Kind, decimal Value, Counts? Counts = null)
{
    /// <summary>A number in the indicator's unit.</summary>
    public static Measurement Of(decimal value) => new(MeasurementKind.Number, value);

    /// <summary>A 0/0 rate.</summary>
    public static Measurement NotApplicable => new(MeasurementKind.NotApplicable, 0m);
}

/// <summary>One indicator's line of a report.</summary>
/// <param name="Indicator">The indicator, resolved against the plan.</param>
/// <param name="Measurement">What was reported.</param>
/// <param name="Row">The row it came from, for messages.</param>
/// <param name="Note">The official's note, if any.</param>
/// <param name="Location">Where the row names its indicator (row, column and code), for a problem with the row as a whole (who sent it); null when not read from a file.</param>
public sealed record ReportedValue(Indicator Indicator, Measurement Measurement, int Row, string? Note, ProblemLocation? Location = null);

/// <summary>
/// A report that passed every check: one period, one jurisdiction, the plan that covers them, and the
/// values it reports. Indicators left empty are simply absent.
/// </summary>
/// <param name="File">The file name the report came from.</param>
/// <param name="Period">The period it covers.</param>
/// <param name="Jurisdiction">The place it covers.</param>
/// <param name="Plan">The plan that scores it.</param>
/// <param name="Values">The reported values, in file order.</param>
public sealed record Report(string File, Period Period, string Jurisdiction, Plan Plan, IReadOnlyList<ReportedValue> Values);

/// <summary>The outcome of reading a report file: a report, or every problem with its location.</summary>
/// <param name="Report">The report, only when there was no problem at all.</param>
/// <param name="Problems">Every problem found.</param>
public sealed record ReportReadResult(Report? Report, IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether the report can be scored.</summary>
    public bool IsValid => Report is not null;
}
