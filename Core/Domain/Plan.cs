namespace GenderPlan.Core.Domain;

/// <summary>
/// A district's action plan for a span of years: its indicators with compiled thresholds, its goals and the
/// places that report under it. One rules workflow file defines one plan.
/// </summary>
public sealed class Plan
{
    private readonly Dictionary<string, Indicator> _byCode;

    internal Plan(
        string id,
        LocalizedText name,
        int startYear,
        int endYear,
        Jurisdiction district,
        IReadOnlyList<Goal> goals,
        IReadOnlyList<Jurisdiction> jurisdictions,
        IReadOnlyList<Indicator> indicators,
        string version,
        PlanFacts facts)
    {
        Facts = facts;
        Id = id;
        Name = name;
        StartYear = startYear;
        EndYear = endYear;
        District = district;
        Goals = goals;
        Jurisdictions = jurisdictions;
        Indicators = indicators;
        Places = new PlaceTree(jurisdictions);
        Version = version;
        _byCode = indicators.ToDictionary(indicator => indicator.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Calendar, coordinator, documents and recipient, as the plan file's header gives them.</summary>
    public PlanFacts Facts { get; }

    /// <summary>
    /// The plan's reporting calendar (<c>Plan.deadlines</c>): every deadline, reminder, overdue notice and on-time
    /// mark of a report under this plan comes from here.
    /// </summary>
    public Calendar.ReportingCalendar Calendar => Facts.Calendar;

    /// <summary>The unit that coordinates the plan (<c>Plan.coordinator</c>, <c>ldtbxh</c> in Đăk Tô); it exists in <c>units.json</c>.</summary>
    public string Coordinator => Facts.Coordinator;

    /// <summary>The year the baselines describe (<c>Plan.baselineYear</c>, 2015 for 2016-2020): "Năm 2015" in a report's headers.</summary>
    public int BaselineYear => Facts.BaselineYear;

    /// <summary>The document that adopted the plan (<c>37/KH-UBND</c>, 01/7/2016, UBND huyện Đăk Tô), where the file names it.</summary>
    public PlanDocument? AdoptedBy => Facts.AdoptedBy;

    /// <summary>The higher plan this one carries out (<c>7383/KH-UBND</c> of UBND tỉnh Kon Tum), where the file names it.</summary>
    public PlanDocument? Implements => Facts.Implements;

    /// <summary>The body that receives the plan's report (the province's Sở LĐ-TB&amp;XH), where the file names it.</summary>
    public LocalizedText? ReportsTo => Facts.ReportsTo;

    /// <summary>
    /// The path from baseline to target every indicator of the plan is measured against (<c>Plan.path</c>, straight line by
    /// default): scores, their "kỳ này cần đạt" and the page's charts all follow it. Each indicator carries it too.
    /// </summary>
    public ProgressPath Path => Facts.Path;

    /// <summary>The first period reported through the product (<c>Plan.reportingSince</c>), where the file names it; earlier reports went on paper.</summary>
    public Period? ReportingSince => Facts.ReportingSince;

    /// <summary>
    /// Whether the plan's reports are approved or returned (<c>Plan.approval</c>), and by whom: off unless the file says
    /// so, so a plan written before the setting keeps counting every accepted report.
    /// </summary>
    public ApprovalPolicy Approval => Facts.Approval ?? ApprovalPolicy.Off;

    /// <summary>Whether the plan file marks the plan archived (<c>Plan.archived</c>): replaced before its end, say by a reform.</summary>
    public bool Archived => Facts.Archived;

    /// <summary>The plan's follow-up timing: its own <c>followUp</c>, or ten days to answer an alert.</summary>
    public FollowUps.FollowUpSettings FollowUp => Facts.FollowUp ?? FollowUps.FollowUpSettings.Default;

    /// <summary>
    /// Whether the plan is archived on <paramref name="today"/>: marked so, or past the day after its last report's deadline
    /// (the annual report of its last year; the overdue notice of that report is the last letter it owes). An archived plan's
    /// reports are still read, scored, shown and reported to the province; only reminders and overdue notices, which chase
    /// reports that are coming, skip it. Deriving it from the calendar too means a plan nobody remembered to mark never
    /// chases units after its end; the flag covers the plan replaced before its end.
    /// </summary>
    public bool IsArchivedOn(DateOnly today) => Archived || today > Calendar.Deadline(Period.Annual(EndYear)).AddDays(1);

    /// <summary>The plan id, the workflow's <c>WorkflowName</c> (<c>dak-to-2016-2020</c>).</summary>
    public string Id { get; }

    /// <summary>The plan's title.</summary>
    public LocalizedText Name { get; }

    /// <summary>First year a report may cover.</summary>
    public int StartYear { get; }

    /// <summary>Last year a report may cover.</summary>
    public int EndYear { get; }

    /// <summary>
    /// The district the plan belongs to (<c>Plan.district</c> in the rules file): the place whose report is the
    /// plan's own, whose page is the site's home page, and whose lead units owe the district report. The other
    /// jurisdictions are its communes and town.
    /// </summary>
    public Jurisdiction District { get; }

    /// <summary>Whether <paramref name="id"/> is the plan's district rather than one of its communes.</summary>
    public bool IsDistrict(string id) => District.Id == id;

    /// <summary>The level a report for <paramref name="jurisdiction"/> is made at: the district's, or a commune's.</summary>
    public UnitLevel LevelOf(string jurisdiction) => IsDistrict(jurisdiction) ? UnitLevel.District : UnitLevel.Commune;

    /// <summary>
    /// The plan's places as a tree of any depth (<c>parent</c>, <c>level</c>, <c>from</c>/<c>until</c> in the file): what
    /// each place adds up from, and which places exist in a period. <see cref="District"/> is its root.
    /// </summary>
    public PlaceTree Places { get; }

    /// <summary>The level word of <paramref name="jurisdiction"/> (<c>district</c>, <c>commune</c>, <c>province</c>), or null when the plan does not list it.</summary>
    public string? LevelWordOf(string jurisdiction) => Places.Find(jurisdiction)?.Level;

    /// <summary>
    /// Every jurisdiction of the plan but its own place, in the plan's order: the communes and the town of a district's
    /// plan; in a deeper tree every place below the root at any depth (a province plan's districts and their communes
    /// alike), whatever their periods, so what any place adds up from is among them.
    /// </summary>
    public IEnumerable<Jurisdiction> Communes => Jurisdictions.Where(place => !IsDistrict(place.Id));

    /// <summary>The indicators reported at <paramref name="level"/>, in the plan's order.</summary>
    public IEnumerable<Indicator> IndicatorsAt(UnitLevel level) => Indicators.Where(indicator => indicator.IsReportedAt(level));

    /// <summary>
    /// The indicators a report for <paramref name="jurisdiction"/> gives, in the plan's order: those reported at its
    /// place's level (<c>"levels"</c> against the place's <c>"level"</c>), so in a tree of any depth what a place owes
    /// follows from its level. A place the plan does not list is read as a commune, as before places had levels.
    /// </summary>
    public IEnumerable<Indicator> IndicatorsFor(string jurisdiction) =>
        Places.Find(jurisdiction) is { } place ? Indicators.Where(indicator => indicator.IsReportedAtLevel(place.Level)) : IndicatorsAt(LevelOf(jurisdiction));

    /// <summary>The name of <paramref name="jurisdiction"/>, or its id when the plan does not list it.</summary>
    public string NameOf(string jurisdiction) => Jurisdictions.FirstOrDefault(place => place.Id == jurisdiction)?.Name ?? jurisdiction;

    /// <summary>The goals, in order.</summary>
    public IReadOnlyList<Goal> Goals { get; }

    /// <summary>Who may report under the plan.</summary>
    public IReadOnlyList<Jurisdiction> Jurisdictions { get; }

    /// <summary>The indicators in the order of the rules file.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>
    /// The rules version every score records: the plan id and a hash of the plan and units files, so a
    /// changed target or recipient is a new version.
    /// </summary>
    public string Version { get; }

    /// <summary>Whether the plan's years include the period.</summary>
    public bool Covers(Period period) => period.Year >= StartYear && period.Year <= EndYear;

    /// <summary>Whether the jurisdiction reports under this plan.</summary>
    public bool HasJurisdiction(string id) => Jurisdictions.Any(jurisdiction => jurisdiction.Id == id);

    /// <summary>Finds an indicator by code, ignoring case.</summary>
    public Indicator? FindIndicator(string code) => _byCode.GetValueOrDefault(code);
}
