namespace GenderPlan.Core.Domain;

/// <summary>
/// Every plan and unit the product knows, loaded and validated together: the active rules. A report is
/// scored by the plan whose years cover its period and whose jurisdictions include its place.
/// </summary>
public sealed class RuleBook
{
    private readonly Dictionary<string, ResponsibleUnit> _units;

    internal RuleBook(IReadOnlyList<Plan> plans, IReadOnlyList<ResponsibleUnit> units, string version, PlaceTree? placeHistory = null)
    {
        PlaceHistory = placeHistory ?? new PlaceTree([]);
        Plans = plans;
        Units = units;
        Version = version;
        _units = units.ToDictionary(unit => unit.Id, StringComparer.Ordinal);
    }

    /// <summary>The plans, ordered by their first year.</summary>
    public IReadOnlyList<Plan> Plans { get; }

    /// <summary>
    /// The places of the places files (<c>*.places.json</c>) over time: which existed when, and what each new one was
    /// formed from, so that a figure of a merged commune can be compared with its predecessors' (<see cref="Scoring.SuccessionSum"/>).
    /// Empty when the rules have no places file.
    /// </summary>
    public PlaceTree PlaceHistory { get; }

    /// <summary>The units directory.</summary>
    public IReadOnlyList<ResponsibleUnit> Units { get; }

    /// <summary>A hash over every rules file: changes whenever any plan or recipient changes.</summary>
    public string Version { get; }

    /// <summary>The plan that covers <paramref name="period"/> for <paramref name="jurisdiction"/>, if any.</summary>
    public Plan? FindPlan(Period period, string jurisdiction) =>
        Plans.FirstOrDefault(plan => plan.Covers(period) && plan.HasJurisdiction(jurisdiction));

    /// <summary>
    /// The reporting calendar for <paramref name="year"/> (and <paramref name="jurisdiction"/> when given): the
    /// calendar of the plan covering them, else the latest plan's, so a page shown after the plans' years still has
    /// deadlines to show.
    /// </summary>
    public Calendar.ReportingCalendar CalendarFor(int year, string? jurisdiction = null) =>
        (Plans.FirstOrDefault(plan => year >= plan.StartYear && year <= plan.EndYear && (jurisdiction is null || plan.HasJurisdiction(jurisdiction))) ?? Plans[^1]).Calendar;

    /// <summary>
    /// The coordinator told of what concerns no single plan (a refused file, a rules change): the newest plan's
    /// (<c>Plan.coordinator</c>). What concerns one plan goes to that plan's <see cref="Plan.Coordinator"/>.
    /// </summary>
    public string Coordinator => Plans.MaxBy(plan => plan.EndYear)!.Coordinator;

    /// <summary>Whether <paramref name="unit"/> coordinates one of the plans, and so may act for any unit and edit the rules.</summary>
    public bool IsCoordinator(string unit) => Plans.Any(plan => plan.Coordinator == unit);

    /// <summary>The plans that cover <paramref name="period"/> for any place.</summary>
    public IEnumerable<Plan> PlansCovering(Period period) => Plans.Where(plan => plan.Covers(period));

    /// <summary>
    /// The districts of the plans that cover <paramref name="period"/> (every plan when null), each once, in plan
    /// order: where the rules hold exactly one, it is the place a page, a scorecard or a link means by default.
    /// </summary>
    public IReadOnlyList<string> Districts(Period? period = null) =>
        (period is { } covered ? PlansCovering(covered) : Plans).Select(plan => plan.District.Id).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The People's Committee that answers for commune <paramref name="jurisdiction"/> (its <c>jurisdiction</c> in
    /// <c>units.json</c>), or null: a district, or a commune whose committee the units file does not list yet.
    /// </summary>
    public ResponsibleUnit? CommitteeOf(string jurisdiction) => Units.FirstOrDefault(unit => unit.IsCommuneCommittee && unit.Jurisdiction == jurisdiction);

    /// <summary>A unit by id, or null.</summary>
    public ResponsibleUnit? FindUnit(string id) => _units.GetValueOrDefault(id);
}
