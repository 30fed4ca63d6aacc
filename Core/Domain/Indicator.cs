namespace GenderPlan.Core.Domain;

/// <summary>
/// One indicator of a plan, as its rule defines it, with the threshold compiled once. Immutable: a new rules
/// version builds new indicators, so a score always refers to the rule that produced it.
/// </summary>
public sealed class Indicator
{
    private readonly Func<decimal, decimal, bool> _threshold;

    internal Indicator(IndicatorDefinition definition, int position, Func<decimal, decimal, bool> threshold)
    {
        Definition = definition;
        Position = position;
        _threshold = threshold;
    }

    /// <summary>The indicator's place in its plan, so scores list in the plan's order.</summary>
    public int Position { get; }

    /// <summary>Everything the rule file says about the indicator.</summary>
    public IndicatorDefinition Definition { get; }

    /// <summary>The public code (<c>G4.1</c>); the rule's <c>RuleName</c>.</summary>
    public string Code => Definition.Code;

    /// <summary>The goal (Mục tiêu) the indicator belongs to, from its code: G4.1 belongs to goal 4.</summary>
    public int Goal => Definition.Goal;

    /// <summary>Vietnamese and English names.</summary>
    public LocalizedText Name => Definition.Name;

    /// <summary>What the number counts.</summary>
    public MeasureUnit Unit => Definition.Unit;

    /// <summary>Up or down.</summary>
    public Direction Direction => Definition.Direction;

    /// <summary>
    /// The final target (the last milestone's), for callers that show one target per indicator; a report is judged
    /// against <see cref="MilestoneFor"/>, which is this target only in the last stretch.
    /// </summary>
    public decimal Target => Definition.Target;

    /// <summary>Every target with its year, ascending; one for a rule with a single <c>target</c>/<c>targetYear</c>.</summary>
    public IReadOnlyList<Milestone> Milestones => Definition.Milestones;

    /// <summary>
    /// The milestone a report for <paramref name="period"/> is judged against: the first whose year is not before the
    /// period's year (2025-H1 and 2025 answer to the 2025 milestone, 2026-H1 to the next), or the last once every
    /// milestone has passed.
    /// </summary>
    public Milestone MilestoneFor(Period period)
    {
        var milestones = Definition.Milestones;
        foreach (var milestone in milestones)
        {
            if (milestone.Year >= period.Year)
            {
                return milestone;
            }
        }

        return milestones[^1];
    }

    /// <summary>
    /// The stretch of the path <paramref name="period"/> is judged on: from the milestone before the one in force (its
    /// target, not the figure reported then), or from the baseline, to the milestone in force.
    /// </summary>
    public Stretch StretchFor(Period period)
    {
        var milestone = MilestoneFor(period);
        var milestones = Definition.Milestones;
        for (var index = 1; index < milestones.Count; index++)
        {
            if (milestones[index] == milestone)
            {
                return new Stretch(milestones[index - 1].Year, milestones[index - 1].Target, milestone, FromMilestone: true);
            }
        }

        return new Stretch(Definition.Baseline is null ? null : Definition.BaselineYear, Definition.Baseline, milestone, FromMilestone: false);
    }

    /// <summary>The baseline value, or null where the plan had none.</summary>
    public decimal? Baseline => Definition.Baseline;

    /// <summary>The unit that leads the indicator and receives its alerts.</summary>
    public string Lead => Definition.Lead;

    /// <summary>The units that coordinate (copied on alerts).</summary>
    public IReadOnlyList<string> Coordinating => Definition.Coordinating;

    /// <summary>
    /// Whether the indicator is reported at <paramref name="level"/>: a district figure in the district's report, a
    /// commune's figure in each commune's (<c>"levels"</c> in the rule; district only when absent).
    /// </summary>
    public bool IsReportedAt(UnitLevel level) => Definition.Levels is not { } levels ? level == UnitLevel.District : levels.Contains(level);

    /// <summary>
    /// Whether places at level <paramref name="level"/> (a level word such as <c>province</c> or <c>commune</c>) report the
    /// indicator: in a tree of any depth a place's obligations come from its level.
    /// </summary>
    public bool IsReportedAtLevel(string level) =>
        (Definition.LevelWords ?? Definition.Levels?.Select(known => known == UnitLevel.Commune ? PlaceLevels.Commune : PlaceLevels.District) ?? [PlaceLevels.District])
            .Contains(level, StringComparer.Ordinal);

    /// <summary>
    /// Whether the district's value can be added up from the communes' reports: a commune-level indicator that is a
    /// rate (numerator over denominator) or a count. Categories (staffing) are levels, not amounts: never added.
    /// </summary>
    public bool AddsUp => IsReportedAt(UnitLevel.Commune) && !Unit.IsCategory;

    /// <summary>
    /// How far the district's reported figure and the communes' sum may differ before the coordinator and the
    /// lead are told, in the indicator's unit: the rule's <c>tolerance</c>, else 1 point for a percentage, 1% of
    /// the reported figure for a ratio or a rate, and nothing for a count (whole things add up exactly).
    /// </summary>
    public decimal ToleranceFor(decimal reported) => Definition.Tolerance ?? (Unit == MeasureUnit.Percent ? 1m
        : Unit.WholeNumbers ? 0m
        : Math.Abs(reported) / 100m);

