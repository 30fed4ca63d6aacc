using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GenderPlan.Core.Domain;
using GenderPlan.Core.Reports;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Workflow.Storage;

/// <summary>
/// A row of <c>Results</c>: partition the place and period, row the indicator code for the latest result, and for the
/// history <see cref="HistoryPrefix"/>, the code, the arrival and the report (so too in the former <c>ResultHistory</c>,
/// without the prefix). Decimals are stored as invariant text: Table Storage has no decimal type, and a double would
/// turn 97.2 into 97.2000000001.
/// </summary>
public sealed class ResultEntity : TableRow
{
    /// <summary>The indicator code.</summary>
    public string Indicator { get; set; } = "";

    /// <summary>The period.</summary>
    public string Period { get; set; } = "";

    /// <summary>The place.</summary>
    public string Jurisdiction { get; set; } = "";

    /// <summary>The status word (<c>met</c>, <c>on-track</c>, ...).</summary>
    public string Status { get; set; } = "";

    /// <summary>The value as invariant text.</summary>
    public string? Value { get; set; }

    /// <summary>The target the status was judged against (the milestone in force for the period), as invariant text.</summary>
    public string? Target { get; set; }

    /// <summary>The baseline as invariant text.</summary>
    public string? Baseline { get; set; }

    /// <summary>CR, where computed.</summary>
    public double? ProgressRatio { get; set; }

    /// <summary>The expected value as invariant text.</summary>
    public string? Expected { get; set; }

    /// <summary>The lead unit.</summary>
    public string Lead { get; set; } = "";

    /// <summary>The coordinating units, comma-separated.</summary>
    public string? Coordinating { get; set; }

    /// <summary>The Vietnamese sentence.</summary>
    public string ExplanationVi { get; set; } = "";

    /// <summary>The English sentence.</summary>
    public string ExplanationEn { get; set; } = "";

    /// <summary>The rules version.</summary>
    public string RulesVersion { get; set; } = "";

    /// <summary>The report's key.</summary>
    public string Report { get; set; } = "";

    /// <summary>The sending unit.</summary>
    public string Unit { get; set; } = "";

    /// <summary>When the report arrived.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>
    /// The report's arrival number, which decides which result is the latest; for a figure added up from the
    /// communes, the total of the arrival numbers of the results it adds up (see <see cref="ResultStore.SaveRolledUpAsync"/>).
    /// Null on rows written before numbers existed.
    /// </summary>
    public long? Arrival { get; set; }

    /// <summary>The numerator of a rate, as invariant text, where reported.</summary>
    public string? Numerator { get; set; }

    /// <summary>The denominator of a rate, as invariant text, where reported.</summary>
    public string? Denominator { get; set; }

    /// <summary><c>communes</c> for a figure added up from the communes; absent (older rows too) for a reported one.</summary>
    public string? Source { get; set; }

    /// <summary>For an added-up figure: how many communes it covers.</summary>
    public int? CoverageReported { get; set; }

    /// <summary>For an added-up figure: how many communes the plan has.</summary>
    public int? CoverageExpected { get; set; }

    /// <summary>For an added-up figure: the missing communes' ids, comma-separated.</summary>
    public string? CoverageMissing { get; set; }

    /// <summary>
    /// What starts the row key of a result kept in the history, beside the latest rows of its partition. An indicator code
    /// never starts with <c>~</c>, so the latest rows are the key range below it, read without the history.
    /// </summary>
    public const string HistoryPrefix = "~h|";

    /// <summary>The history's row of one scoring: by indicator, then arrival, so a re-scoring (its version added) sorts after the scoring it redoes.</summary>
    public static string HistoryRowKey(string indicator, long arrival, string reportKey, string? rescoredBy) =>
        $"{HistoryPrefix}{indicator}~{Keys.Arrival(arrival)}~{Keys.Hash(reportKey)[..8]}{(rescoredBy is null ? "" : "~" + rescoredBy)}";

    /// <summary>The row key of the district's figure added up from the communes, beside the reported one (<c>G4.1~communes</c>).</summary>
    public static string RolledUpRowKey(string indicator) => indicator + "~communes";

    internal static ResultEntity From(IndicatorScore score, LocalizedText explanation, Scorecard card, string reportKey, string unit, DateTimeOffset receivedAt, long arrival)
    {
        var indicator = score.Indicator;
        return new ResultEntity
        {
            PartitionKey = Keys.PlaceAndPeriod(card.Jurisdiction, card.Period.ToString()),
            RowKey = indicator.Code,
            Indicator = indicator.Code,
            Period = card.Period.ToString(),
            Jurisdiction = card.Jurisdiction,
            Status = score.Status.Word(),
            Value = Text(score.Value),
            // The target the status was judged against: the milestone in force for the period.
            Target = Text(score.Milestone.Target),
            Baseline = Text(score.Baseline),
            ProgressRatio = score.ProgressRatio,
            Expected = Text(score.Expected),
            Lead = indicator.Lead,
            Coordinating = string.Join(",", indicator.Coordinating),
            ExplanationVi = explanation.Vi,
            ExplanationEn = explanation.En,
            RulesVersion = card.RulesVersion,
            Report = reportKey,
            Unit = unit,
            ReceivedAt = receivedAt,
            Arrival = arrival,
            Numerator = Text(score.Measurement.Counts?.Numerator),
            Denominator = Text(score.Measurement.Counts?.Denominator),
        };
    }

    /// <summary>The row of a district figure added up from the communes: beside the reported figure, never over it.</summary>
    internal static ResultEntity From(RolledUp rolled, LocalizedText explanation, string district, string rulesVersion, DateTimeOffset computedAt, long basis)
    {
        var card = new Scorecard("", rolled.Score.Period, district, "", rulesVersion, [rolled.Score]);
        var row = From(rolled.Score, explanation, card, "", FigureSourceText.Communes, computedAt, basis);
        row.RowKey = RolledUpRowKey(rolled.Score.Indicator.Code);
        row.Source = FigureSourceText.Communes;
        row.CoverageReported = rolled.Coverage.Reported;
        row.CoverageExpected = rolled.Coverage.Expected;
        row.CoverageMissing = string.Join(",", rolled.Coverage.Missing);
        return row;
    }

    internal ResultEntity WithRowKey(string rowKey)
    {
        var copy = (ResultEntity)MemberwiseClone();
        copy.RowKey = rowKey;
        copy.ETag = default;
        return copy;
    }

    internal StoredResult ToResult() => new(
        Indicator,
        Period,
        Jurisdiction,
        StatusText.TryParse(Status, out var status) ? status : throw new InvalidDataException($"result {PartitionKey}/{RowKey} has an unknown status '{Status}'"),
        Number(Value),
        Number(Target) ?? 0m,
        Number(Baseline),
        ProgressRatio,
        Number(Expected),
        Lead,
        (Coordinating ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        new LocalizedText(ExplanationVi, ExplanationEn),
        RulesVersion,
        Report,
        Unit,
        ReceivedAt,
        Source == FigureSourceText.Communes ? FigureSource.Communes : FigureSource.Reported,
        Numerator is not null && Denominator is not null ? new Counts(Number(Numerator)!.Value, Number(Denominator)!.Value) : null,
        CoverageReported is { } reported && CoverageExpected is { } expected
            ? new Coverage(reported, expected, (CoverageMissing ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            : null,
        Arrival ?? 0);

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
