using GenderPlan.Core.Domain;
using GenderPlan.Core.FollowUps;
using GenderPlan.Core.Plans;
using GenderPlan.Core.Scoring;

namespace GenderPlan.Documents.ProvinceReports;

/// <summary>
/// The report the district's coordinator (Phòng Lao động - Thương binh và Xã hội) compiles twice a year for the
/// province's Department of Labour and the district People's Committee: the plan's appendix table filled in from
/// the stored results, each commune's figures, and who sent their report on time. Today it is copied by hand; the
/// workbook and the Word draft are written from this one model, so both always say the same thing.
/// </summary>
/// <param name="Rules">The rules it was made with: the units' names and who owes which report.</param>
/// <param name="Plan">The plan whose indicators it reports.</param>
/// <param name="Period">The period reported.</param>
/// <param name="GeneratedAt">When it was made; printed in Vietnam time so a reader can tell two drafts apart.</param>
/// <param name="Goals">The goals in the plan's order, each with its indicators in the plan's order.</param>
/// <param name="Communes">The commune-level indicators and each commune's figures for the period.</param>
/// <param name="Reporting">Every report owed for the period and whether it arrived on time, late or not at all.</param>
/// <param name="FilesWithoutSender">Report files read offline, whose sender and arrival are unknown.</param>
/// <param name="Coordinator">The unit that compiles and signs the report (<c>ldtbxh</c>): the Word draft's issuing body.</param>
public sealed record ProvinceReport(
    RuleBook Rules,
    Plan Plan,
    Period Period,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<GoalSection> Goals,
    CommuneTable Communes,
    IReadOnlyList<ReportDue> Reporting,
    IReadOnlyList<string> FilesWithoutSender,
    ResponsibleUnit Coordinator)
{
    /// <summary>
    /// The rules version every figure was scored with: kept in the files' properties and the workbook's annex sheet
    /// so a figure can be traced, never in the body the office signs.
    /// </summary>
    public string RulesVersion => Plan.Version;

    /// <summary>Which report this is and what it covers; the regular report of <see cref="Period"/> unless built for a review or on request.</summary>
    public ReportScope Scope { get; init; } = ReportScope.Regular(Period);

    /// <summary>
    /// The date on the document ("Đăk Tô, ngày 05 tháng 01 năm 2020"): the day it is made, Vietnam time, unless the
    /// office says which day it will sign (<c>--date</c>).
    /// </summary>
    public DateOnly Date { get; init; } = Core.Calendar.ReportingCalendar.VietnamDate(GeneratedAt);

    /// <summary>
    /// The follow-up cases of the report's period (a review's years) in the plan's places, open or closed: the draft's
    /// "Giải pháp đã triển khai" and the workbook's sheet of cases. Empty for a report made from files.
    /// </summary>
    public IReadOnlyList<FollowUpCase> FollowUps { get; init; } = [];

    /// <summary>The plan's chỉ tiêu of each goal, numbered as the plan numbers them.</summary>
    public IReadOnlyList<PlanTarget> TargetsOf(GoalSection goal) => PlanTarget.Group(goal.Goal.Number, goal.Lines);

    /// <summary>The district the report covers.</summary>
    public Jurisdiction District => Plan.District;

    /// <summary>
    /// How the documents name the plan's own place and its government ("huyện", "UBND huyện"; "xã", "UBND xã"): from
    /// the place, so a commune's or a province's report never speaks of a district.
    /// </summary>
    public PlaceWords PlaceWords => PlaceWords.Of(District);

    /// <summary>
    /// The places directly below the plan's own place in the report's period, as a sentence names them all ("các xã,
    /// thị trấn"); null for a plan of one place, whose report cites no reports from below.
    /// </summary>
    public LocalizedText? PlacesBelow => PlaceWords.Members(Plan.Places.ChildrenOf(District.Id, Period));

    /// <summary>Every indicator line, goal by goal.</summary>
    public IEnumerable<IndicatorLine> Lines => Goals.SelectMany(goal => goal.Lines);
}

