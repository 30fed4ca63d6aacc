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
        IReadOnlyList<Goal> goals,
        IReadOnlyList<Jurisdiction> jurisdictions,
        IReadOnlyList<Indicator> indicators,
        string version)
    {
        Id = id;
        Name = name;
        StartYear = startYear;
        EndYear = endYear;
        Goals = goals;
        Jurisdictions = jurisdictions;
        Indicators = indicators;
        Version = version;
        _byCode = indicators.ToDictionary(indicator => indicator.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The plan id, the workflow's <c>WorkflowName</c> (<c>dak-to-2016-2020</c>).</summary>
    public string Id { get; }

    /// <summary>The plan's title.</summary>
    public LocalizedText Name { get; }

    /// <summary>First year a report may cover.</summary>
    public int StartYear { get; }

    /// <summary>Last year a report may cover.</summary>
    public int EndYear { get; }

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