    /// <summary>
    /// Whether the figure changes only when its body is elected (<c>"changesAt": "election"</c>): it is judged on the result
    /// of the election, with no expected value between elections, since no report between them can move it.
    /// </summary>
    public bool ChangesOnlyAtElections => Definition.ElectionYears is { Count: > 0 };

    /// <summary>
    /// The latest election held in or before <paramref name="year"/>, whose result a report of that year carries; null
    /// before the first listed election or for an indicator that is not elected.
    /// </summary>
    public int? ElectionBy(int year) => Definition.ElectionYears?.Where(election => election <= year).Select(election => (int?)election).Max();

    /// <summary>The first listed election after <paramref name="year"/>: when the figure can next change; null when none is listed.</summary>
    public int? ElectionAfter(int year) => Definition.ElectionYears?.Where(election => election > year).Select(election => (int?)election).Min();

    /// <summary>Evaluates the rule's expression against the final target: does <paramref name="value"/> meet it?</summary>
    public bool MeetsTarget(decimal value) => _threshold(value, Definition.Target);

    /// <summary>
    /// Evaluates the rule's expression with <c>target</c> bound to <paramref name="milestone"/>'s target: does
    /// <paramref name="value"/> meet that milestone? Scoring binds the milestone in force, so an expression written
    /// once (<c>value &lt;= target</c>) serves every milestone.
    /// </summary>
    public bool Meets(decimal value, Milestone milestone) => _threshold(value, milestone.Target);

    /// <summary>The category of <paramref name="level"/>, for category indicators.</summary>
    public Category? CategoryAt(decimal level) => Definition.Categories.FirstOrDefault(category => category.Level == level);

    /// <inheritdoc />
    public override string ToString() => Code;
}

/// <summary>The data of one rule, as read from the rules file and validated.</summary>
/// <param name="Code">The indicator code (RuleName).</param>
/// <param name="Goal">The goal number taken from the code.</param>
/// <param name="Name">Vietnamese and English names.</param>
/// <param name="Unit">What the number counts.</param>
/// <param name="UnitName">How the unit is written for people.</param>
/// <param name="Direction">Up or down.</param>
/// <param name="Baseline">The baseline value, or null.</param>
/// <param name="BaselineYear">The year of the baseline, or null.</param>
/// <param name="Milestones">
/// Every target with its year, ascending and after the baseline year (<c>"milestones"</c>, or the single
/// <c>target</c>/<c>targetYear</c> as one milestone): the loader normalises both forms to this list.
/// </param>
/// <param name="ProvinceTarget">The province's target, for reference only.</param>
/// <param name="Lead">The lead unit id.</param>
/// <param name="Coordinating">The coordinating unit ids.</param>
/// <param name="Categories">The levels of a category indicator; empty otherwise.</param>
/// <param name="Expression">The rule's threshold expression, as written.</param>
/// <param name="Note">An official's note on how the indicator is read.</param>
/// <param name="Levels">Where the indicator is reported (<c>"levels"</c>): the district's report, the communes', or both; null means the district's only.</param>
/// <param name="Tolerance">The rule's <c>tolerance</c>: how far the district's figure may differ from the communes' sum, or null for the default.</param>
/// <param name="EveryYear">Whether the target must hold in every year ("Hàng năm", <c>"every": "year"</c>) (each milestone for the years up to it) rather than be reached by a year.</param>
/// <param name="Path">The plan's path from baseline to target (<c>Plan.path</c>), carried by each indicator so that one indicator can be scored or drawn without its plan.</param>
/// <param name="ElectionYears">
/// For a figure that changes only when a body is elected (<c>"changesAt": "election"</c>: women in the People's Councils), the
/// years of the elections (<c>"electionYears"</c>), ascending; null for a figure that can move in any period.
/// </param>
/// <param name="LevelWords">
/// The level words of <c>"levels"</c> as written (<c>province</c>, <c>district</c>, <c>commune</c>; the plan's own level when
/// absent): places at these levels report the indicator, and a place above them adds it up from them. Null only for an
/// indicator built without a plan, read as the district's.
/// </param>
/// <param name="CarriedFrom">
/// The code under which the plans before a merger reported the same figure (<c>"carriedFrom"</c>): a merged place with no
/// baseline of its own takes the sum of its former places' figures of that code in the baseline year. Null: never carried,
/// as a code may mean something else in an older plan.
/// </param>
public sealed record IndicatorDefinition(
    string Code,
    int Goal,
    LocalizedText Name,
    MeasureUnit Unit,
    LocalizedText UnitName,
    Direction Direction,
    decimal? Baseline,
    int? BaselineYear,
    IReadOnlyList<Milestone> Milestones,
    string? ProvinceTarget,
    string Lead,
    IReadOnlyList<string> Coordinating,
    IReadOnlyList<Category> Categories,
    string Expression,
    string? Note,
    bool EveryYear = false,
    IReadOnlyList<UnitLevel>? Levels = null,
    decimal? Tolerance = null,
    ProgressPath Path = ProgressPath.Linear,
    IReadOnlyList<int>? ElectionYears = null,
    IReadOnlyList<string>? LevelWords = null,
    string? CarriedFrom = null)
{
    /// <summary>The final target: the last milestone's, the one the plan ends on.</summary>
    public decimal Target => Milestones[^1].Target;

    /// <summary>The year of the final target: the last milestone's.</summary>
    public int TargetYear => Milestones[^1].Year;

    /// <summary>Whether the rule sets targets for several years (<c>"milestones"</c> with more than one).</summary>
    public bool HasMilestones => Milestones.Count > 1;
}