/// <summary>One goal (Mục tiêu) with its indicators' lines.</summary>
/// <param name="Goal">The goal.</param>
/// <param name="Lines">Its indicators, in the plan's order.</param>
public sealed record GoalSection(Goal Goal, IReadOnlyList<IndicatorLine> Lines);

/// <summary>One indicator's line of the appendix table.</summary>
/// <param name="Indicator">The indicator, with its baseline, targets, unit and lead.</param>
/// <param name="Figure">
/// The figure reported: the lead department's own when it sent one, else the communes' figures added up; null when
/// neither exists for the period.
/// </param>
/// <param name="CommunesFigure">The communes' sum when the department's own figure is shown, so both can be read side by side.</param>
/// <param name="History">For a review, each year's figure of the span in order (null where none); empty otherwise.</param>
/// <param name="InForce">The milestone the report's period (a review's last year) is judged against; null reads as the plan's final target.</param>
public sealed record IndicatorLine(
    Indicator Indicator, ReportFigure? Figure, ReportFigure? CommunesFigure, IReadOnlyList<ReportFigure?>? History = null, Milestone? InForce = null)
{
    /// <summary>The target the report's period is judged against: with milestones, the next one not yet passed; else the plan's target.</summary>
    public Milestone Milestone => InForce ?? Indicator.Milestones[^1];

    /// <summary>Each year's figure of a review, or nothing.</summary>
    public IReadOnlyList<ReportFigure?> Years => History ?? [];
}

/// <summary>A scored figure as stored: value, status, the sentence, and where it came from.</summary>
/// <param name="Status">The status.</param>
/// <param name="Value">The value in the indicator's unit (a category's level), or null for a 0/0.</param>
/// <param name="Explanation">The sentence in both languages.</param>
/// <param name="Source">Reported, or added up from the communes.</param>
/// <param name="Coverage">For a sum, which communes it covers.</param>
public sealed record ReportFigure(Status Status, decimal? Value, LocalizedText Explanation, FigureSource Source, Coverage? Coverage);

/// <summary>The communes' sheet: the commune-level indicators as columns, each commune a row.</summary>
/// <param name="Indicators">The plan's commune-level indicators, in its order.</param>
/// <param name="Rows">Every commune and town of the plan, in its order.</param>
public sealed record CommuneTable(IReadOnlyList<Indicator> Indicators, IReadOnlyList<CommuneLine> Rows);

/// <summary>One commune's figures, one per commune-level indicator (null where it gave none for the period).</summary>
/// <param name="Commune">The commune or town.</param>
/// <param name="Figures">Its figures, in the order of <see cref="CommuneTable.Indicators"/>.</param>
public sealed record CommuneLine(Jurisdiction Commune, IReadOnlyList<ReportFigure?> Figures);

/// <summary>Where a report owed for the period stands.</summary>
public enum DueState
{
    /// <summary>Arrived before the deadline (Vietnam time).</summary>
    OnTime,

    /// <summary>Arrived, after the deadline.</summary>
    Late,

    /// <summary>Not arrived, and the deadline has passed.</summary>
    Missing,

    /// <summary>Not arrived, and the deadline has not come yet.</summary>
    NotDue,

    /// <summary>Not known: the report was made offline from files, which say nothing of who sent them or when.</summary>
    Unknown,
}

/// <summary>One report owed for the period: who owes it, for which place, and whether it came.</summary>
/// <param name="Unit">The unit that owes it.</param>
/// <param name="Place">The place it covers (the district, or the committee's commune).</param>
/// <param name="Deadline">The date it had to arrive before.</param>
/// <param name="State">On time, late, missing or not due yet.</param>
/// <param name="ReceivedAt">When it arrived, where it did.</param>
public sealed record ReportDue(ResponsibleUnit Unit, Jurisdiction Place, DateOnly Deadline, DueState State, DateTimeOffset? ReceivedAt);
