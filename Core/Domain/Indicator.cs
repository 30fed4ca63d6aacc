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

    /// <summary>The district target; the only place the number lives (the expression refers to it).</summary>
    public decimal Target => Definition.Target;

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

    /// <summary>Evaluates the rule's expression: does <paramref name="value"/> meet the target?</summary>
    public bool MeetsTarget(decimal value) => _threshold(value, Definition.Target);

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
/// <param name="Target">The district target.</param>
/// <param name="TargetYear">The year the target must be met.</param>
/// <param name="ProvinceTarget">The province's target, for reference only.</param>
/// <param name="Lead">The lead unit id.</param>
/// <param name="Coordinating">The coordinating unit ids.</param>
/// <param name="Categories">The levels of a category indicator; empty otherwise.</param>
/// <param name="Expression">The rule's threshold expression, as written.</param>
/// <param name="Note">An official's note on how the indicator is read.</param>
/// <param name="Levels">Where the indicator is reported (<c>"levels"</c>): the district's report, the communes', or both; null means the district's only.</param>
/// <param name="Tolerance">The rule's <c>tolerance</c>: how far the district's figure may differ from the communes' sum, or null for the default.</param>
/// <param name="EveryYear">Whether the target must hold in every year ("Hàng năm", <c>"every": "year"</c>) rather than be reached by <paramref name="TargetYear"/>.</param>
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
public sealed record IndicatorDefinition(
    string Code,
    int Goal,
    LocalizedText Name,
    MeasureUnit Unit,
    LocalizedText UnitName,
    Direction Direction,
    decimal? Baseline,
    int? BaselineYear,
    decimal Target,
    int TargetYear,
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
    IReadOnlyList<string>? LevelWords = null);
